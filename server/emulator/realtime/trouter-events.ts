import { getIdentifierRawId, type CommunicationIdentifier } from '@azure/communication-common';
import type { RealtimeEvent } from '../realtime.js';
import type { EmulatorState, Participant, Thread } from '../state.js';

/** The `eventId` by which `@azure/communication-signaling` routes a body to its chat event. */
export const TROUTER_EVENT_IDS = {
  chatMessageReceived: 200,
  typingIndicatorReceived: 245,
  readReceiptReceived: 246,
  chatMessageEdited: 247,
  chatMessageDeleted: 248,
  chatThreadCreated: 257,
  chatThreadPropertiesUpdated: 258,
  chatThreadDeleted: 259,
  participantsAdded: 260,
  participantsRemoved: 261,
} as const satisfies Record<RealtimeEvent['type'], number>;

type Data = Record<string, unknown>;

/**
 * The body of the Trouter request that carries `event` to `recipient`, with the fields the chat
 * SDK reads (a body missing one is dropped silently by the SDK). It is built from the same event
 * the SSE stream sends, plus the thread's current state for what that event leaves out (members,
 * retention policy).
 */
export function trouterBody(event: RealtimeEvent, recipient: string, state: EmulatorState): Data {
  const data = event.data;
  const eventId = TROUTER_EVENT_IDS[event.type];
  const threadId = text(data.threadId);
  const thread = state.threads.get(threadId);
  switch (event.type) {
    case 'chatMessageReceived':
    case 'chatMessageEdited':
    case 'chatMessageDeleted': {
      const message = {
        eventId,
        groupId: threadId,
        senderId: rawIdOf(data.sender),
        recipientMri: recipient,
        messageId: text(data.id),
        clientMessageId: '',
        senderDisplayName: text(data.senderDisplayName),
        messageType: text(data.type),
        version: text(data.version),
        originalArrivalTime: text(data.createdOn),
        acsChatMessageMetadata: JSON.stringify(data.metadata ?? {}),
        attachments: '',
      };
      if (event.type === 'chatMessageDeleted') return { ...message, deletetime: text(data.deletedOn) };
      if (event.type === 'chatMessageEdited') return { ...message, messageBody: text(data.message), edittime: text(data.editedOn) };
      return { ...message, messageBody: text(data.message) };
    }
    case 'typingIndicatorReceived':
      return {
        eventId,
        groupId: threadId,
        senderId: rawIdOf(data.sender),
        recipientMri: recipient,
        senderDisplayName: text(data.senderDisplayName),
        version: text(data.version),
        originalArrivalTime: text(data.receivedOn),
      };
    case 'readReceiptReceived': {
      const messageId = text(data.chatMessageId);
      const readOn = Date.parse(text(data.readOn));
      const senderId = rawIdOf(data.sender);
      return {
        eventId,
        groupId: threadId,
        senderId,
        recipientMri: recipient,
        messageId,
        clientMessageId: '',
        // The SDK reads the time from the middle of the horizon: `<messageId>;<readOn ms>;<messageId>`.
        messageBody: JSON.stringify({
          user: senderId,
          consumptionhorizon: `${messageId};${readOn};${messageId}`,
          messageVisibilityTime: readOn,
          version: String(readOn),
        }),
      };
    }
    case 'chatThreadCreated':
      return {
        eventId,
        threadId,
        version: versionAt(data.createdOn),
        createTime: text(data.createdOn),
        createdBy: jsonText(wireParticipant(data.createdBy)),
        members: jsonText([...(thread?.participants.values() ?? [])].map(storedParticipant)),
        properties: threadProperties(thread, data.properties),
      };
    case 'chatThreadPropertiesUpdated':
      return {
        eventId,
        threadId,
        version: versionAt(data.updatedOn),
        editTime: text(data.updatedOn),
        editedBy: jsonText(wireParticipant(data.updatedBy)),
        properties: threadProperties(thread, data.properties),
      };
    case 'chatThreadDeleted':
      return {
        eventId,
        threadId,
        version: versionAt(data.deletedOn),
        deleteTime: text(data.deletedOn),
        deletedBy: jsonText(wireParticipant(data.deletedBy)),
      };
    case 'participantsAdded':
      return {
        eventId,
        threadId,
        version: versionAt(data.addedOn),
        time: text(data.addedOn),
        addedBy: jsonText(wireParticipant(data.addedBy)),
        participantsAdded: jsonText(list(data.participantsAdded).map(modelParticipant)),
      };
    case 'participantsRemoved':
      return {
        eventId,
        threadId,
        version: versionAt(data.removedOn),
        time: text(data.removedOn),
        removedBy: jsonText(wireParticipant(data.removedBy)),
        participantsRemoved: jsonText(list(data.participantsRemoved).map(modelParticipant)),
      };
  }
}

/** JSON text that the SDK reads back through `unescape()`: escaping `%` alone makes that the identity. */
const jsonText = (value: unknown) => JSON.stringify(value).replaceAll('%', '%25');

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Data[] => (Array.isArray(value) ? (value as Data[]) : []);
const versionAt = (iso: unknown) => String(Date.parse(text(iso)) || Date.now());
const rawIdOf = (identifier: unknown) => getIdentifierRawId(identifier as CommunicationIdentifier);

/** A participant as the SSE events carry the actor of a change: `{ id: <identifier>, displayName }`. */
function wireParticipant(value: unknown) {
  const participant = value as { id: CommunicationIdentifier; displayName?: string };
  return { participantId: getIdentifierRawId(participant.id), displayName: participant.displayName ?? '' };
}

/** A participant as the REST model carries it (the SSE membership events use it). */
function modelParticipant(model: Data) {
  const identifier = model.communicationIdentifier as { rawId: string };
  return {
    participantId: identifier.rawId,
    displayName: text(model.displayName),
    ...(typeof model.shareHistoryTime === 'string' && { shareHistoryTime: model.shareHistoryTime }),
    ...(model.metadata !== undefined && { memberMetaData: JSON.stringify(model.metadata) }),
  };
}

function storedParticipant(participant: Participant) {
  return {
    participantId: participant.rawId,
    displayName: participant.displayName ?? '',
    ...(participant.shareHistoryTime && { shareHistoryTime: participant.shareHistoryTime }),
    ...(participant.metadata && { memberMetaData: JSON.stringify(participant.metadata) }),
  };
}

/** Thread properties as JSON text: metadata and the retention policy are JSON text inside it, in ACS's own terms. */
function threadProperties(thread: Thread | undefined, properties: unknown): string {
  const retention = thread?.retentionPolicy;
  return jsonText({
    topic: text((properties as Data | undefined)?.topic) || (thread?.topic ?? ''),
    acsChatThreadMetadata: JSON.stringify(thread?.metadata ?? {}),
    ...(retention?.kind === 'threadCreationDate' && {
      retentionPolicy: JSON.stringify({ retentionPolicyType: 'DeleteAfterCreationTime', executeAfter: `${retention.deleteThreadAfterDays ?? 0}.00:00:00` }),
    }),
  });
}
