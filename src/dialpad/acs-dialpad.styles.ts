import { css } from 'lit';

/** Styles of `<acs-dialpad>`; the shared tokens come from `core/styles`. */
export const dialpadStyles = css`
  :host {
    --_width: var(--acs-dialpad-width, 20rem);
    --_key-size: var(--acs-dialpad-key-size, 3.25rem);
    --_key-background: var(--acs-dialpad-key-background, var(--_color-surface));
    --_key-pressed: var(--acs-dialpad-key-pressed-background, var(--_color-accent));
    --_call: var(--acs-dialpad-call-color, var(--_color-accent));
    --_hang-up: var(--acs-dialpad-hang-up-color, var(--_color-danger));
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  .dialpad {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    max-width: var(--_width);
    margin-inline: auto;
    padding: calc(var(--_space) * 2);
  }

  .fields {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: var(--_space);
  }

  .field-label {
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  select,
  input {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    padding: 0.375rem 0.5rem;
    min-width: 0;
  }

  select:disabled,
  input:read-only {
    background: var(--_color-surface);
  }

  .number {
    display: flex;
    gap: 0.25rem;
  }

  .number input {
    flex: 1;
    font-size: 1.375rem;
    letter-spacing: 0.02em;
    text-align: center;
  }

  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .backspace {
    padding-inline: var(--_space);
    background: transparent;
    border-color: transparent;
    color: var(--_color-text);
    font-size: 1.25rem;
    touch-action: manipulation;
    user-select: none;
  }

  .backspace:disabled {
    color: var(--_color-text-muted);
    cursor: default;
  }

  .message,
  .problem {
    margin: 0;
    min-height: 1.4em;
    font-size: 0.8125rem;
    color: var(--_color-danger);
  }

  .problem {
    min-height: 0;
  }

  .call-status {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: center;
    gap: 0 var(--_space);
    text-align: center;
  }

  .call-status p {
    margin: 0;
  }

  .state {
    font-weight: 600;
  }

  .remote,
  .reason {
    flex-basis: 100%;
    color: var(--_color-text-muted);
  }

  .timer {
    font-variant-numeric: tabular-nums;
  }

  .keypad {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--_space);
  }

  .key {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-height: var(--_key-size);
    padding: 0.25rem;
    border-color: var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_key-background);
    color: var(--_color-text);
    line-height: 1.1;
    touch-action: manipulation;
    user-select: none;
    -webkit-user-select: none;
  }

  .digit {
    font-size: 1.375rem;
  }

  .letters {
    min-height: 1em;
    font-size: 0.6875rem;
    letter-spacing: 0.08em;
    color: var(--_color-text-muted);
  }

  .key:active,
  .key[data-pressed] {
    background: var(--_key-pressed);
    border-color: var(--_key-pressed);
    color: var(--_color-on-accent);
  }

  .key:active .letters,
  .key[data-pressed] .letters {
    color: inherit;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--_space);
  }

  .primary {
    flex-basis: 100%;
    font-weight: 600;
  }

  .call {
    background: var(--_call);
    border-color: var(--_call);
  }

  .hang-up {
    background: var(--_hang-up);
    border-color: var(--_hang-up);
  }

  .primary:disabled {
    cursor: default;
    opacity: 0.55;
  }

  .toggle {
    background: var(--_color-surface);
    color: var(--_color-text);
    border-color: var(--_color-border);
    font-size: 0.875rem;
  }

  .toggle[aria-pressed='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    border-color: var(--_color-accent);
  }

  .toggle:disabled {
    cursor: default;
    color: var(--_color-text-muted);
  }
`;
