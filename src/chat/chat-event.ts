import { rawIdOf, type WireIdentifier } from '../core/raw-id.js';

/** One live change in a chat thread, from the SDK's notifications (or a resync). Ids are raw ids (`8:acs:…`). */
export type ChatEvent =
  | {
      kind: 'messageReceived' | 'messageEdited';
      threadId: string;
      id: string;
      version: string;
      /** Present when the source knows it (the SDK's notifications do not). */
      sequenceId?: string;
      /** `text` or `html`, as the REST API names them; other types pass through unchanged. */
      type: string;
      content: string;
      senderId: string;
      senderDisplayName: string;
      createdOn: Date;
      editedOn?: Date;
      metadata: Record<string, string>;
    }
  | { kind: 'messageDeleted'; threadId: string; id: string; version: string; sequenceId?: string; senderId: string; deletedOn: Date }
  | { kind: 'typing'; threadId: string; senderId: string; senderDisplayName: string; receivedOn: Date }
  | { kind: 'readReceipt'; threadId: string; senderId: string; chatMessageId: string; readOn: Date }
  | { kind: 'participantsAdded' | 'participantsRemoved'; threadId: string; participants: { id: string; displayName: string }[] }
  | { kind: 'topicUpdated'; threadId: string; topic: string }
  | { kind: 'threadDeleted'; threadId: string }
  /** The source may have missed events: the consumer re-reads history. */
  | { kind: 'resync'; threadId: string };

/** What the SDK's event payloads have in common. */
interface WireEvent {
  threadId?: string;
  id?: string;
  version?: string;
  sequenceId?: string;
  type?: string;
  message?: string;
  sender?: WireIdentifier;
  senderDisplayName?: string;
  metadata?: Record<string, string>;
  createdOn?: Date;
  editedOn?: Date;
  deletedOn?: Date;
  receivedOn?: Date;
  readOn?: Date;
  chatMessageId?: string;
  participantsAdded?: WireParticipant[];
  participantsRemoved?: WireParticipant[];
  properties?: { topic?: string };
}

interface WireParticipant {
  id?: WireIdentifier;
  displayName?: string;
}

export function toChatEvent(name: string, data: WireEvent): ChatEvent | undefined {
  const { threadId } = data;
  if (typeof threadId !== 'string') return undefined;
  switch (name) {
    case 'chatMessageReceived':
    case 'chatMessageEdited':
      return {
        kind: name === 'chatMessageReceived' ? 'messageReceived' : 'messageEdited',
        ...messageKeys(threadId, data),
        type: messageType(data.type),
        content: data.message ?? '',
        senderId: rawIdOf(data.sender),
        senderDisplayName: data.senderDisplayName ?? '',
        createdOn: toDate(data.createdOn),
        ...(data.editedOn !== undefined && { editedOn: toDate(data.editedOn) }),
        metadata: data.metadata ?? {},
      };
    case 'chatMessageDeleted':
      return { kind: 'messageDeleted', ...messageKeys(threadId, data), senderId: rawIdOf(data.sender), deletedOn: toDate(data.deletedOn) };
    case 'typingIndicatorReceived':
      return { kind: 'typing', threadId, senderId: rawIdOf(data.sender), senderDisplayName: data.senderDisplayName ?? '', receivedOn: toDate(data.receivedOn) };
    case 'readReceiptReceived':
      return { kind: 'readReceipt', threadId, senderId: rawIdOf(data.sender), chatMessageId: data.chatMessageId ?? '', readOn: toDate(data.readOn) };
    case 'participantsAdded':
      return { kind: 'participantsAdded', threadId, participants: (data.participantsAdded ?? []).map(toParticipant) };
    case 'participantsRemoved':
      return { kind: 'participantsRemoved', threadId, participants: (data.participantsRemoved ?? []).map(toParticipant) };
    case 'chatThreadPropertiesUpdated':
      return typeof data.properties?.topic === 'string' ? { kind: 'topicUpdated', threadId, topic: data.properties.topic } : undefined;
    case 'chatThreadDeleted':
      return { kind: 'threadDeleted', threadId };
    default:
      // chatThreadCreated included: a thread created now is never the one a source was made for.
      return undefined;
  }
}

function messageKeys(threadId: string, data: WireEvent) {
  return { threadId, id: data.id ?? '', version: data.version ?? '', ...(data.sequenceId !== undefined && { sequenceId: data.sequenceId }) };
}

/** Azure's notifications name the types as the service does inside (`Text`, `RichText/Html`); history uses `text` and `html`. */
function messageType(type: string | undefined): string {
  if (type === undefined || /^text$/i.test(type)) return 'text';
  if (/^(richtext\/)?html$/i.test(type)) return 'html';
  return type;
}

function toParticipant(participant: WireParticipant): { id: string; displayName: string } {
  return { id: rawIdOf(participant.id), displayName: participant.displayName ?? '' };
}

/** A live event without a time happened just now. */
function toDate(value: Date | undefined): Date {
  return value === undefined ? new Date() : new Date(value);
}
