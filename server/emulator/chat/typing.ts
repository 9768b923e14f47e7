import { parseJson, sendEmpty, type Router } from '../../http.js';
import type { EmulatedResource } from '../resource.js';
import { authenticated, recipients, threadFor } from './access.js';
import { kindOf } from './models.js';
import { readDisplayName } from './readers.js';

/** Typing notifications: passed on to the thread's participants, never stored. */
export function registerTypingRoute(router: Router, emulator: EmulatedResource): void {
  const authed = authenticated(emulator);

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/typing$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const input = parseJson(body);
      const senderDisplayName =
        input.senderDisplayName === undefined ? thread.participants.get(caller.userId)?.displayName : readDisplayName(input.senderDisplayName);
      // ACS tells the sender too (the SDK team's live test listens for its own typing); clients skip their own.
      emulator.realtime.publish(recipients(thread), {
        type: 'typingIndicatorReceived',
        data: {
          threadId: thread.id,
          sender: kindOf(caller.userId),
          senderDisplayName: senderDisplayName ?? '',
          receivedOn: new Date().toISOString(),
          version: String(Date.now()),
        },
      });
      sendEmpty(response, 200);
    }),
  );
}
