/** The emulator's data, and the records that change it (replayed from the journal at start). */

export interface Identity {
  id: string;
  createdOn: string;
  /** Bumped by a revocation: tokens carrying an older version are rejected. */
  tokenVersion: number;
}

export interface Participant {
  rawId: string;
  displayName?: string;
  shareHistoryTime?: string;
  metadata?: Record<string, string>;
}

export type MessageType = 'text' | 'html' | 'topicUpdated' | 'participantAdded' | 'participantRemoved';

export interface MessageContent {
  message?: string;
  topic?: string;
  participants?: Participant[];
  initiatorRawId?: string;
}

export interface StoredMessage {
  id: string;
  type: MessageType;
  sequenceId: number;
  version: string;
  createdOn: string;
  content: MessageContent;
  senderRawId?: string;
  senderDisplayName?: string;
  editedOn?: string;
  deletedOn?: string;
  metadata?: Record<string, string>;
}

export interface RetentionPolicy {
  kind: 'threadCreationDate' | 'none';
  deleteThreadAfterDays?: number;
}

export interface Thread {
  id: string;
  topic: string;
  createdOn: string;
  createdByRawId: string;
  deletedOn?: string;
  metadata?: Record<string, string>;
  retentionPolicy?: RetentionPolicy;
  participants: Map<string, Participant>;
  /**
   * In sequence order, so a message's sequence id is its position + 1 and its id (a time that
   * only grows, see `addMessage`) increases along the list; deleted messages stay, marked.
   */
  messages: StoredMessage[];
  readReceipts: Map<string, { chatMessageId: string; readOn: string }>;
}

export interface EmulatorState {
  identities: Map<string, Identity>;
  threads: Map<string, Thread>;
  /** `repeatability-request-id` of each thread creation → the thread it created. */
  createdByRequest: Map<string, string>;
}

export type StateRecord =
  | { t: 'identityCreated'; id: string; at: string }
  | { t: 'identityDeleted'; id: string }
  | { t: 'tokensRevoked'; id: string }
  | {
      t: 'threadCreated';
      thread: { id: string; topic: string; createdOn: string; createdByRawId: string; metadata?: Record<string, string>; retentionPolicy?: RetentionPolicy };
      participants: Participant[];
      requestId?: string;
    }
  /** `metadata: null` clears the thread's metadata (a merge-patch null). */
  | { t: 'threadUpdated'; id: string; topic?: string; metadata?: Record<string, string> | null; retentionPolicy?: RetentionPolicy }
  | { t: 'threadDeleted'; id: string; at: string }
  | { t: 'messageAdded'; threadId: string; message: StoredMessage }
  | { t: 'messageEdited'; threadId: string; id: string; content?: string; metadata?: Record<string, string>; at: string }
  | { t: 'messageDeleted'; threadId: string; id: string; at: string }
  | { t: 'participantsAdded'; threadId: string; participants: Participant[] }
  | { t: 'participantRemoved'; threadId: string; rawId: string }
  | { t: 'readReceiptSent'; threadId: string; rawId: string; chatMessageId: string; at: string };

export function emptyState(): EmulatorState {
  return { identities: new Map(), threads: new Map(), createdByRequest: new Map() };
}

/** Version strings are the edit time in epoch milliseconds, as ACS's are. */
export const versionOf = (iso: string) => String(Date.parse(iso));

export function applyRecord(state: EmulatorState, record: StateRecord): void {
  switch (record.t) {
    case 'identityCreated':
      state.identities.set(record.id, { id: record.id, createdOn: record.at, tokenVersion: 0 });
      return;
    case 'identityDeleted':
      state.identities.delete(record.id);
      return;
    case 'tokensRevoked': {
      const identity = state.identities.get(record.id);
      if (identity) identity.tokenVersion += 1;
      return;
    }
    case 'threadCreated':
      state.threads.set(record.thread.id, {
        ...record.thread,
        participants: new Map(record.participants.map((participant) => [participant.rawId, participant])),
        messages: [],
        readReceipts: new Map(),
      });
      if (record.requestId) state.createdByRequest.set(record.requestId, record.thread.id);
      return;
    case 'threadUpdated': {
      const thread = threadIn(state, record.id);
      if (record.topic !== undefined) thread.topic = record.topic;
      if (record.metadata === null) delete thread.metadata;
      else if (record.metadata !== undefined) thread.metadata = { ...thread.metadata, ...record.metadata };
      if (record.retentionPolicy !== undefined) thread.retentionPolicy = record.retentionPolicy;
      return;
    }
    case 'threadDeleted':
      threadIn(state, record.id).deletedOn = record.at;
      return;
    case 'messageAdded':
      threadIn(state, record.threadId).messages.push(record.message);
      return;
    case 'messageEdited': {
      const message = findMessage(state, record.threadId, record.id);
      if (record.content !== undefined) message.content = { ...message.content, message: record.content };
      if (record.metadata !== undefined) message.metadata = { ...message.metadata, ...record.metadata };
      message.editedOn = record.at;
      message.version = versionOf(record.at);
      return;
    }
    case 'messageDeleted': {
      const message = findMessage(state, record.threadId, record.id);
      message.deletedOn = record.at;
      message.version = versionOf(record.at);
      return;
    }
    case 'participantsAdded': {
      const thread = threadIn(state, record.threadId);
      for (const participant of record.participants) thread.participants.set(participant.rawId, participant);
      return;
    }
    case 'participantRemoved':
      threadIn(state, record.threadId).participants.delete(record.rawId);
      return;
    case 'readReceiptSent':
      threadIn(state, record.threadId).readReceipts.set(record.rawId, { chatMessageId: record.chatMessageId, readOn: record.at });
      return;
  }
}

/**
 * A thread a record or a route names after finding or creating it: threads are never removed
 * (a deleted one keeps its `deletedOn`), so a missing one means a journal that is not the emulator's.
 */
export function threadIn(state: EmulatorState, id: string): Thread {
  const thread = state.threads.get(id);
  if (!thread) throw new Error(`Thread ${id} is not in the emulator's state.`);
  return thread;
}

/** A thread's message by id, by binary search: ids increase along the list. */
export function messageById(thread: Thread, id: string): StoredMessage | undefined {
  const wanted = Number(id);
  let low = 0;
  let high = thread.messages.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = thread.messages[middle];
    if (found.id === id) return found;
    if (Number(found.id) < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

function findMessage(state: EmulatorState, threadId: string, id: string): StoredMessage {
  const message = messageById(threadIn(state, threadId), id);
  if (!message) throw new Error(`Message ${id} is not in thread ${threadId}.`);
  return message;
}
