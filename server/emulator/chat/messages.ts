import { randomBytes } from 'node:crypto';
import { HttpError, parseJson, sendEmpty, sendJson, type Router } from '../../http.js';
import type { Caller, EmulatedResource } from '../resource.js';
import type { StoredMessage, Thread } from '../state.js';
import { authenticated, CHAT_API_VERSION, messageIn, threadFor } from './access.js';
import { identifierModel, kindOf, messageModel } from './models.js';
import { readPageSize } from './paging.js';
import { readContent, readDisplayName, readMetadata, readSequence, readTime } from './readers.js';

/** Messages of a thread: send, list (newest first), get, edit and delete — only the sender changes a message. */
export function registerMessageRoutes(router: Router, emulator: EmulatedResource): void {
  const authed = authenticated(emulator);

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/messages$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const input = parseJson(body);
      const content = readContent(input.content);
      const type = input.type === undefined ? 'text' : input.type;
      if (type !== 'text' && type !== 'html') throw new HttpError(400, 'InvalidMessageType', 'A message type is text or html.');
      const senderDisplayName = input.senderDisplayName === undefined ? undefined : readDisplayName(input.senderDisplayName);
      const message = addMessage(emulator, thread, {
        type,
        content: { message: content },
        senderRawId: caller.userId,
        ...(senderDisplayName !== undefined && { senderDisplayName }),
        ...(input.metadata !== undefined && { metadata: readMetadata(input.metadata) }),
      });
      publishMessageEvent(emulator, thread, caller.userId, message, 'chatMessageReceived', 'Microsoft.Communication.ChatMessageReceivedInThread');
      sendJson(response, 201, { id: message.id });
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/messages$/,
    authed(({ params, url, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const startTime = readTime(url.searchParams.get('startTime'));
      const historyFrom = thread.participants.get(caller.userId)?.shareHistoryTime;
      const before = readSequence(url.searchParams.get('before'));
      const size = readPageSize(url.searchParams.get('maxPageSize'));
      // Sequence ids are positions + 1: the page starts right below `before` and walks back only as far as
      // one page and one more message (which says whether a next page exists), however long the thread.
      const newestFirst: StoredMessage[] = [];
      for (let index = Math.min(before - 1, thread.messages.length) - 1; index >= 0 && newestFirst.length <= size; index -= 1) {
        const message = thread.messages[index];
        // Creation times grow with the sequence: everything further back is older than the shared history too.
        if (historyFrom && message.createdOn < historyFrom) break;
        if (!startTime || lastChange(message) >= startTime) newestFirst.push(message);
      }
      const value = newestFirst.slice(0, size);
      // Paging continues below the oldest sequence id sent, so messages arriving meanwhile neither shift nor repeat a page.
      const next = new URLSearchParams(url.searchParams);
      next.set('before', String(value.at(-1)?.sequenceId ?? 0));
      next.set('maxPageSize', String(size));
      next.set('api-version', CHAT_API_VERSION);
      sendJson(response, 200, {
        value: value.map((message) => messageModel(thread, message)),
        ...(newestFirst.length > size && { nextLink: `/chat/threads/${encodeURIComponent(thread.id)}/messages?${next.toString()}` }),
      });
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/messages\/([^/]+)$/,
    authed(({ params, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      sendJson(response, 200, messageModel(thread, messageIn(thread, params[1])));
    }),
  );

  router.add(
    'PATCH',
    /^\/chat\/threads\/([^/]+)\/messages\/([^/]+)$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const message = ownMessage(messageIn(thread, params[1]), caller);
      const input = parseJson(body);
      emulator.commit({
        t: 'messageEdited',
        threadId: thread.id,
        id: message.id,
        at: new Date().toISOString(),
        ...(input.content !== undefined && { content: readContent(input.content) }),
        ...(input.metadata !== undefined && { metadata: readMetadata(input.metadata) }),
      });
      publishMessageEvent(emulator, thread, caller.userId, message, 'chatMessageEdited', 'Microsoft.Communication.ChatMessageEditedInThread');
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'DELETE',
    /^\/chat\/threads\/([^/]+)\/messages\/([^/]+)$/,
    authed(({ params, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const message = ownMessage(messageIn(thread, params[1]), caller);
      if (!message.deletedOn) {
        emulator.commit({ t: 'messageDeleted', threadId: thread.id, id: message.id, at: new Date().toISOString() });
        publishMessageEvent(emulator, thread, caller.userId, message, 'chatMessageDeleted', 'Microsoft.Communication.ChatMessageDeletedInThread');
      }
      sendEmpty(response, 204);
    }),
  );
}

/**
 * Adds a message with the next sequence id and an id that grows with time, as ACS's do. The
 * thread and participant routes add their system messages (topic and membership changes) here too.
 */
export function addMessage(
  emulator: EmulatedResource,
  thread: Thread,
  message: Omit<StoredMessage, 'id' | 'sequenceId' | 'version' | 'createdOn'>,
): StoredMessage {
  const last = thread.messages.at(-1);
  const createdAt = Math.max(Date.now(), last ? Number(last.id) + 1 : 0);
  const stored: StoredMessage = {
    ...message,
    id: String(createdAt),
    sequenceId: thread.messages.length + 1,
    version: String(createdAt),
    createdOn: new Date(createdAt).toISOString(),
  };
  emulator.commit({ t: 'messageAdded', threadId: thread.id, message: stored });
  return stored;
}

/** `sender`: the caller, who sent the message (only the sender edits or deletes one). */
function publishMessageEvent(
  emulator: EmulatedResource,
  thread: Thread,
  sender: string,
  message: StoredMessage,
  realtimeType: 'chatMessageReceived' | 'chatMessageEdited' | 'chatMessageDeleted',
  eventGridType: string,
): void {
  const base = {
    threadId: thread.id,
    sender: kindOf(sender),
    senderDisplayName: message.senderDisplayName ?? '',
    id: message.id,
    createdOn: message.createdOn,
    version: message.version,
    type: message.type,
    sequenceId: String(message.sequenceId),
    metadata: message.metadata ?? {},
  };
  const realtime =
    realtimeType === 'chatMessageDeleted'
      ? { ...base, deletedOn: message.deletedOn }
      : { ...base, message: message.content.message ?? '', ...(message.editedOn && { editedOn: message.editedOn }) };
  emulator.realtime.publish(thread.participants.keys(), { type: realtimeType, data: realtime });
  emulator.eventGrid.publish(eventGridType, `thread/${thread.id}/sender/${sender}`, {
    messageBody: message.deletedOn ? undefined : message.content.message,
    messageId: message.id,
    senderCommunicationIdentifier: identifierModel(sender),
    senderDisplayName: message.senderDisplayName ?? '',
    composeTime: message.createdOn,
    type: message.type,
    version: Number(message.version),
    threadId: thread.id,
    metadata: message.metadata ?? {},
    transactionId: randomBytes(8).toString('hex'),
    ...(message.editedOn && { editTime: message.editedOn }),
    ...(message.deletedOn && { deleteTime: message.deletedOn }),
  });
}

function ownMessage(message: StoredMessage, caller: Caller): StoredMessage {
  if (message.senderRawId !== caller.userId) throw new HttpError(403, 'Forbidden', 'Only the sender can change a message.');
  return message;
}

/** When a message last changed: the latest of its creation, edit and deletion times (ISO times compare as strings). */
const lastChange = (message: StoredMessage) =>
  [message.editedOn ?? '', message.deletedOn ?? ''].reduce((latest, time) => (time > latest ? time : latest), message.createdOn);
