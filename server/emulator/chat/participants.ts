import { randomBytes } from 'node:crypto';
import { HttpError, parseJson, sendEmpty, sendJson, type Router } from '../../http.js';
import type { Caller, EmulatedResource } from '../resource.js';
import type { Participant, Thread } from '../state.js';
import { authenticated, recipients, threadFor } from './access.js';
import { addMessage } from './messages.js';
import { identifierModel, participantModel, participantWire } from './models.js';
import { page } from './paging.js';
import { readIdentifier, readList, readParticipant } from './readers.js';

/** Participants of a thread: list, add and remove, each change announced in the thread as a system message. */
export function registerParticipantRoutes(router: Router, emulator: EmulatedResource): void {
  const authed = authenticated(emulator);

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/participants$/,
    authed(({ params, url, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      sendJson(
        response,
        200,
        page([...thread.participants.values()].map(participantModel), url, `/chat/threads/${encodeURIComponent(thread.id)}/participants`),
      );
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/participants\/:add$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const requested = readList(parseJson(body).participants, 'participants');
      if (requested.length === 0) throw new HttpError(400, 'InvalidRequest', 'participants must not be empty.');
      const invalidParticipants = addParticipants(emulator, thread, caller, requested);
      sendJson(response, 201, invalidParticipants.length > 0 ? { invalidParticipants } : {});
    }),
  );

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/participants\/:remove$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const rawId = readIdentifier(parseJson(body));
      const participant = thread.participants.get(rawId);
      if (participant) {
        const audience = [...recipients(thread)];
        emulator.commit({ t: 'participantRemoved', threadId: thread.id, rawId });
        addMessage(emulator, thread, { type: 'participantRemoved', content: { participants: [participant], initiatorRawId: caller.userId } });
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
}

/**
 * Adds participants, to an existing thread or a new one, and returns those refused: ACS user ids
 * that do not exist in this emulator (ACS lists each in `invalidParticipants` with a 404).
 */
export function addParticipants(emulator: EmulatedResource, thread: Thread, caller: Caller, requested: unknown[]) {
  const invalidParticipants: { target: string; code: string; message: string }[] = [];
  const added: Participant[] = [];
  for (const item of requested) {
    const participant = readParticipant(item);
    if (participant.rawId.startsWith('8:acs:') && !emulator.state.identities.has(participant.rawId)) {
      invalidParticipants.push({ target: participant.rawId, code: '404', message: 'Not found' });
      continue;
    }
    // The spec: "If participants already exist, no change occurs" (no rename, no system message).
    if (thread.participants.has(participant.rawId)) continue;
    added.push(participant);
  }
  if (added.length > 0) {
    emulator.commit({ t: 'participantsAdded', threadId: thread.id, participants: added });
    addMessage(emulator, thread, { type: 'participantAdded', content: { participants: added, initiatorRawId: caller.userId } });
    const data = {
      threadId: thread.id,
      addedOn: new Date().toISOString(),
      addedBy: participantWire(thread, caller.userId),
      participantsAdded: added.map(participantModel),
    };
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
}
