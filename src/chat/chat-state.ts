/** The chat thread as the element shows it, and pure functions that evolve it. No SDK, no DOM. */

export type MessageStatus = 'sent' | 'pending' | 'queued' | 'failed';

export type MessageKind = 'text' | 'html' | 'topicUpdated' | 'participantAdded' | 'participantRemoved';

export interface MessageView {
  /** Stable across send → sent: the client id for own messages, else the server id. */
  key: string;
  /** The server's id, once it has one. */
  id?: string;
  sequenceId?: number;
  kind: MessageKind;
  /** Text, HTML (sanitized when rendered), or the topic / names of a system message. */
  content: string;
  senderId?: string;
  senderDisplayName: string;
  createdOn: Date;
  editedOn?: Date;
  deleted: boolean;
  own: boolean;
  status: MessageStatus;
  /** Why a failed message was not sent: an error code, or `too-long` (it can never be sent as it is). */
  error?: string;
  /** Version string from ACS: a newer version replaces an older one, never the reverse. */
  version?: string;
}

/** Oldest first; one entry per key. */
export type MessageList = readonly MessageView[];

/** Message metadata key that ties an optimistic message to its server copy, so it is never shown twice. */
export const CLIENT_MESSAGE_ID = 'acsElementsClientMessageId';

/** Inserts or replaces messages by key (or server id), keeping the list in order, never going back to an older version. */
export function mergeMessages(list: MessageList, incoming: readonly MessageView[]): MessageList {
  if (incoming.length === 0) return list;
  const byKey = new Map(list.map((message) => [message.key, message]));
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the filter kept only messages with an id
  const keyOfId = new Map(list.filter((message) => message.id).map((message) => [message.id!, message.key]));
  for (const message of incoming) {
    // `||`, not `??`: an empty id is no id.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    const key = byKey.has(message.key) ? message.key : (message.id && keyOfId.get(message.id)) || message.key;
    const existing = byKey.get(key);
    if (existing && isOlder(message, existing)) continue;
    byKey.set(key, existing ? { ...existing, ...message, key } : message);
    if (message.id) keyOfId.set(message.id, key);
  }
  return [...byKey.values()].sort(byPosition);
}

export function updateMessage(list: MessageList, key: string, change: Partial<MessageView>): MessageList {
  return list.map((message) => (message.key === key ? { ...message, ...change } : message));
}

function isOlder(candidate: MessageView, existing: MessageView): boolean {
  return candidate.version !== undefined && existing.version !== undefined && Number(candidate.version) < Number(existing.version);
}

/**
 * Server order (sequence id) between stored messages; by time otherwise, so a failed or pending
 * message keeps its place among the others instead of sinking below newer ones.
 */
function byPosition(a: MessageView, b: MessageView): number {
  return a.sequenceId !== undefined && b.sequenceId !== undefined ? a.sequenceId - b.sequenceId : a.createdOn.getTime() - b.createdOn.getTime();
}

/** True when two dates fall on different calendar days (a date separator goes between them). */
export function isNewDay(previous: Date | undefined, next: Date): boolean {
  return previous?.toDateString() !== next.toDateString();
}

/** ACS refuses message content over 28 KB (of UTF-8). */
export const MAX_MESSAGE_BYTES = 28 * 1024;

export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** True when `message` continues `previous`'s group: same sender, same day, within five minutes. */
export function continuesGroup(previous: MessageView | undefined, message: MessageView): boolean {
  return (
    !!previous &&
    isText(previous) &&
    isText(message) &&
    previous.senderId === message.senderId &&
    message.createdOn.getTime() - previous.createdOn.getTime() < 300_000 &&
    !isNewDay(previous.createdOn, message.createdOn)
  );
}

export const isText = (message: MessageView): boolean => message.kind === 'text' || message.kind === 'html';

/** Up to two initials for an avatar: "Ana María López" → "AL". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words[0].slice(0, 1) + (words.length > 1 ? (words.at(-1) ?? '').slice(0, 1) : '')).toUpperCase();
}
