import type { ChatMessage } from '@azure/communication-chat';
import { rawIdOf } from '../core/raw-id.js';
import { CLIENT_MESSAGE_ID, type MessageView } from './chat-state.js';
import type { ChatEvent } from './chat-event.js';

/** A message as a live event carries it (new or edited). */
export type LiveMessage = Extract<ChatEvent, { kind: 'messageReceived' | 'messageEdited' }>;

/**
 * The view of a stored message, whichever way it came: a history page item or a live event.
 * Own messages keep their client id as key (from the metadata sent with them), so the server's
 * copy replaces the optimistic one instead of showing twice.
 */
export function messageView(message: ChatMessage | LiveMessage, userId: string | undefined): MessageView {
  const live = 'kind' in message;
  const senderId = live ? message.senderId : message.sender && rawIdOf(message.sender);
  return {
    key: message.metadata?.[CLIENT_MESSAGE_ID] ?? message.id,
    id: message.id,
    // Azure's live events carry no sequence id; history always does.
    ...(message.sequenceId !== undefined && { sequenceId: Number(message.sequenceId) }),
    kind: live ? (message.type === 'html' ? 'html' : 'text') : message.type,
    content: live ? message.content : (systemContent(message) ?? message.content?.message ?? ''),
    ...(senderId !== undefined && { senderId }),
    senderDisplayName: message.senderDisplayName ?? '',
    createdOn: message.createdOn,
    ...(message.editedOn && { editedOn: message.editedOn }),
    deleted: !live && message.deletedOn !== undefined,
    own: senderId !== undefined && senderId === userId,
    status: 'sent',
    version: message.version,
  };
}

/** For system messages: the topic, or the names of who joined or left. */
function systemContent(message: ChatMessage): string | undefined {
  if (message.type === 'topicUpdated') return message.content?.topic ?? '';
  if (message.type === 'participantAdded' || message.type === 'participantRemoved') {
    // `||`, not `??`: a participant with an empty name is shown by id.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    return (message.content?.participants ?? []).map((participant) => participant.displayName || rawIdOf(participant.id)).join(', ');
  }
  return undefined;
}
