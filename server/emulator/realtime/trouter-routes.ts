import type { IncomingMessage } from 'node:http';
import { headerOf, HttpError, parseJson, requireApiVersion, sendEmpty, sendJson, type Router } from '../../http.js';
import type { Caller, EmulatedResource } from '../resource.js';
import { HEARTBEAT_SECONDS, type TrouterHub } from './trouter-hub.js';

/** The api-version `@azure/communication-signaling` 1.0.0-beta.34 asks the configuration with. */
export const REALTIME_CONFIG_API_VERSION = '2024-09-01';
const CONNECTION_TTL_SECONDS = 86400;

/**
 * The HTTP half of ACS's chat real-time protocol as the chat SDK's signaling client speaks it:
 * where Trouter and the registrar are (here: this server's own origin), the Trouter allocation
 * (`v4/a`), the socket.io 0.9 handshake, and the registrar. The WebSocket half is `TrouterHub`.
 */
export function registerTrouterApi(router: Router, emulator: EmulatedResource, hub: TrouterHub): void {
  router.add('GET', /^\/chat\/config\/realTimeNotifications$/, async ({ request, url, response }) => {
    requireApiVersion(url, REALTIME_CONFIG_API_VERSION);
    await emulator.authenticate(request);
    const origin = originOf(request);
    sendJson(response, 200, { trouterServiceUrl: origin, registrarServiceUrl: origin, cloudType: 'public' });
  });

  router.add('POST', /^\/v4\/a$/, async ({ request, url, response }) => {
    const caller = await skypeTokenCaller(emulator, request);
    const epid = url.searchParams.get('epid') ?? caller.userId;
    const key = hub.allocate(caller, epid, url.searchParams.get('sr'));
    const origin = originOf(request);
    const surl = `${origin}/trouter/${key}/`;
    sendJson(response, 200, {
      socketio: `${origin}/`,
      surl,
      url: surl,
      curlb: origin,
      // Opaque to the client, which sends it back on the handshake and WebSocket. No `scae`: that would switch protocol variants.
      connectparams: { sr: key, se: String(Date.now() + CONNECTION_TTL_SECONDS * 1000) },
      id: key,
      ccid: key.slice(0, 8),
      ttl: String(CONNECTION_TTL_SECONDS),
    });
  });

  router.add('GET', /^\/socket\.io\/1\/$/, ({ url, response }) => {
    const sid = hub.handshake(url.searchParams.get('sr') ?? '');
    if (!sid) throw new HttpError(401, 'InvalidAuthenticationToken', 'The allocation is unknown or its token is no longer valid.');
    const body = `${sid}:${HEARTBEAT_SECONDS}:${HEARTBEAT_SECONDS}:websocket`;
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  });

  router.add('POST', /^\/v3\/registrations$/, async ({ request, body, response }) => {
    await skypeTokenCaller(emulator, request);
    const registrationId = parseJson(body).registrationId;
    if (typeof registrationId !== 'string' || !registrationId) throw new HttpError(400, 'InvalidRequest', 'registrationId is required.');
    // Every allocated endpoint of the user gets the user's events, so a registration needs no bookkeeping here.
    sendEmpty(response, 202);
  });

  router.add('DELETE', /^\/v3\/registrations\/([^/]+)$/, async ({ request, params, response }) => {
    const caller = await skypeTokenCaller(emulator, request);
    hub.unregister(caller.userId, params[0]);
    sendEmpty(response, 204);
  });
}

/** Trouter and the registrar take the ACS token in `X-Skypetoken` (or as a bearer token); it is checked as the chat API checks it. */
async function skypeTokenCaller(emulator: EmulatedResource, request: IncomingMessage): Promise<Caller> {
  const token = headerOf(request.headers['x-skypetoken']);
  // The emulator's one token check (signature, expiry, live identity, revocation) reads the Authorization header.
  if (token) request.headers.authorization = `Bearer ${token}`;
  return emulator.authenticate(request);
}

/** This server's origin as the client reached it, so every URL handed out stays on it. */
function originOf(request: IncomingMessage): string {
  return `http://${request.headers.host ?? 'localhost'}`;
}
