import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AcsElement } from '../core/acs-element.js';
import { AcsError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { AcsSession } from '../core/session.js';
import { chatStyles } from './acs-chat.styles.js';
import type { ChatClientLike } from './chat-client.js';
import { ChatController } from './chat-controller.js';
import { renderMessage } from './chat-message.js';
import { isNewDay, type MessageView } from './chat-state.js';
import { windowDown, windowRange, windowUp } from './message-window.js';

/** Within this many pixels of the end, the list counts as "at the newest message" and stays pinned there. */
const PINNED_SLACK_PX = 32;
const LOAD_OLDER_AT_PX = 120;

/**
 * @summary A chat thread: history, live messages, typing indicators and read receipts.
 *
 * @tagname acs-chat
 *
 * @event acs-message-sent - An own message reached ACS. `detail: { messageId, content }`.
 * @event acs-message-received - A message from someone else arrived. `detail: { messageId, senderId, senderDisplayName, content }`.
 * @event acs-unread-changed - The number of messages the reader has not seen changed. `detail: { count }`.
 * @event acs-connection-changed - The live connection changed. `detail: { status: 'connected' | 'reconnecting' | 'offline' }`.
 *
 * @csspart header - The bar with the topic.
 * @csspart participants-button - The header button that shows who is in the thread.
 * @csspart participants - The list of participants.
 * @csspart date-separator - The line with the date between two days' messages.
 * @csspart message-list - The scrolling list of messages (`role="log"`).
 * @csspart message - A message bubble.
 * @csspart own-message - A message bubble of the signed-in user (also has the `message` part).
 * @csspart system-message - A line such as "Ana joined the chat".
 * @csspart composer - The form with the text field.
 * @csspart send-button - The send button.
 * @csspart cancel-edit-button - The button that leaves editing a message unchanged.
 * @csspart new-messages-button - The button that brings the reader down to unseen messages.
 * @csspart message-retry-button - A failed message's retry button.
 * @csspart edit-button - The edit button of an own message.
 * @csspart delete-button - The delete button of an own message.
 *
 * @cssprop --acs-chat-height - Height of the chat (default 32rem).
 * @cssprop --acs-chat-bubble-background - Background of others' messages.
 * @cssprop --acs-chat-own-bubble-background - Background of own messages.
 * @cssprop --acs-chat-own-bubble-color - Text colour of own messages.
 */
export class AcsChat extends AcsElement {
  static override styles = [...AcsElement.styles, chatStyles];

  /** The ACS resource endpoint; wins over the session's. */
  @property() endpoint?: string;

  /** The chat thread to show; wins over the session's `threadId`. */
  @property({ attribute: 'thread-id' }) threadId?: string;

  /** The signed-in user's raw id; wins over the session's `userId`. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Messages per page of history (1–200). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  /**
   * The chat client: by default a `ChatClient` of ACS's chat SDK, made for the session's endpoint
   * and credential. Set one before the element connects to use it instead, with its real-time
   * notifications as the live view. Tests set `new FakeChatClient()` from `acs-elements/testing`.
   */
  @property({ attribute: false }) chatClient?: ChatClientLike;

  @state() private editing: string | undefined;
  @state() private showParticipants = false;
  @query('textarea') private field?: HTMLTextAreaElement;
  @query('.log') private log?: HTMLElement;

  // The controller reports only messages the service has given an id: sent ones, and received ones.
  /* eslint-disable @typescript-eslint/no-non-null-assertion */
  private readonly chat = new ChatController(this, {
    onMessageSent: (message) => emit(this, 'acs-message-sent', { messageId: message.id!, content: message.content }),
    onMessageReceived: (message) =>
      emit(this, 'acs-message-received', {
        messageId: message.id!,
        senderId: message.senderId ?? '',
        senderDisplayName: message.senderDisplayName,
        content: message.content,
      }),
    onUnreadChanged: (count) => emit(this, 'acs-unread-changed', { count }),
    onConnectionChanged: (status) => emit(this, 'acs-connection-changed', { status }),
    onError: (error) => this.reportError(error),
  });
  /* eslint-enable @typescript-eslint/no-non-null-assertion */

  private pinned = true;
  /** Key of the last rendered message while the reader looks at older history; undefined follows the newest. */
  @state() private windowLastKey: string | undefined;
  /** The first rendered message and its distance from the top of the view, kept in place across renders. */
  private anchor: { key: string; offset: number } | undefined;

  /** Sends `text` as the signed-in user, exactly as if it had been typed and sent. */
  sendMessage(text: string): void {
    this.chat.send(text);
  }

  /** Moves focus to the message field. */
  override focus(options?: FocusOptions): void {
    (this.field ?? this).focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.updateReading);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.updateReading);
  }

  protected override async prepare(session: AcsSession, signal: AbortSignal): Promise<void> {
    const threadId = this.threadId ?? session.threadId;
    const endpoint = this.endpoint ?? session.endpoint;
    if (!threadId || !endpoint) {
      throw new AcsError('invalid-session', 'The chat needs a thread and an endpoint: set thread-id and endpoint, or return them in the session.');
    }
    await this.chat.connect({
      session,
      threadId,
      endpoint,
      userId: this.userId ?? session.userId,
      displayName: this.displayName ?? session.displayName ?? '',
      pageSize: Math.min(200, Math.max(1, Math.round(this.pageSize) || 20)),
      signal,
      client: this.chatClient,
    });
  }

  protected override connectionTarget(): string {
    return JSON.stringify([this.threadId, this.endpoint, this.userId, this.pageSize]);
  }

  protected override label(strings: AcsStrings): string {
    return strings.chat.label;
  }

  protected override renderReady(): TemplateResult {
    const strings = this.localize.strings.chat;
    const { topic, messages, olderAvailable, loadingOlder, connection, unread, typing, participants } = this.chat.state;
    const { start, end } = windowRange(messages, this.windowLastKey);
    const visible = messages.slice(start, end);
    const atHistoryStart = start === 0 && !olderAvailable;
    return html`<div class="chat">
      <header class="header" part="header">
        <h2 class="topic" id="topic" dir="auto">${topic}</h2>
        ${connection === 'connected' ? nothing : html`<span class="connection" role="status">${connection === 'offline' ? strings.offline : strings.reconnecting}</span>`}
        <button
          type="button"
          class="participants-toggle"
          part="participants-button"
          aria-expanded=${this.showParticipants ? 'true' : 'false'}
          aria-controls="participants"
          @click=${() => (this.showParticipants = !this.showParticipants)}
        >
          ${format(strings.participants, { count: String(participants.length) })}
        </button>
      </header>
      ${
        this.showParticipants
          ? html`<ul
              class="participants"
              id="participants"
              part="participants"
              aria-label=${format(strings.participants, { count: String(participants.length) })}
            >
              ${participants.map(
                (participant) =>
                  html`<li dir="auto">
                    ${participant.displayName || participant.id}${typing.includes(participant.displayName) ? html` <span class="typing-now">${strings.typingNow}</span>` : nothing}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="log" part="message-list" role="log" aria-labelledby="topic" tabindex="0" @scroll=${this.onScroll}>
        <p class="history-edge" role=${loadingOlder ? 'status' : nothing}>
          ${atHistoryStart ? strings.startOfConversation : loadingOlder ? strings.loadingOlder : ''}
        </p>
        ${repeat(
          visible,
          (message) => message.key,
          (message, index) => [
            this.renderDay(messages[start + index - 1], message),
            renderMessage(message, strings, this.localize.locale, this.isRead(message), this.messageActions, this.chat.sanitize),
          ],
        )}
      </div>
      ${unread > 0 && !this.pinned ? html`<button type="button" class="new-messages" part="new-messages-button" @click=${this.scrollToNewest}>${format(strings.newMessages, { count: String(unread) })}</button>` : nothing}
      <p class="typing" aria-live="polite">${this.typingText(typing, strings)}</p>
      <form class="composer" part="composer" @submit=${this.onSubmit}>
        <textarea
          dir="auto"
          rows="1"
          aria-label=${strings.messageField}
          aria-describedby="hint"
          placeholder=${strings.placeholder}
          @keydown=${this.onKeyDown}
          @input=${this.onInput}
        ></textarea>
        <span class="visually-hidden" id="hint">${this.editing ? strings.editingHint : strings.keyboardHint}</span>
        ${this.editing ? html`<button type="button" part="cancel-edit-button" @click=${this.cancelEdit}>${strings.cancel}</button>` : nothing}
        <button type="submit" part="send-button">${this.editing ? strings.save : strings.send}</button>
      </form>
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const log = this.log;
    const first = log?.querySelector<HTMLElement>('[data-key]');
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the selector matched an element with a data-key
    this.anchor = log && first && !this.pinned ? { key: first.dataset.key!, offset: first.offsetTop - log.scrollTop } : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const log = this.log;
    if (!log) return;
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- `anchor` is found only when there is a saved anchor */
    const anchor = this.anchor && [...log.querySelectorAll<HTMLElement>('[data-key]')].find((element) => element.dataset.key === this.anchor!.key);
    if (this.pinned) {
      log.scrollTop = log.scrollHeight;
    } else if (anchor) {
      // Messages went in or out above (an older page, the window moving): the reader's place stays put.
      log.scrollTop = anchor.offsetTop - this.anchor!.offset;
      /* eslint-enable @typescript-eslint/no-non-null-assertion */
    }
    this.updateReading();
  }

  private renderDay(previous: MessageView | undefined, message: MessageView): TemplateResult | typeof nothing {
    if (!isNewDay(previous?.createdOn, message.createdOn)) return nothing;
    const day = new Intl.DateTimeFormat(this.localize.locale, { dateStyle: 'full' }).format(message.createdOn);
    return html`<p class="day" part="date-separator">${day}</p>`;
  }

  private isRead(message: MessageView): boolean {
    if (!message.own || message.sequenceId === undefined) return false;
    for (const sequenceId of this.chat.state.readUpTo.values()) if (sequenceId >= message.sequenceId) return true;
    return false;
  }

  private typingText(typing: readonly string[], strings: AcsStrings['chat']): string {
    if (typing.length === 0) return '';
    if (typing.length === 1) return format(strings.typingOne, { name: typing[0] });
    if (typing.length === 2) return format(strings.typingTwo, { first: typing[0], second: typing[1] });
    return format(strings.typingMany, { count: String(typing.length) });
  }

  private readonly messageActions = {
    retry: (key: string) => this.chat.retry(key),
    remove: (key: string) => void this.chat.remove(key),
    edit: (key: string) => {
      const message = this.chat.state.messages.find((each) => each.key === key);
      if (!message || !this.field) return;
      this.editing = key;
      this.field.value = message.content;
      this.field.focus();
    },
  };

  private readonly cancelEdit = () => {
    this.editing = undefined;
    if (this.field) this.field.value = '';
  };

  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    const field = this.field;
    if (!field?.value.trim()) return;
    if (this.editing) void this.chat.edit(this.editing, field.value);
    else this.chat.send(field.value);
    this.editing = undefined;
    field.value = '';
    this.pinned = true;
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.onSubmit(event);
    } else if (event.key === 'Escape' && this.editing) {
      this.cancelEdit();
    }
  };

  private readonly onInput = () => this.chat.typing();

  private readonly onScroll = () => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- this listens on the log, so the log is rendered
    const log = this.log!;
    const { messages } = this.chat.state;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < PINNED_SLACK_PX;
    const pinned = atBottom && this.windowLastKey === undefined;
    if (pinned !== this.pinned) {
      this.pinned = pinned;
      this.requestUpdate();
    }
    if (atBottom && this.windowLastKey !== undefined) this.windowLastKey = windowDown(messages, this.windowLastKey);
    if (log.scrollTop < LOAD_OLDER_AT_PX) {
      if (windowRange(messages, this.windowLastKey).start > 0) this.windowLastKey = windowUp(messages, this.windowLastKey ?? messages.at(-1)?.key);
      else void this.chat.loadOlder();
    }
    this.updateReading();
  };

  private readonly scrollToNewest = () => {
    this.pinned = true;
    this.windowLastKey = undefined;
    this.requestUpdate();
  };

  private readonly updateReading = () => {
    if (this.connection.state.status !== 'ready') return;
    this.chat.setReading(this.pinned && document.visibilityState === 'visible');
  };
}
