import { randomBytes } from 'node:crypto';
import { headerOf, parseJson, sendEmpty, sendJson, type Router } from '../../http.js';
import type { EmulatedResource } from '../resource.js';
import { threadIn } from '../state.js';
import { authenticated, recipients, threadFor } from './access.js';
import { addMessage } from './messages.js';
import { identifierModel, participantModel, participantWire, threadModel } from './models.js';
import { page } from './paging.js';
import { addParticipants } from './participants.js';
import { readList, readMetadata, readParticipant, readRetention, readTime, readTopic } from './readers.js';

/** Threads: create (idempotent by repeatability-request-id), list the caller's, get, update and delete. */
export function registerThreadRoutes(router: Router, emulator: EmulatedResource): void {
  const state = emulator.state;
  const authed = authenticated(emulator);

  router.add(
    'POST',
    /^\/chat\/threads$/,
    authed(({ body, request, response, caller }) => {
      const requestId = headerOf(request.headers['repeatability-request-id']);
      const earlier = requestId && state.createdByRequest.get(requestId);
      if (earlier) {
        sendJson(response, 201, { chatThread: threadModel(threadIn(state, earlier)) }, { Location: threadLocation(earlier) });
        return;
      }
      const input = parseJson(body);
      const topic = readTopic(input.topic);
      const requested = input.participants === undefined ? [] : readList(input.participants, 'participants');
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
          ...(input.metadata !== undefined && { metadata: readMetadata(input.metadata) }),
          ...(input.retentionPolicy !== undefined && { retentionPolicy: readRetention(input.retentionPolicy) }),
        },
        participants: [creator],
        ...(requestId && { requestId }),
      });
      const thread = threadIn(state, id);
      const others = requested.filter((item) => readParticipant(item).rawId !== caller.userId);
      const invalidParticipants = others.length > 0 ? addParticipants(emulator, thread, caller, others) : [];
      emulator.realtime.publish(recipients(thread), {
        type: 'chatThreadCreated',
        data: { threadId: id, createdOn: thread.createdOn, createdBy: participantWire(thread, caller.userId), properties: { topic } },
      });
      emulator.eventGrid.publish('Microsoft.Communication.ChatThreadCreated', `thread/${id}`, {
        threadId: id,
        createTime: thread.createdOn,
        createdByCommunicationIdentifier: identifierModel(caller.userId),
        properties: { topic },
        participants: [...thread.participants.values()].map(participantModel),
        version: Date.now(),
      });
      sendJson(
        response,
        201,
        { chatThread: threadModel(thread), ...(invalidParticipants.length > 0 && { invalidParticipants }) },
        { Location: threadLocation(id) },
      );
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
    authed(({ params, response, caller }) => sendJson(response, 200, threadModel(threadFor(state, params[0], caller)))),
  );

  router.add(
    'PATCH',
    /^\/chat\/threads\/([^/]+)$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(state, params[0], caller);
      const input = parseJson(body);
      const topic = input.topic === undefined ? undefined : readTopic(input.topic);
      emulator.commit({
        t: 'threadUpdated',
        id: thread.id,
        ...(topic !== undefined && { topic }),
        // Merge-patch: null clears a field; a cleared retention policy is the explicit "none".
        ...(input.metadata !== undefined && { metadata: input.metadata === null ? null : readMetadata(input.metadata) }),
        ...(input.retentionPolicy !== undefined && {
          retentionPolicy: input.retentionPolicy === null ? { kind: 'none' as const } : readRetention(input.retentionPolicy),
        }),
      });
      if (topic !== undefined) addMessage(emulator, thread, { type: 'topicUpdated', content: { topic, initiatorRawId: caller.userId } });
      const updatedOn = new Date().toISOString();
      emulator.realtime.publish(recipients(thread), {
        type: 'chatThreadPropertiesUpdated',
        data: {
          threadId: thread.id,
          updatedOn,
          updatedBy: participantWire(thread, caller.userId),
          properties: { topic: thread.topic, metadata: thread.metadata ?? {} },
        },
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
      const thread = state.threads.get(params[0]);
      // Deleting a thread that is already gone succeeds, as in ACS.
      if (!thread || thread.deletedOn) {
        sendEmpty(response, 204);
        return;
      }
      threadFor(state, thread.id, caller);
      const deletedOn = new Date().toISOString();
      emulator.commit({ t: 'threadDeleted', id: thread.id, at: deletedOn });
      emulator.realtime.publish(recipients(thread), {
        type: 'chatThreadDeleted',
        data: { threadId: thread.id, deletedOn, deletedBy: participantWire(thread, caller.userId) },
      });
      emulator.eventGrid.publish('Microsoft.Communication.ChatThreadDeleted', `thread/${thread.id}`, {
        threadId: thread.id,
        deleteTime: deletedOn,
        deletedByCommunicationIdentifier: identifierModel(caller.userId),
        version: Date.now(),
      });
      sendEmpty(response, 204);
    }),
  );
}

const threadLocation = (id: string) => `/chat/threads/${encodeURIComponent(id)}`;
