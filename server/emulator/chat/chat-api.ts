import { headerOf, type Router } from '../../http.js';
import type { EmulatedResource } from '../resource.js';
import { registerMessageRoutes } from './messages.js';
import { registerParticipantRoutes } from './participants.js';
import { registerReceiptRoutes } from './receipts.js';
import { registerThreadRoutes } from './threads.js';
import { registerTypingRoute } from './typing.js';

/**
 * The Chat API (`2025-03-15`): every operation, with ACS's status codes, errors and paging, one
 * module per resource; plus the real-time event stream the elements listen on.
 */
export function registerChatApi(router: Router, emulator: EmulatedResource): void {
  registerThreadRoutes(router, emulator);
  registerMessageRoutes(router, emulator);
  registerParticipantRoutes(router, emulator);
  registerTypingRoute(router, emulator);
  registerReceiptRoutes(router, emulator);

  router.add('GET', /^\/emulator\/realtime$/, async ({ request, response }) => {
    const caller = await emulator.authenticate(request);
    emulator.realtime.connect(caller.userId, caller.expiresAt, response, headerOf(request.headers['last-event-id']));
  });
}
