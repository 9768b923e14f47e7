import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { HttpError, parseJson, requireApiVersion, sendEmpty, sendJson, type RouteContext, type RouteHandler, type Router } from '../http.js';
import { verifyHmac } from './hmac.js';
import { EMULATOR_RESOURCE_ID, type EmulatedResource } from './resource.js';

const API_VERSION = '2023-10-01';
const SCOPES = new Set(['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join']);
const DEFAULT_MINUTES = 1440;

/** The Identity API (`2023-10-01`), every operation, authenticated with the HMAC access-key scheme. */
export function registerIdentityApi(router: Router, emulator: EmulatedResource): void {
  const signed = (handler: RouteHandler) => async (context: RouteContext) => {
    requireApiVersion(context.url, API_VERSION);
    verifyHmac(context.request, context.url, context.body, emulator.options.accessKey);
    await handler(context);
  };

  const liveIdentity = (id: string) => {
    // ACS refuses an identity of another resource as it refuses a wrong key: the caller's key has no say over it.
    if (!id.startsWith(`8:acs:${EMULATOR_RESOURCE_ID}_`)) throw new HttpError(401, 'Denied', `Identity ${id} does not belong to this resource.`);
    const identity = emulator.state.identities.get(id);
    if (!identity) throw new HttpError(404, 'IdentityNotFound', `Identity ${id} does not exist.`);
    return identity;
  };

  router.add(
    'POST',
    /^\/identities$/,
    signed(async ({ body, response }) => {
      const request = parseJson(body);
      const scopes = request.createTokenWithScopes === undefined ? undefined : readScopes(request.createTokenWithScopes);
      const minutes = readMinutes(request.expiresInMinutes);
      const id = `8:acs:${EMULATOR_RESOURCE_ID}_${randomUUID()}`;
      emulator.commit({ t: 'identityCreated', id, at: new Date().toISOString() });
      const accessToken = scopes ? await emulator.tokens.issue(id, scopes, minutes, 0) : undefined;
      sendJson(response, 201, { identity: { id }, ...(accessToken && { accessToken }) });
    }),
  );

  router.add(
    'DELETE',
    /^\/identities\/([^/]+)$/,
    signed(({ params, response }) => {
      liveIdentity(params[0]);
      emulator.commit({ t: 'identityDeleted', id: params[0] });
      // Its tokens fail every later check; a connection that is already open must not outlive them.
      emulator.endConnections(params[0]);
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'POST',
    /^\/identities\/([^/]+)\/:revokeAccessTokens$/,
    signed(({ params, response }) => {
      liveIdentity(params[0]);
      emulator.commit({ t: 'tokensRevoked', id: params[0] });
      emulator.endConnections(params[0]);
      sendEmpty(response, 204);
    }),
  );

  router.add(
    'POST',
    /^\/identities\/([^/]+)\/:issueAccessToken$/,
    signed(async ({ params, body, response }) => {
      const identity = liveIdentity(params[0]);
      const request = parseJson(body);
      const token = await emulator.tokens.issue(identity.id, readScopes(request.scopes), readMinutes(request.expiresInMinutes), identity.tokenVersion);
      sendJson(response, 200, token);
    }),
  );

  // Emulated without Entra ID: the Teams user's token is read, not verified (there is no tenant here).
  router.add(
    'POST',
    /^\/teamsUser\/:exchangeAccessToken$/,
    signed(async ({ body, response }) => {
      const request = parseJson(body);
      const { token, appId, userId } = request;
      // ACS authenticates the Teams token first (401), then checks the ids against it (400).
      const claims = teamsTokenClaims(token);
      if (typeof appId !== 'string' || typeof userId !== 'string' || !appId || !userId) {
        throw new HttpError(400, 'InvalidRequest', 'token, appId and userId are required.');
      }
      if (claims.oid !== userId || (claims.appid ?? claims.azp) !== appId) {
        throw new HttpError(400, 'InvalidRequest', "The token's oid and appid do not match userId and appId.");
      }
      sendJson(response, 200, await emulator.tokens.issue(`8:orgid:${userId}`, ['voip'], 60, 0));
    }),
  );
}

/** The claims of a Teams user's Entra token, read without its signature; an empty, malformed or expired one is a 401. */
function teamsTokenClaims(token: unknown): Record<string, unknown> {
  if (token === '') throw new HttpError(401, 'InvalidAccessToken', 'The Teams user token is empty.');
  if (typeof token !== 'string') throw new HttpError(400, 'InvalidRequest', 'token, appId and userId are required.');
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new HttpError(401, 'InvalidAccessToken', 'The Teams user token is not a JWT.');
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
    throw new HttpError(401, 'InvalidAccessToken', 'The Teams user token has expired.');
  }
  return claims;
}

function readScopes(value: unknown): string[] {
  // ACS's own words for a missing or empty list.
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    throw new HttpError(400, 'InvalidScopes', 'Invalid scopes - Scopes field is required.');
  }
  if (!Array.isArray(value) || !value.every((scope) => typeof scope === 'string' && SCOPES.has(scope))) {
    throw new HttpError(400, 'InvalidScopes', `Scopes must be a list of: ${[...SCOPES].join(', ')}.`);
  }
  return value as string[];
}

function readMinutes(value: unknown): number {
  if (value === undefined) return DEFAULT_MINUTES;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 60 || value > 1440) {
    throw new HttpError(400, 'InvalidExpiresInMinutes', 'expiresInMinutes must be a whole number from 60 to 1440.');
  }
  return value;
}
