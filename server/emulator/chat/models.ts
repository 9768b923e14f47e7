import { createIdentifierFromRawId, serializeCommunicationIdentifier, type CommunicationIdentifier } from '@azure/communication-common';
import type { Participant, StoredMessage, Thread } from '../state.js';

/** The identifier as the REST API's models carry it (`{ rawId, communicationUser: { id } }`, …). */
export function identifierModel(rawId: string): Record<string, unknown> {
  return serializeCommunicationIdentifier(createIdentifierFromRawId(rawId)) as Record<string, unknown>;
}

/** The identifier as the chat SDK's events carry it (`{ kind, communicationUserId }`, …). */
export function kindOf(rawId: string): CommunicationIdentifier {
  return createIdentifierFromRawId(rawId);
}

export function participantWire(thread: Thread, rawId: string) {
  return { id: kindOf(rawId), displayName: thread.participants.get(rawId)?.displayName ?? '' };
}

export function participantModel(participant: Participant) {
  return {
    communicationIdentifier: identifierModel(participant.rawId),
    ...(participant.displayName !== undefined && { displayName: participant.displayName }),
    // Without one, the whole history is shared: the epoch says so, as ACS's answers do.
    shareHistoryTime: participant.shareHistoryTime ?? new Date(0).toISOString(),
    ...(participant.metadata !== undefined && { metadata: participant.metadata }),
  };
}

export function threadModel(thread: Thread) {
  return {
    id: thread.id,
    topic: thread.topic,
    createdOn: thread.createdOn,
    createdByCommunicationIdentifier: identifierModel(thread.createdByRawId),
    ...(thread.deletedOn && { deletedOn: thread.deletedOn }),
    ...(thread.metadata && { metadata: thread.metadata }),
    ...(thread.retentionPolicy && { retentionPolicy: thread.retentionPolicy }),
  };
}

export function messageModel(thread: Thread, message: StoredMessage) {
  const { content } = message;
  const system = message.type !== 'text' && message.type !== 'html';
  return {
    id: message.id,
    type: message.type,
    sequenceId: String(message.sequenceId),
    version: message.version,
    createdOn: message.createdOn,
    content: message.deletedOn
      ? {}
      : {
          ...(content.message !== undefined && { message: content.message }),
          ...(content.topic !== undefined && { topic: content.topic }),
          ...(content.participants && { participants: content.participants.map(participantModel) }),
          ...(content.initiatorRawId && { initiatorCommunicationIdentifier: identifierModel(content.initiatorRawId) }),
        },
    ...(!system && message.senderRawId && { senderCommunicationIdentifier: identifierModel(message.senderRawId) }),
    ...(!system && { senderDisplayName: message.senderDisplayName ?? thread.participants.get(message.senderRawId ?? '')?.displayName ?? '' }),
    ...(message.editedOn && { editedOn: message.editedOn }),
    ...(message.deletedOn && { deletedOn: message.deletedOn }),
    ...(message.metadata && { metadata: message.metadata }),
  };
}
