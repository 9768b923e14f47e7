import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { afterNextPaint } from '../core/after-paint.js';
import { AcsElement } from '../core/acs-element.js';
import { AcsError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { usersIcon } from '../core/icons.js';
import type { AcsSession } from '../core/session.js';
import { chatStyles } from './acs-chat.styles.js';
import { chatCatalog } from './i18n/chat-catalog.js';
import type { ChatTable } from './i18n/chat-strings.js';
import type { ChatClientLike } from './chat-client.js';
import { ChatController, type ChatViewState } from './chat-controller.js';
import { renderMessage, type MessageActions } from './chat-message.js';
import { byteLength, continuesGroup, isNewDay, MAX_MESSAGE_BYTES, type MessageView } from './chat-state.js';
import { renderComposer } from './composer.js';
import { renderParticipants } from './participants-panel.js';
import { windowDown, windowRange, windowUp } from './message-window.js';

/** Within this many pixels of the end, the list counts as "at the newest message" and stays pinned there. */
const PINNED_SLACK_PX = 32;
const LOAD_OLDER_AT_PX = 120;

/**
 * @summary A chat thread: history, live messages, typing indicators and read receipts. A message over
 * ACS's 28 KB limit is never sent: the field keeps it, says why, and `acs-error` fires.
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
 * @csspart participants - The list of participants (it scrolls, and takes focus to scroll from the keyboard).
 * @csspart date-separator - The line with the date between two days' messages.
 * @csspart message-list - The scrolling list of messages (`role="log"`).
 * @csspart message - A message bubble.
 * @csspart own-message - A message bubble of the signed-in user (also has the `message` part).
 * @csspart system-message - A line such as "Ana joined the chat".
 * @csspart composer - The form with the text field.
 * @csspart send-button - The send button (Save while editing).
 * @csspart cancel-edit-button - The edit banner's button that leaves the message unchanged.
 * @csspart new-messages-button - The button that brings the reader down to unseen messages.
 * @csspart message-retry-button - A failed message's retry button (not offered for a message over ACS's limit).
 * @csspart message-discard-button - A failed message's button that drops it.
 * @csspart more-button - The "More actions" button of an own message, shown on hover or focus.
 * @csspart message-menu - The menu the "More actions" button opens.
 * @csspart edit-button - The Edit item of an own message's menu.
 * @csspart delete-button - The Delete item of an own message's menu.
 * @csspart edit-banner - The banner above the field while a sent message is edited.
 * @csspart limit - The line under the field with the length counter near ACS's 28 KB limit.
 *
 * @cssprop --acs-chat-height - Height of the chat when the page gives the element none (default 32rem).
 * @cssprop --acs-chat-bubble-background - Background of others' messages.
 * @cssprop --acs-chat-own-bubble-background - Background of own messages.
 * @cssprop --acs-chat-own-bubble-color - Text colour of own messages.
 */
export class AcsChat extends AcsElement<ChatTable> {
  static override styles = [...AcsElement.styles, chatStyles];

  protected override readonly localize = new LocalizeController(this, chatCatalog);

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
  /** The message whose menu of actions is open. */
  @state() private menuFor: string | undefined;
  /** UTF-8 size of the composer's text. */
  @state() private bytes = 0;
  // Getters rather than `@query`: the decorator's helper would be chat-only code on the budget.
  private get field(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }
  private get log(): HTMLElement | null {
    return this.renderRoot.querySelector('.log');
  }

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

  /** Sends `text` as the signed-in user, exactly as if it had been typed and sent; nothing is sent over ACS's 28 KB limit. */
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
    // The chat SDK is needed whatever the session says: it downloads while the element signs in,
    // once the shell and the composer are on screen (evaluating it would hold back their first paint).
    if (!this.chatClient) void afterNextPaint().then(() => this.chat.prefetch());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.updateReading);
  }

  protected override async prepare(session: AcsSession, signal: AbortSignal): Promise<void> {
    const threadId = this.threadId ?? session.threadId;
    const endpoint = this.endpoint ?? session.endpoint;
    if (!threadId || !endpoint) {
      throw new AcsError('invalid-session', 'No chat thread or endpoint: set thread-id and endpoint, or return them in the session.');
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

  /** The thread's topic names the chat, so two chats on a page are two distinct landmarks. */
  protected override label(strings: ChatTable): string {
    return this.chat.state.topic || strings.chat.label;
  }

  /** The whole chat paints at once, composer included: what is sent before sign-in is done waits in the outbox. */
  protected override renderConnecting(): TemplateResult {
    return this.renderChat(undefined);
  }

  protected override renderReady(session: AcsSession): TemplateResult {
    return this.renderChat(session);
  }

  private renderChat(session: AcsSession | undefined): TemplateResult {
    const strings = this.localize.strings.chat;
    const { topic, messages, olderAvailable, loadingOlder, connection, unread, typing, participants } = this.chat.state;
    const { start, end } = windowRange(messages, this.windowLastKey);
    const visible = messages.slice(start, end);
    const atHistoryStart = start === 0 && !olderAvailable;
    const people = format(strings.participants, { count: String(participants.length) });
    return html`<div class="chat">
      <header class="header" part="header">
        <h2 class="topic" id="topic" dir="auto">${topic || strings.label}</h2>
        ${connection === 'connected' ? nothing : html`<span class="connection" role="status">${connection === 'offline' ? strings.offline : strings.reconnecting}</span>`}
        <button
          type="button"
          class="icon-btn"
          part="participants-button"
          aria-label=${people}
          title=${people}
          aria-expanded=${this.showParticipants ? 'true' : 'false'}
          aria-controls="participants"
          @click=${() => (this.showParticipants = !this.showParticipants)}
        >
          ${usersIcon()}
        </button>
        ${this.showParticipants ? renderParticipants(participants, typing, this.userId ?? session?.userId ?? '', people, strings) : nothing}
      </header>
      <div class="log" part="message-list" role="log" aria-labelledby="topic" tabindex="0" @scroll=${this.onScroll}>
        <p class="history-edge" role=${loadingOlder || !session ? 'status' : nothing}>
          ${session ? (atHistoryStart ? strings.startOfConversation : loadingOlder ? strings.loadingOlder : '') : this.localize.strings.connecting}
        </p>
        ${repeat(
          visible,
          (message) => message.key,
          (message, index) => {
            const previous = messages[start + index - 1];
            return [
              this.renderDay(previous, message),
              renderMessage(message, {
                strings: this.localize.strings,
                locale: this.localize.locale,
                read: this.isRead(message),
                continued: continuesGroup(previous, message),
                editing: this.editing === message.key,
                menuOpen: this.menuFor === message.key,
                actions: this.messageActions,
                sanitize: this.chat.sanitize,
              }),
            ];
          },
        )}
      </div>
      ${unread > 0 && !this.pinned ? html`<button type="button" class="new-messages" part="new-messages-button" @click=${this.scrollToNewest}>${format(strings.newMessages, { count: String(unread) })}</button>` : nothing}
      <p class="typing" aria-live="polite">${this.typingText(typing, strings)}</p>
      ${renderComposer({ strings, editing: !!this.editing, bytes: this.bytes, cancel: this.cancelEdit, submit: this.onSubmit, keydown: this.onKeyDown, input: this.onInput })}
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
    // Reading scrollHeight lays the page out at once: not for an empty log (the first paint's shell).
    if (this.pinned && this.chat.state.messages.length > 0) {
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

  private typingText(typing: ChatViewState['typing'], strings: AcsStrings['chat']): string {
    if (typing.length === 0) return '';
    if (typing.length === 1) return format(strings.typingOne, { name: typing[0].name });
    if (typing.length === 2) return format(strings.typingTwo, { first: typing[0].name, second: typing[1].name });
    return format(strings.typingMany, { count: String(typing.length) });
  }

  private readonly messageActions: MessageActions = {
    retry: (key) => this.chat.retry(key),
    remove: (key) => {
      this.menuFor = undefined;
      void this.chat.remove(key);
    },
    edit: (key) => {
      const message = this.chat.state.messages.find((each) => each.key === key);
      this.menuFor = undefined;
      if (!message || !this.field) return;
      this.editing = key;
      this.setText(message.content);
      this.field.focus();
    },
    menu: (key) => {
      this.menuFor = key;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    },
    // Arrow keys move through the open menu; Escape closes it and returns to its button.
    menuKey: (event) => {
      const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="menuitem"]')];
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (step && items.length) {
        event.preventDefault();
        items[(items.indexOf(event.target as HTMLElement) + step + items.length) % items.length].focus();
      } else if (event.key === 'Escape' && this.menuFor) {
        event.stopPropagation();
        this.menuFor = undefined;
        (event.currentTarget as HTMLElement).querySelector('button')?.focus();
      }
    },
  };

  /** Puts `text` in the field, sized to it. */
  private setText(text: string): void {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- called only from the ready view, which has the field
    const field = this.field!;
    field.value = text;
    this.onInput();
  }

  private readonly cancelEdit = () => {
    this.editing = undefined;
    this.setText('');
  };

  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    const text = this.field?.value ?? '';
    if (this.bytes > MAX_MESSAGE_BYTES) {
      // Never sent, never lost: the text stays for the writer to shorten.
      emit(this, 'acs-error', { code: 'unknown', message: this.localize.strings.chat.tooLong });
      return;
    }
    if (this.editing) void this.chat.edit(this.editing, text);
    else if (!this.chat.send(text)) return;
    this.editing = undefined;
    this.setText('');
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

  /** The field grows with its text (up to a cap in CSS, then scrolls); the size feeds the length counter. */
  private readonly onInput = () => {
    const field = this.field;
    if (!field) return;
    field.style.height = '';
    field.style.height = `${field.scrollHeight + 2}px`;
    this.bytes = byteLength(field.value.trim());
    this.chat.typing();
  };

  private readonly onScroll = () => {
    // A scroll event can arrive after the log has gone (the element left the page, or signs in again).
    const log = this.log;
    if (!log) return;
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
