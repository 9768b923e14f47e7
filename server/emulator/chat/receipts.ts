import { HttpError, parseJson, sendEmpty, sendJson, type Router } from '../../http.js';
import type { EmulatedResource } from '../resource.js';
import { authenticated, messageIn, recipients, threadFor } from './access.js';
import { identifierModel, kindOf } from './models.js';
import { page } from './paging.js';

/** Read receipts: send one for a message in the thread, and list each participant's latest. */
export function registerReceiptRoutes(router: Router, emulator: EmulatedResource): void {
  const authed = authenticated(emulator);

  router.add(
    'POST',
    /^\/chat\/threads\/([^/]+)\/readReceipts$/,
    authed(({ params, body, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const chatMessageId = parseJson(body).chatMessageId;
      if (typeof chatMessageId !== 'string' || !chatMessageId) throw new HttpError(400, 'InvalidRequest', 'chatMessageId is required.');
      messageIn(thread, chatMessageId);
      const readOn = new Date().toISOString();
      emulator.commit({ t: 'readReceiptSent', threadId: thread.id, rawId: caller.userId, chatMessageId, at: readOn });
      emulator.realtime.publish(recipients(thread), {
        type: 'readReceiptReceived',
        data: {
          threadId: thread.id,
          sender: kindOf(caller.userId),
          senderDisplayName: thread.participants.get(caller.userId)?.displayName ?? '',
          chatMessageId,
          readOn,
        },
      });
      sendEmpty(response, 200);
    }),
  );

  router.add(
    'GET',
    /^\/chat\/threads\/([^/]+)\/readReceipts$/,
    authed(({ params, url, response, caller }) => {
      const thread = threadFor(emulator.state, params[0], caller);
      const receipts = [...thread.readReceipts.entries()].map(([rawId, receipt]) => ({ senderCommunicationIdentifier: identifierModel(rawId), ...receipt }));
      sendJson(response, 200, page(receipts, url, `/chat/threads/${encodeURIComponent(thread.id)}/readReceipts`));
    }),
  );
}
