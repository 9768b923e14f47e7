import { html, nothing, svg, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { MessageView } from './chat-state.js';

// A fragment empties when Lit inserts it; handing Lit the same one again for an unchanged message is a no-op.
const sanitizedContent = new WeakMap<MessageView, DocumentFragment>();

export type Sanitizer = (html: string) => DocumentFragment;

/** The sanitized HTML, or, until the sanitizer has downloaded, its text read from an inert document. */
function htmlContent(message: MessageView, sanitize: Sanitizer | undefined): DocumentFragment | string {
  if (!sanitize) return new DOMParser().parseFromString(message.content, 'text/html').body.textContent;
  let fragment = sanitizedContent.get(message);
  if (!fragment) sanitizedContent.set(message, (fragment = sanitize(message.content)));
  return fragment;
}

// Drawn, not emoji: headless and kiosk browsers often have no emoji font.
const editIcon = svg`<path d="M3 17.25V21h3.75L17.8 9.94l-3.75-3.75L3 17.25zm17.7-10.2a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z"/>`;
const deleteIcon = svg`<path d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z"/>`;

function icon(path: ReturnType<typeof svg>): TemplateResult {
  return html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="currentColor">${path}</svg>`;
}

export interface MessageActions {
  retry(key: string): void;
  edit(key: string): void;
  remove(key: string): void;
}

/** One entry of the message list: a system line, or a message bubble with its state and actions. */
export function renderMessage(
  message: MessageView,
  strings: AcsStrings['chat'],
  locale: string,
  read: boolean,
  actions: MessageActions,
  sanitize: Sanitizer | undefined,
): TemplateResult {
  if (message.kind === 'topicUpdated' || message.kind === 'participantAdded' || message.kind === 'participantRemoved') {
    const template = message.kind === 'topicUpdated' ? strings.topicChanged : message.kind === 'participantAdded' ? strings.joined : strings.left;
    return html`<p class="system" part="system-message" dir="auto" data-key=${message.key}>
      ${format(template, { topic: message.content, names: message.content })}
    </p>`;
  }
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(message.createdOn);
  return html`<article
    class="message ${message.own ? 'own' : ''}"
    part="message${message.own ? ' own-message' : ''}"
    data-status=${message.status}
    data-key=${message.key}
  >
    <header class="meta">
      ${message.own ? nothing : html`<span class="sender" dir="auto">${message.senderDisplayName}</span>`}
      <time datetime=${message.createdOn.toISOString()}>${time}</time>
      ${message.editedOn && !message.deleted ? html`<span class="edited">${strings.edited}</span>` : nothing}
    </header>
    <div class="content" dir="auto">
      ${message.deleted ? html`<em>${strings.deleted}</em>` : message.kind === 'html' ? htmlContent(message, sanitize) : message.content}
    </div>
    ${message.own ? renderOwnFooter(message, strings, read, actions) : nothing}
  </article>`;
}

function renderOwnFooter(message: MessageView, strings: AcsStrings['chat'], read: boolean, actions: MessageActions): TemplateResult {
  if (message.status === 'failed') {
    return html`<footer class="state failed">
      ${strings.failed} <button type="button" class="link" part="message-retry-button" @click=${() => actions.retry(message.key)}>${strings.retry}</button>
    </footer>`;
  }
  if (message.status !== 'sent') return html`<footer class="state">${message.status === 'queued' ? strings.queued : strings.sending}</footer>`;
  if (message.deleted) return html``;
  return html`<footer class="state">
    ${read ? html`<span class="read">${strings.read}</span>` : nothing}
    <button type="button" class="icon" part="edit-button" aria-label=${strings.edit} title=${strings.edit} @click=${() => actions.edit(message.key)}>
      ${icon(editIcon)}
    </button>
    <button type="button" class="icon" part="delete-button" aria-label=${strings.delete} title=${strings.delete} @click=${() => actions.remove(message.key)}>
      ${icon(deleteIcon)}
    </button>
  </footer>`;
}
