import { createIdentifierFromRawId, getIdentifierRawId, serializeCommunicationIdentifier, type CommunicationIdentifier } from '@azure/communication-common';
import { randomBytes } from 'node:crypto';
import { HttpError, parseJson, sendEmpty, sendJson, type RouteContext, type Router } from '../http.js';
import { requireApiVersion, type Caller, type Emulator } from './emulator.js';
import type { MessageType, Participant, RetentionPolicy, StoredMessage, Thread } from './state.js';

const API_VERSION = '2025-03-15';
/** ACS limits that the SDK surfaces as 4xx errors. */
export const LIMITS = { messageBytes: 28 * 1024, topicLength: 256, displayNameLength: 256, participantsPerRequest: 200, pageSize: 200 } as const;
const DEFAULT_PAGE_SIZE = 20;

type Handler = (context: RouteContext & { caller: Caller }) => Promise<void> | void;

/** The Chat API (`2025-03-15`): every operation, with ACS's status codes, errors and paging. */
export function registerChatApi(router: Router, emulator: Emulator): void {
  const state = emulator.state;

  const authed = (handler: Handler) => async (context: RouteContext) => {
    requireApiVersion(context.url, API_VERSION);
    const caller = await emulator.authenticate(context.request);
    await handler({ ...context, caller });
  };

  /** A live thread the caller is in: 404 when unknown or deleted, 403 when not a participant. */
  const threadFor = (id: string, caller: Caller): Thread => {
    const thread = state.threads.get(id);
    if (!thread || thread.deletedOn) throw new HttpError(404, 'NotFound', `Thread ${id} was not found.`);
    if (!thread.participants.has(caller.userId)) throw new HttpError(403, 'Forbidden', 'User is not a participant of this thread.');
    return thread;
  };

  const messageIn = (thread: Thread, id: string): StoredMessage => {
    const message = thread.messages.find((each) => each.id === id);
    if (!message) throw new HttpError(404, 'NotFound', `Message ${id} was not found.`);
    return message;
  };

  const recipients = (thread: Thread) => thread.participants.keys();

  /** Adds a message with the next sequence id and an id that grows with time, as ACS's do. */
  const addMessage = (thread: Thread, message: Omit<StoredMessage, 'id' | 'sequenceId' | 'version' | 'createdOn'>): StoredMessage => {
    const last = thread.messages.at(-1);
    const createdAt = Math.max(Date.now(), last ? Number(last.id) + 1 : 0);
    const stored: StoredMessage = { ...message, id: String(createdAt), sequenceId: thread.messages.length + 1, version: String(createdAt), createdOn: new Date(createdAt).toISOString() };
    emulator.commit({ t: 'messageAdded', threadId: thread.id, message: stored });
    return stored;
  };

  const addParticipants = (thread: Thread, caller: Caller, requested: unknown[]) => {
    const invalidParticipants: { target: string; code: string; message: string }[] = [];
    const added: Participant[] = [];
    for (const item of requested) {
      const participant = readParticipant(item);
      if (participant.rawId.startsWith('8:acs:') && !state.identities.has(participant.rawId)) {
        invalidParticipants.push({ target: participant.rawId, code: '404', message: 'Not found' });
        continue;
      }
      added.push(participant);
    }
    if (added.length > 0) {
      emulator.commit({ t: 'participantsAdded', threadId: thread.id, participants: added });
      addMessage(thread, { type: 'participantAdded', content: { participants: added, initiatorRawId: caller.userId } });
      const data = { threadId: thread.id, addedOn: new Date().toISOString(), addedBy: participantWire(thread, caller.userId), participantsAdded: added.map(participantModel) };
      emulator.realtime.publish(recipients(thread), { type: 'participantsAdded', data });
      emulator.eventGrid.publish('Microsoft.Communication.ChatThreadParticipantAdded', `thread/${thread.id}`, {
        threadId: thread.id,
        time: data.addedOn,
        addedByCommunicationIdentifier: identifierModel(caller.userId),
        participantAdded: added.map(participantModel)[0],
        version: Date.now(),
        transactionId: randomBytes(8).toString('hex'),
      });
    }
    return invalidParticipants;
  };

  router.add(
    'POST',
    /^\/chat\/threads$/,
    authed(({ body, request, response, caller }) => {
      const requestId = headerOf(request.headers['repeatability-request-id']);
      const earlier = requestId && state.createdByRequest.get(requestId);
      if (earlier) {
        sendJson(response, 201, { chatThread: threadModel(state.threads.get(earlier)!) }, { Location: threadLocation(earlier) });
        return;
      }
      const input = parseJson(body);
      const topic = readTopic(input['topic']);
      const requested = input['participants'] === undefined ? [] : readList(input['participants'], 'participants');
      // The creator is always a participant, with the name they gave themselves if they listed themselves.
      const creator = requested.map(readParticipant).find((participant) => participant.rawId === caller.userId) ?? { rawId: caller.userId };
      const id = `19:${randomBytes(16).toString('hex')}@thread.v2`;
      emulator.commit({
        t: 'threadCreated',
        thread: {
          id,
          topic,
          createdOn: new Date().toISOString(),
          createdByRawId: caller.userId,
          ...(input['metadata'] !== undefined && { metadata: readMetadata(input['metadata']) }),
          ...(input['retentionPolicy'] !== undefined && { retentionPolicy: readRetention(input['retentionPolicy']) }),
        },
        participants: [creator],
        ...(requestId && { requestId }),
      });
      const thread = state.threads.get(id)!;
      const others = requested.filter((item) => readParticipant(item).rawId !== caller.userId);
      const invalidParticipants = others.length > 0 ? addParticipants(thread, caller, others) : [];
      emulator.realtime.publish(recipients(thread), { type: 'chatThreadCreated', data: { threadId: id, createdOn: thread.createdOn, createdBy: participantWire(thread, caller.userId), properties: { topic } } });
      emulator.eventGrid.publish('Microsoft.Communication.ChatThreadCreated', `thread/${id}`, {
        threadId: id,
        createTime: thread.createdOn,
        createdByCommunicationIdentifier: identifierModel(caller.userId),
        properties: { topic },
        participants: [...thread.participants.values()].map(participantModel),
        version: Date.now(),
      });
      sendJson(response, 201, { chatThread: threadModel(thread), ...(invalidParticipants.length > 0 && { invalidParticipants }) }, { Location: threadLocation(id) });
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads$/,
    authed(({ url, response, caller }) => {
      const startTime = readTime(url.searchParams.get('startTime'));
      const threads = [...state.threads.values()]
        .filter((thread) => thread.participants.has(caller.userId))
        .map((thread) => ({ thread, lastMessageReceivedOn: thread.messages.at(-1)?.createdOn }))
        .filter(({ thread, lastMessageReceivedOn }) => !startTime || (lastMessageReceivedOn ?? thread.createdOn) >= startTime)
        .sort((a, b) => (b.lastMessageReceivedOn ?? b.thread.createdOn).localeCompare(a.lastMessageReceivedOn ?? a.thread.createdOn))
        .map(({ thread, lastMessageReceivedOn }) => ({
          id: thread.id,
          topic: thread.topic,
          ...(thread.deletedOn && { deletedOn: thread.deletedOn }),
          ...(lastMessageReceivedOn && { lastMessageReceivedOn }),
        }));
      sendJson(response, 200, page(threads, url, '/chat/threads'));
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)$/,
    authed(({ params, response, caller }) => sendJson(response, 200, threadModel(threadFor(params[0]!, caller)))),
  );

  router.add(
    'PATCH',
    /^\/chat\/threads\/([^/]+)$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const input = parseJson(body);
      const topic = input['topic'] === undefined ? undefined : readTopic(input['topic']);
      emulator.commit({
        t: 'threadUpdated',
        id: thread.id,
        ...(topic !== undefined && { topic }),
        ...(input['metadata'] !== undefined && { metadata: readMetadata(input['metadata']) }),
        ...(input['retentionPolicy'] !== undefined && { retentionPolicy: readRetention(input['retentionPolicy']) }),
      });
      if (topic !== undefined) addMessage(thread, { type: 'topicUpdated', content: { topic, initiatorRawId: caller.userId } });
      const updatedOn = new Date().toISOString();
      emulator.realtime.publish(recipients(thread), {
        type: 'chatThreadPropertiesUpdated',
        data: { threadId: thread.id, updatedOn, updatedBy: participantWire(thread, caller.userId), properties: { topic: thread.topic, metadata: thread.metadata ?? {} } },
      });
      emulator.eventGrid.publish('Microsoft.Communication.ChatThreadPropertiesUpdated', `thread/${thread.id}`, {
        threadId: thread.id,
        editTime: updatedOn,
        editedByCommunicationIdentifier: identifierModel(caller.userId),
        properties: { topic: thread.topic },
        metadata: thread.metadata ?? {},
        version: Date.now(),
      });
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'DELETE',
    /^\/chat\/threads\/([^/]+)$/,
    authed(({ params, response, caller }) => {
      const thread = state.threads.get(params[0]!);
      // Deleting a thread that is already gone succeeds, as in ACS.
      if (!thread || thread.deletedOn) return sendEmpty(response, 204);
      threadFor(thread.id, caller);
      const deletedOn = new Date().toISOString();
      emulator.commit({ t: 'threadDeleted', id: thread.id, at: deletedOn });
      emulator.realtime.publish(recipients(thread), { type: 'chatThreadDeleted', data: { threadId: thread.id, deletedOn, deletedBy: participantWire(thread, caller.userId) } });
      emulator.eventGrid.publish('Microsoft.Communication.ChatThreadDeleted', `thread/${thread.id}`, {
        threadId: thread.id,
        deleteTime: deletedOn,
        deletedByCommunicationIdentifier: identifierModel(caller.userId),
        version: Date.now(),
      });
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/messages$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const input = parseJson(body);
      const content = readContent(input['content']);
      const type = input['type'] === undefined ? 'text' : input['type'];
      if (type !== 'text' && type !== 'html') throw new HttpError(400, 'InvalidMessageType', 'A message type is text or html.');
      const senderDisplayName = input['senderDisplayName'] === undefined ? undefined : readDisplayName(input['senderDisplayName']);
      const message = addMessage(thread, {
        type,
        content: { message: content },
        senderRawId: caller.userId,
        ...(senderDisplayName !== undefined && { senderDisplayName }),
        ...(input['metadata'] !== undefined && { metadata: readMetadata(input['metadata']) }),
      });
      publishMessageEvent(emulator, thread, message, 'chatMessageReceived', 'Microsoft.Communication.ChatMessageReceivedInThread');
      sendJson(response, 201, { id: message.id });
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/messages$/,
    authed(({ params, url, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const startTime = readTime(url.searchParams.get('startTime'));
      const historyFrom = thread.participants.get(caller.userId)?.shareHistoryTime;
      const before = readSequence(url.searchParams.get('before'));
      const size = readPageSize(url.searchParams.get('maxPageSize'));
      const newestFirst = thread.messages
        .filter((message) => message.sequenceId < before)
        .filter((message) => !historyFrom || message.createdOn >= historyFrom)
        .filter((message) => !startTime || lastChange(message) >= startTime)
        .reverse();
      const value = newestFirst.slice(0, size);
      // Paging continues below the oldest sequence id sent, so messages arriving meanwhile neither shift nor repeat a page.
      const next = new URLSearchParams(url.searchParams);
      next.set('before', String(value.at(-1)?.sequenceId ?? 0));
      next.set('maxPageSize', String(size));
      next.set('api-version', API_VERSION);
      sendJson(response, 200, {
        value: value.map((message) => messageModel(thread, message)),
        ...(newestFirst.length > size && { nextLink: `/chat/threads/${encodeURIComponent(thread.id)}/messages?${next}` }),
      });
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/messages\/([^/]+)$/,
    authed(({ params, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      sendJson(response, 200, messageModel(thread, messageIn(thread, params[1]!)));
    }),
  );

  router.add(
    'PATCH',
    /^\/chat\/threads\/([^/]+)\/messages\/([^/]+)$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const message = ownMessage(messageIn(thread, params[1]!), caller);
      const input = parseJson(body);
      emulator.commit({
        t: 'messageEdited',
        threadId: thread.id,
        id: message.id,
        at: new Date().toISOString(),
        ...(input['content'] !== undefined && { content: readContent(input['content']) }),
        ...(input['metadata'] !== undefined && { metadata: readMetadata(input['metadata']) }),
      });
      publishMessageEvent(emulator, thread, message, 'chatMessageEdited', 'Microsoft.Communication.ChatMessageEditedInThread');
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'DELETE',
    /^\/chat\/threads\/([^/]+)\/messages\/([^/]+)$/,
    authed(({ params, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const message = ownMessage(messageIn(thread, params[1]!), caller);
      if (!message.deletedOn) {
        emulator.commit({ t: 'messageDeleted', threadId: thread.id, id: message.id, at: new Date().toISOString() });
        publishMessageEvent(emulator, thread, message, 'chatMessageDeleted', 'Microsoft.Communication.ChatMessageDeletedInThread');
      }
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/participants$/,
    authed(({ params, url, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      sendJson(response, 200, page([...thread.participants.values()].map(participantModel), url, `/chat/threads/${encodeURIComponent(thread.id)}/participants`));
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/participants\/:add$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const requested = readList(parseJson(body)['participants'], 'participants');
      if (requested.length === 0) throw new HttpError(400, 'InvalidRequest', 'participants must not be empty.');
      const invalidParticipants = addParticipants(thread, caller, requested);
      sendJson(response, 201, invalidParticipants.length > 0 ? { invalidParticipants } : {});
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/participants\/:remove$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const rawId = readIdentifier(parseJson(body));
      const participant = thread.participants.get(rawId);
      if (participant) {
        const audience = [...recipients(thread)];
        emulator.commit({ t: 'participantRemoved', threadId: thread.id, rawId });
        addMessage(thread, { type: 'participantRemoved', content: { participants: [participant], initiatorRawId: caller.userId } });
        const removedOn = new Date().toISOString();
        emulator.realtime.publish(audience, {
          type: 'participantsRemoved',
          data: { threadId: thread.id, removedOn, removedBy: participantWire(thread, caller.userId), participantsRemoved: [participantModel(participant)] },
        });
        emulator.eventGrid.publish('Microsoft.Communication.ChatThreadParticipantRemoved', `thread/${thread.id}`, {
          threadId: thread.id,
          time: removedOn,
          removedByCommunicationIdentifier: identifierModel(caller.userId),
          participantRemoved: participantModel(participant),
          version: Date.now(),
          transactionId: randomBytes(8).toString('hex'),
        });
      }
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/typing$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const input = parseJson(body);
      const senderDisplayName = input['senderDisplayName'] === undefined ? thread.participants.get(caller.userId)?.displayName : readDisplayName(input['senderDisplayName']);
      const others = [...recipients(thread)].filter((rawId) => rawId !== caller.userId);
      emulator.realtime.publish(others, {
        type: 'typingIndicatorReceived',
        data: { threadId: thread.id, sender: kindOf(caller.userId), senderDisplayName: senderDisplayName ?? '', receivedOn: new Date().toISOString(), version: String(Date.now()) },
      });
      sendEmpty(response, 200);
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/readReceipts$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const chatMessageId = parseJson(body)['chatMessageId'];
      if (typeof chatMessageId !== 'string' || !chatMessageId) throw new HttpError(400, 'InvalidRequest', 'chatMessageId is required.');
      messageIn(thread, chatMessageId);
      const readOn = new Date().toISOString();
      emulator.commit({ t: 'readReceiptSent', threadId: thread.id, rawId: caller.userId, chatMessageId, at: readOn });
      emulator.realtime.publish(recipients(thread), {
        type: 'readReceiptReceived',
        data: { threadId: thread.id, sender: kindOf(caller.userId), senderDisplayName: thread.participants.get(caller.userId)?.displayName ?? '', chatMessageId, readOn },
      });
      sendEmpty(response, 200);
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/readReceipts$/,
    authed(({ params, url, response, caller }) => {
      const thread = threadFor(params[0]!, caller);
      const receipts = [...thread.readReceipts.entries()].map(([rawId, receipt]) => ({ senderCommunicationIdentifier: identifierModel(rawId), ...receipt }));
      sendJson(response, 200, page(receipts, url, `/chat/threads/${encodeURIComponent(thread.id)}/readReceipts`));
    }),
  );

  router.add(
    'GET',
    /^\/emulator\/realtime$/,
    async ({ request, response }) => {
      const caller = await emulator.authenticate(request);
      emulator.realtime.connect(caller.userId, caller.expiresAt, response, headerOf(request.headers['last-event-id']));
    },
  );
}

function publishMessageEvent(
  emulator: Emulator,
  thread: Thread,
  message: StoredMessage,
  realtimeType: 'chatMessageReceived' | 'chatMessageEdited' | 'chatMessageDeleted',
  eventGridType: string,
): void {
  const sender = message.senderRawId!;
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

/** Pages a list by `maxPageSize` and `skip`, with a relative nextLink that carries the api-version (the SDK follows it as is). */
function page<T>(items: T[], url: URL, path: string): { value: T[]; nextLink?: string } {
  const size = readPageSize(url.searchParams.get('maxPageSize'));
  const skip = readSkip(url.searchParams.get('skip'));
  const value = items.slice(skip, skip + size);
  if (skip + size >= items.length) return { value };
  const next = new URLSearchParams(url.searchParams);
  next.set('skip', String(skip + size));
  next.set('maxPageSize', String(size));
  next.set('api-version', API_VERSION);
  return { value, nextLink: `${path}?${next}` };
}

export function identifierModel(rawId: string): Record<string, unknown> {
  return serializeCommunicationIdentifier(createIdentifierFromRawId(rawId)) as Record<string, unknown>;
}

/** The identifier as the chat SDK's events carry it (`{ kind, communicationUserId }`, …). */
function kindOf(rawId: string): CommunicationIdentifier {
  return createIdentifierFromRawId(rawId);
}

function participantWire(thread: Thread, rawId: string) {
  return { id: kindOf(rawId), displayName: thread.participants.get(rawId)?.displayName ?? '' };
}

function participantModel(participant: Participant) {
  return {
    communicationIdentifier: identifierModel(participant.rawId),
    ...(participant.displayName !== undefined && { displayName: participant.displayName }),
    // Without one, the whole history is shared: the epoch says so, as ACS's answers do.
    shareHistoryTime: participant.shareHistoryTime ?? new Date(0).toISOString(),
    ...(participant.metadata !== undefined && { metadata: participant.metadata }),
  };
}

function threadModel(thread: Thread) {
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

function messageModel(thread: Thread, message: StoredMessage) {
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

const lastChange = (message: StoredMessage) => [message.createdOn, message.editedOn ?? '', message.deletedOn ?? ''].sort().at(-1)!;

const threadLocation = (id: string) => `/chat/threads/${encodeURIComponent(id)}`;

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function invalid(message: string): HttpError {
  return new HttpError(400, 'InvalidRequest', message);
}

function readTopic(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw invalid('topic is required.');
  if (value.length > LIMITS.topicLength) throw invalid(`topic is longer than ${LIMITS.topicLength} characters.`);
  return value;
}

function readContent(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid('content is required.');
  if (Buffer.byteLength(value, 'utf8') > LIMITS.messageBytes) {
    throw new HttpError(413, 'MessageTooLarge', `A message may be at most ${LIMITS.messageBytes} bytes.`);
  }
  return value;
}

function readDisplayName(value: unknown): string {
  if (typeof value !== 'string' || value.length > LIMITS.displayNameLength) throw invalid(`A display name is a string of at most ${LIMITS.displayNameLength} characters.`);
  return value;
}

function readMetadata(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('metadata is an object of strings.');
  const entries = Object.entries(value);
  if (!entries.every(([, each]) => typeof each === 'string')) throw invalid('metadata is an object of strings.');
  return Object.fromEntries(entries) as Record<string, string>;
}

function readRetention(value: unknown): RetentionPolicy {
  const policy = value as RetentionPolicy;
  if (policy?.kind === 'none') return { kind: 'none' };
  if (policy?.kind === 'threadCreationDate' && Number.isInteger(policy.deleteThreadAfterDays) && policy.deleteThreadAfterDays! >= 1 && policy.deleteThreadAfterDays! <= 90) {
    return { kind: 'threadCreationDate', deleteThreadAfterDays: policy.deleteThreadAfterDays! };
  }
  throw invalid('retentionPolicy is {kind:"none"} or {kind:"threadCreationDate", deleteThreadAfterDays: 1–90}.');
}

function readList(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`${name} must be a list.`);
  if (value.length > LIMITS.participantsPerRequest) throw invalid(`At most ${LIMITS.participantsPerRequest} ${name} per request.`);
  return value;
}

function readIdentifier(value: unknown): string {
  const model = value as { rawId?: unknown; communicationUser?: { id?: unknown } };
  const rawId = typeof model?.rawId === 'string' ? model.rawId : model?.communicationUser?.id;
  if (typeof rawId !== 'string' || !rawId) throw invalid('A communication identifier needs a rawId.');
  return getIdentifierRawId(createIdentifierFromRawId(rawId));
}

function readParticipant(value: unknown): Participant {
  const input = value as { communicationIdentifier?: unknown; displayName?: unknown; shareHistoryTime?: unknown; metadata?: unknown };
  const shareHistoryTime = readTime(input?.shareHistoryTime ?? null);
  return {
    rawId: readIdentifier(input?.communicationIdentifier),
    ...(input?.displayName !== undefined && { displayName: readDisplayName(input.displayName) }),
    ...(shareHistoryTime && { shareHistoryTime }),
    ...(input?.metadata !== undefined && { metadata: readMetadata(input.metadata) }),
  };
}

function readTime(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw invalid(`${String(value)} is not an RFC 3339 time.`);
  return new Date(time).toISOString();
}

function readPageSize(value: string | null): number {
  if (value === null) return DEFAULT_PAGE_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSize) throw invalid(`maxPageSize must be from 1 to ${LIMITS.pageSize}.`);
  return size;
}

function readSequence(value: string | null): number {
  if (value === null) return Number.POSITIVE_INFINITY;
  const sequence = Number(value);
  if (!Number.isInteger(sequence) || sequence < 0) throw invalid('before must be a sequence id.');
  return sequence;
}

function readSkip(value: string | null): number {
  const skip = Number(value ?? 0);
  if (!Number.isInteger(skip) || skip < 0) throw invalid('skip must be a whole number.');
  return skip;
}

export type { MessageType };
