import { html, nothing, type TemplateResult } from 'lit';
import { ellipsisIcon } from '../core/icons.js';
import { format, type SharedStrings } from '../core/i18n/strings.js';
import { initials, type MessageView } from './chat-state.js';
import type { ChatTable } from './i18n/chat-strings.js';

// A fragment empties when Lit inserts it; handing Lit the same one again for an unchanged message is a no-op.
const sanitizedContent = new WeakMap<MessageView, DocumentFragment>();

export type Sanitizer = (html: string) => DocumentFragment;

/** The sanitized HTML, or, until the sanitizer has downloaded, its words as plain text. */
function htmlContent(message: MessageView, sanitize: Sanitizer | undefined): DocumentFragment | string {
  if (!sanitize) return htmlAsText(message.content);
  let fragment = sanitizedContent.get(message);
  if (!fragment) sanitizedContent.set(message, (fragment = sanitize(message.content)));
  return fragment;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A stand-in shown for a moment while the sanitizer downloads. Parsing the HTML as DOM before
 * then is what a Trusted Types page forbids, so tags are stripped as text instead: the result
 * only ever reaches a text binding, which is safe whatever the stripping misses.
 */
export function htmlAsText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<\/?[a-z][^>]*>?/gi, '')
    .replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
      const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? entity;
    });
}

export interface MessageActions {
  retry(key: string): void;
  edit(key: string): void;
  remove(key: string): void;
  /** Opens (or, with `undefined`, closes) a message's menu of actions. */
  menu(key: string | undefined): void;
  menuKey: (event: KeyboardEvent) => void;
}

/** How one message is shown now, beyond the message itself. */
export interface MessageContext {
  strings: ChatTable;
  locale: string;
  read: boolean;
  /** Not the first of a run of messages by the same sender: no name or avatar again. */
  continued: boolean;
  /** The message being edited in the composer. */
  editing: boolean;
  menuOpen: boolean;
  actions: MessageActions;
  sanitize: Sanitizer | undefined;
}

/** An initials avatar; decorative, as the name is always written beside it. */
export const avatar = (name: string): TemplateResult => html`<span class="avatar" aria-hidden="true">${initials(name)}</span>`;

/** One entry of the message list: a system line, or a message bubble with its state and actions. */
export function renderMessage(message: MessageView, context: MessageContext): TemplateResult {
  const { strings, continued } = context;
  const chat = strings.chat;
  if (message.kind === 'topicUpdated' || message.kind === 'participantAdded' || message.kind === 'participantRemoved') {
    const template = message.kind === 'topicUpdated' ? chat.topicChanged : message.kind === 'participantAdded' ? chat.joined : chat.left;
    return html`<p class="system" part="system-message" dir="auto" data-key=${message.key}>
      ${format(template, { topic: message.content, names: message.content })}
    </p>`;
  }
  const time = new Intl.DateTimeFormat(context.locale, { hour: 'numeric', minute: '2-digit' }).format(message.createdOn);
  const classes = `message${message.own ? ' own' : ''}${continued ? ' continued' : ''}${message.deleted ? ' deleted' : ''}${context.editing ? ' editing' : ''}`;
  return html`<article class=${classes} part="message${message.own ? ' own-message' : ''}" data-status=${message.status} data-key=${message.key}>
    ${message.own || continued ? nothing : avatar(message.senderDisplayName)}
    <header class="meta">
      ${message.own || continued ? nothing : html`<span class="sender" dir="auto">${message.senderDisplayName}</span>`}
      <time datetime=${message.createdOn.toISOString()}>${time}</time>
      ${message.editedOn && !message.deleted ? html`<span class="edited">${chat.edited}</span>` : nothing}
    </header>
    <div class="content" dir="auto">${message.deleted ? chat.deleted : message.kind === 'html' ? htmlContent(message, context.sanitize) : message.content}</div>
    ${message.own && !message.deleted ? renderOwnFooter(message, context) : nothing}
  </article>`;
}

function renderOwnFooter(message: MessageView, { strings, read, menuOpen, actions }: MessageContext): TemplateResult {
  const chat = strings.chat;
  const { key, status, error = 'unknown' } = message;
  if (status === 'failed') {
    // A message over ACS's limit fails again however often it is retried: it can only be discarded.
    return html`<footer class="state failed">
      <span role="alert"><strong>${chat.failed}</strong> ${error === 'too-long' ? chat.tooLong : strings.errors[error as keyof SharedStrings['errors']]}</span>
      ${error === 'too-long' ? nothing : html`<button type="button" class="link" part="message-retry-button" @click=${() => actions.retry(key)}>${chat.retry}</button>`}
      <button type="button" class="link" part="message-discard-button" @click=${() => actions.remove(key)}>${chat.discard}</button>
    </footer>`;
  }
  if (status !== 'sent') return html`<footer class="state">${status === 'queued' ? chat.queued : chat.sending}</footer>`;
  return html`<footer class="state">
    ${read ? html`<span class="read">${chat.read}</span>` : nothing}
    <span class="actions" @keydown=${actions.menuKey} @focusout=${(event: FocusEvent) => closeOnLeave(event, actions)}>
      <button
        type="button"
        class="icon-btn more"
        part="more-button"
        aria-label=${chat.more}
        title=${chat.more}
        aria-haspopup="menu"
        aria-expanded=${menuOpen ? 'true' : 'false'}
        @click=${() => actions.menu(menuOpen ? undefined : key)}
      >
        ${ellipsisIcon()}
      </button>
      ${
        menuOpen
          ? html`<span class="menu" role="menu" part="message-menu">
              <button type="button" role="menuitem" part="edit-button" @click=${() => actions.edit(key)}>${chat.edit}</button>
              <button type="button" role="menuitem" part="delete-button" @click=${() => actions.remove(key)}>${chat.delete}</button>
            </span>`
          : nothing
      }
    </span>
  </footer>`;
}

/** Focus leaving the button and its menu (a click elsewhere, Tab) closes the menu. */
function closeOnLeave(event: FocusEvent, actions: MessageActions): void {
  if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) actions.menu(undefined);
}
