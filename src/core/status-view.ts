import { html, nothing, type TemplateResult } from 'lit';
import { errorText } from './error-text.js';
import { isRetryable, type AcsError } from './errors.js';
import type { SharedStrings } from './i18n/strings.js';

/** The busy state every element paints before its SDK has arrived. */
export function renderConnecting(strings: SharedStrings): TemplateResult {
  return html`<div class="status" part="status" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <span>${strings.connecting}</span>
  </div>`;
}

/** A visible, localized error, with a retry only when retrying can help (never for a configuration error). */
export function renderFailure(error: AcsError, strings: SharedStrings, dir: 'ltr' | 'rtl', retry: () => void): TemplateResult {
  return html`<div class="status failure" part="error" role="alert">
    <strong class="failure-title">${strings.errorTitle}</strong>
    <span class="failure-text">${errorText(error, strings, dir)}</span>
    ${isRetryable(error.code) ? html`<button type="button" part="retry-button" @click=${retry}>${strings.retry}</button>` : nothing}
  </div>`;
}

/** A problem the element survives for now (e.g. a failed token refresh), shown above its content. */
export function renderNotice(error: AcsError, strings: SharedStrings, dir: 'ltr' | 'rtl'): TemplateResult {
  return html`<p class="notice" part="notice" role="alert">${errorText(error, strings, dir)}</p>`;
}
