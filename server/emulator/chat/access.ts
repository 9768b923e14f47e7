import { HttpError, requireApiVersion, type RouteContext, type RouteHandler } from '../../http.js';
import type { Caller, EmulatedResource } from '../resource.js';
import { messageById, type EmulatorState, type StoredMessage, type Thread } from '../state.js';

/** The one Chat API version the emulator speaks; nextLinks carry it too. */
export const CHAT_API_VERSION = '2025-03-15';

/** A chat route handler: a route's context plus the authenticated caller. */
export type ChatHandler = (context: RouteContext & { caller: Caller }) => Promise<void> | void;

/** Wraps chat handlers so each checks the api-version, then the bearer token, before it runs. */
export function authenticated(emulator: EmulatedResource): (handler: ChatHandler) => RouteHandler {
  return (handler) => async (context) => {
    requireApiVersion(context.url, CHAT_API_VERSION);
    const caller = await emulator.authenticate(context.request);
    await handler({ ...context, caller });
  };
}

/** A live thread the caller is in: 404 when unknown or deleted, 403 when not a participant. */
export function threadFor(state: EmulatorState, id: string, caller: Caller): Thread {
  const thread = state.threads.get(id);
  if (!thread || thread.deletedOn) throw new HttpError(404, 'NotFound', `Thread ${id} was not found.`);
  if (!thread.participants.has(caller.userId)) throw new HttpError(403, 'Forbidden', 'User is not a participant of this thread.');
  return thread;
}

export function messageIn(thread: Thread, id: string): StoredMessage {
  const message = messageById(thread, id);
  if (!message) throw new HttpError(404, 'NotFound', `Message ${id} was not found.`);
  return message;
}

/** Who hears of a change to a thread: its participants' raw ids. */
export const recipients = (thread: Thread) => thread.participants.keys();
