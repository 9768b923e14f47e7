import { css } from 'lit';

/** Styles of `<acs-call>`; the shared tokens come from `core/styles`. */
export const callStyles = css`
  :host {
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }
`;
