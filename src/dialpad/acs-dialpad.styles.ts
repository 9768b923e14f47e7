import { css } from 'lit';

/**
 * Styles of `<acs-dialpad>`; the shared tokens come from `core/styles`. Comments stay out of the
 * CSS, which ships as written. Why some rules are what they are:
 * - fields and toggles are told apart by their outline, the muted text colour: 3:1 or more;
 * - the country select is the native one, with every country's name, transparent over its short
 *   code (`US +1`) and a caret, so that it fits beside the number at the same height;
 * - the backspace button (2.25rem) sits centred in the 3rem row: 0.375rem from its top;
 * - the number field leaves room for the backspace button at its end (its left in right-to-left
 *   languages, though the number itself reads left to right); the backspace icon points at the
 *   number it deletes from; during a call the read-only field is the number called;
 * - the pad sits in the middle of a tall element, not at its top;
 * - the disabled call button reads as disabled in both themes: no accent fill, no fading, muted
 *   text at 4.5:1 or more; hang-up is the danger fill with white;
 * - a pressed toggle is tinted, not filled: a toggle never looks like the call button;
 * - an international number (`long`) is set smaller, so `+1 425 555 0199` shows whole beside the
 *   country at 390px; the extension pasted with a number is a muted note pulled up under the field,
 *   its remove icon mirrored as the backspace's is.
 */
export const dialpadStyles = css`
  :host {
    --_width: var(--acs-dialpad-width, 22rem);
    --_key-size: var(--acs-dialpad-key-size, 3.25rem);
    --_key-background: var(--acs-dialpad-key-background, var(--_color-surface));
    --_key-pressed: var(--acs-dialpad-key-pressed-background, var(--_color-accent));
    --_call: var(--acs-dialpad-call-color, var(--_color-accent));
    --_hang-up: var(--acs-dialpad-hang-up-color, var(--_color-danger-fill));
    --_outline: var(--_color-text-muted);
    --_row: 3rem;
    min-height: 8rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    overflow: hidden;
  }

  .base {
    display: flex;
    flex-direction: column;
    justify-content: center;
    height: 100%;
  }

  .dialpad {
    display: flex;
    width: 100%;
    flex-direction: column;
    gap: var(--_space);
    max-width: var(--_width);
    margin-inline: auto;
    padding: calc(var(--_space) * 2);
  }

  p {
    margin: 0;
  }

  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space);
  }

  .country,
  .number {
    position: relative;
    height: var(--_row);
  }

  .country {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_outline);
    border-radius: var(--_radius-s);
    white-space: nowrap;
  }

  .country::after {
    content: '';
    border: 0.3rem solid transparent;
    border-top-color: currentColor;
    margin-top: 0.3rem;
  }

  .country:has(select:focus-visible) {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  select {
    position: absolute;
    inset: -1px;
    width: calc(100% + 2px);
    opacity: 0;
  }

  .number {
    flex: 1;
    min-width: 0;
  }

  input {
    width: 100%;
    height: 100%;
    padding-inline: 0.5rem 2.75rem;
    font: inherit;
    font-size: 1.375rem;
    text-align: center;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius-s);
  }

  input.long {
    font-size: 1.125rem;
  }

  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  input:read-only {
    padding: 0;
    border-color: transparent;
    font-size: 1.625rem;
    font-weight: 600;
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border-radius: 50%;
    border-color: var(--_outline);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  .backspace {
    position: absolute;
    top: 0.375rem;
    inset-inline-end: 0.25rem;
    width: 2.25rem;
    height: 2.25rem;
    border-color: transparent;
    background: transparent;
    color: var(--_color-text-muted);
    touch-action: manipulation;
  }

  [dir='rtl'] .backspace .icon,
  [dir='rtl'] .extension .icon {
    transform: scaleX(-1);
  }

  [dir='rtl'] input {
    padding-inline: 2.75rem 0.5rem;
  }

  .message,
  .problem,
  .config-message {
    flex-basis: 100%;
    font-size: 0.8125rem;
    color: var(--_color-danger);
  }

  .message {
    min-height: 1.4em;
  }

  .locked .message {
    display: none;
  }

  .extension {
    flex-basis: 100%;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    margin-top: -0.5rem;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }

  .extension .icon-button {
    width: 2rem;
    height: 2rem;
    border-color: transparent;
    background: transparent;
    color: var(--_color-text-muted);
  }

  .call-status {
    text-align: center;
    color: var(--_color-text-muted);
  }

  .state {
    font-weight: 600;
    color: var(--_color-text);
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
    align-items: center;
    gap: var(--_space);
  }

  .primary {
    flex: 1;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    height: var(--_row);
    border-radius: 2rem;
    font-weight: 600;
  }

  .call {
    background: var(--_call);
    border-color: var(--_call);
  }

  .hang-up {
    background: var(--_hang-up);
    border-color: var(--_hang-up);
    color: var(--_color-on-danger);
  }

  .primary:disabled {
    cursor: default;
    background: var(--_color-surface);
    border-color: var(--_color-border);
    color: var(--_color-text-muted);
  }

  .toggle[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_color-accent) 18%, var(--_color-background));
    border-color: var(--_color-accent);
  }

  .toggle:disabled {
    cursor: default;
    color: var(--_color-text-muted);
  }
`;
