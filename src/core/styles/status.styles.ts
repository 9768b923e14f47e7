import { css } from 'lit';

/** Styles of the connecting and error panels of `status-view.ts`. */
export const statusStyles = css`
  .status {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 8rem;
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--_color-text-muted);
  }

  .failure {
    color: var(--_color-text);
  }

  .failure-title {
    color: var(--_color-danger);
  }

  .notice {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    border: 3px solid var(--_color-border);
    border-top-color: var(--_color-accent);
    animation: spin 0.9s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
