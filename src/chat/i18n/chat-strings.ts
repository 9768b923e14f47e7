import type { SharedStrings } from '../../core/i18n/strings.js';

/** The `chat` group of the tables: what only `<acs-chat>` shows. */
export interface ChatStrings {
  label: string;
  /** The button that shows who is in the thread; `{count}` people. */
  participants: string;
  /** Beside a participant who is typing. */
  typingNow: string;
  /** Label of the text field. */
  messageField: string;
  placeholder: string;
  send: string;
  save: string;
  cancel: string;
  edit: string;
  delete: string;
  retry: string;
  sending: string;
  /** An own message waiting for the connection to come back. */
  queued: string;
  failed: string;
  /** An own message someone else has read. */
  read: string;
  edited: string;
  deleted: string;
  reconnecting: string;
  offline: string;
  loadingOlder: string;
  startOfConversation: string;
  /** `{count}` unread messages below the visible part. */
  newMessages: string;
  typingOne: string;
  typingTwo: string;
  typingMany: string;
  joined: string;
  left: string;
  topicChanged: string;
  /** Hint under the field: Enter sends, Shift+Enter starts a new line. */
  keyboardHint: string;
  editingHint: string;
  /** Why a message cannot be sent: it is over ACS's 28 KB limit. */
  tooLong: string;
  /** Under the field while its text is over the limit; `{count}` bytes too many. */
  overLimit: string;
  /** Under the field near the limit; `{count}` bytes left. */
  remaining: string;
  /** Drops a failed message. */
  discard: string;
  /** The button that opens an own message's actions (edit, delete). */
  more: string;
  /** The banner above the field while a sent message is edited. */
  editing: string;
  /** Beside the signed-in user in the participants list. */
  you: string;
}

declare module '../../core/i18n/strings.js' {
  interface AcsStrings {
    chat: ChatStrings;
  }
}

export type ChatTable = SharedStrings & { chat: ChatStrings };
