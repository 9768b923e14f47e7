import { css } from 'lit';

// Public `--acs-*` tokens feed private `--_*` ones, so a page themes an element by setting the
// public token anywhere above it, with no specificity fight with these defaults.
const darkPalette = css`
  --_color-background: var(--acs-color-background, #1f1f23);
  --_color-surface: var(--acs-color-surface, #2b2b31);
  --_color-text: var(--acs-color-text, #f3f3f5);
  --_color-text-muted: var(--acs-color-text-muted, #b9b9c3);
  --_color-border: var(--acs-color-border, #4a4a55);
  --_color-accent: var(--acs-color-accent, #62abf5);
  --_color-on-accent: var(--acs-color-on-accent, #0b0b0d);
  --_color-danger: var(--acs-color-danger, #ff9a9a);
  --_color-danger-fill: var(--acs-color-danger-fill, #c42b1c);
  --_color-focus: var(--acs-color-focus, #ffffff);
  color-scheme: dark;
`;

/**
 * The shared design tokens, light by default, dark with `theme="dark"`, and following the
 * system with `theme="auto"`.
 */
export const tokenStyles = css`
  :host {
    --_color-background: var(--acs-color-background, #ffffff);
    --_color-surface: var(--acs-color-surface, #f4f4f6);
    --_color-text: var(--acs-color-text, #1b1b1f);
    --_color-text-muted: var(--acs-color-text-muted, #5a5a66);
    --_color-border: var(--acs-color-border, #c8c8d0);
    --_color-accent: var(--acs-color-accent, #0f6cbd);
    --_color-on-accent: var(--acs-color-on-accent, #ffffff);
    --_color-danger: var(--acs-color-danger, #b10e1c);
    /* Filled danger buttons (leave, hang up) stay red with white text in both themes (5.6:1). */
    --_color-danger-fill: var(--acs-color-danger-fill, #c42b1c);
    --_color-on-danger: var(--acs-color-on-danger, #ffffff);
    --_color-focus: var(--acs-color-focus, #1b1b1f);
    --_radius-s: var(--acs-radius-s, 4px);
    --_radius-m: var(--acs-radius-m, 8px);
    --_font-family: var(--acs-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--acs-font-size, 0.9375rem);
    --_space: var(--acs-space, 0.5rem);
    color-scheme: light;

    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_color-text);
    background: var(--_color-background);
  }

  :host([theme='dark']) {
    ${darkPalette}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkPalette}
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* Read by screen readers, not shown: live announcements and hints. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Lucide icons (core/icons.ts) at the text's size; mirrored in RTL only where they point along the text. */
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    vertical-align: middle;
  }

  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius-s);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    border: 1px solid var(--_color-accent);
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
