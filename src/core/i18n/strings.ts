import type { AcsErrorCode } from '../errors.js';

/**
 * Every visible string and accessible name of the elements. A locale supplies all of them;
 * the `strings` property of an element overrides any subset.
 */
export interface AcsStrings {
  /** Shown while the element signs in and loads its SDK. */
  connecting: string;
  /** The button that retries after an error. */
  retry: string;
  /** Heading of the error panel. */
  errorTitle: string;
  /** Shown once signed in; `{name}` is the user's display name or id. */
  signedInAs: string;
  /** One readable sentence per error code. */
  errors: Record<AcsErrorCode, string>;
  chat: {
    label: string;
    /** The button that shows who is in the thread; `{count}` people. */
    participants: string;
    /** Beside a participant who is typing. */
    typingNow: string;
    /** Accessible name of the message list. */
    messages: string;
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
  };
  call: { label: string };
  dialpad: { label: string };
}

/** A partial table, for the `strings` property. */
export type AcsStringOverrides = Partial<Omit<AcsStrings, 'errors' | 'chat' | 'call' | 'dialpad'>> & {
  errors?: Partial<AcsStrings['errors']>;
  chat?: Partial<AcsStrings['chat']>;
  call?: Partial<AcsStrings['call']>;
  dialpad?: Partial<AcsStrings['dialpad']>;
};

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a typo shows. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** Applies `overrides` on top of `base`, one level deep for the grouped tables. */
export function withOverrides(base: AcsStrings, overrides: AcsStringOverrides | undefined): AcsStrings {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    errors: { ...base.errors, ...overrides.errors },
    chat: { ...base.chat, ...overrides.chat },
    call: { ...base.call, ...overrides.call },
    dialpad: { ...base.dialpad, ...overrides.dialpad },
  };
}
