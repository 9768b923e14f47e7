import { CommunicationIdentityClient } from '@azure/communication-identity';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { identityClient } from '../../server/acs-clients.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { startEmulator } from './support/emulator-server.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let identity: CommunicationIdentityClient;

before(async () => {
  running = await startEmulator();
  identity = identityClient(running.connection);
});
after(() => running.close());

/** A spec example; each test types the part of it it reads. */
const example = (name: string): unknown => JSON.parse(readFileSync(new URL(`fixtures/acs-spec-examples/${name}.json`, import.meta.url), 'utf8'));

/** A request signed as the SDK signs it, with a chosen date and key. */
function signedFetch(path: string, body: string, { date = new Date(), key = DEVELOPMENT_ACCESS_KEY } = {}) {
  const url = new URL(path, running.endpoint);
  const hash = createHash('sha256').update(body).digest('base64');
  const dateText = date.toUTCString();
  const toSign = `POST\n${url.pathname}${url.search}\n${dateText};${url.host};${hash}`;
  const signature = createHmac('sha256', Buffer.from(key, 'base64')).update(toSign).digest('base64');
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/json',
      'x-ms-date': dateText,
      'x-ms-content-sha256': hash,
      Authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
    },
  });
}

test('the real identity client creates users and tokens shaped like the spec examples', async () => {
  const { user, token, expiresOn } = await identity.createUserAndToken(['chat', 'voip'], { tokenExpiresInMinutes: 60 });
  const exampleId = (example('CreateIdentity') as { responses: { '201': { body: { identity: { id: string } } } } }).responses['201'].body.identity.id;
  assert.match(user.communicationUserId, /^8:acs:[0-9a-f-]+_[0-9a-f-]+$/);
  assert.equal(user.communicationUserId.split('_').length, exampleId.split('_').length);
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { skypeid: string; acsScope: string };
  assert.equal(`8:${claims.skypeid}`, user.communicationUserId);
  assert.equal(claims.acsScope, 'chat,voip');
  assert.ok(Math.abs(expiresOn.getTime() - (Date.now() + 60 * 60_000)) < 5000);

  const plain = await identity.createUser();
  assert.match(plain.communicationUserId, /^8:acs:/);
  const issued = await identity.getToken(plain, ['chat']);
  assert.ok(issued.token.split('.').length === 3);
});

test('revoking and deleting identities', async () => {
  const user = await identity.createUser();
  await identity.revokeTokens(user);
  await identity.deleteUser(user);
  await assert.rejects(identity.getToken(user, ['chat']), (error: { statusCode: number }) => error.statusCode === 404);
});

test('a wrong access key is refused with 401 and an ACS error body', async () => {
  const forged = new CommunicationIdentityClient(`endpoint=${running.endpoint};accesskey=${Buffer.from('wrong key').toString('base64')}`, {
    allowInsecureConnection: true,
  });
  await assert.rejects(forged.createUser(), (error: { statusCode: number; code: string }) => error.statusCode === 401 && error.code === 'Denied');
});

test('missing signature headers and a date 20 minutes off are refused', async () => {
  const unsigned = await fetch(new URL('/identities?api-version=2023-10-01', running.endpoint), { method: 'POST', body: '{}' });
  assert.equal(unsigned.status, 401);
  assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'Denied');

  const stale = await signedFetch('/identities?api-version=2023-10-01', '{}', { date: new Date(Date.now() - 20 * 60_000) });
  assert.equal(stale.status, 401);
  const fresh = await signedFetch('/identities?api-version=2023-10-01', '{}');
  assert.equal(fresh.status, 201);
});

test('token lifetimes outside 60–1440 minutes and unknown scopes are 400', async () => {
  const user = await identity.createUser();
  await assert.rejects(identity.getToken(user, ['chat'], { tokenExpiresInMinutes: 30 }), (error: { statusCode: number }) => error.statusCode === 400);
  const badScope = await signedFetch(
    `/identities/${encodeURIComponent(user.communicationUserId)}/:issueAccessToken?api-version=2023-10-01`,
    JSON.stringify({ scopes: ['root'] }),
  );
  assert.equal(badScope.status, 400);
});

test('a Teams user token is exchanged for an ACS token', async () => {
  const { userId, appId } = (example('ExchangeTeamsUserAccessToken') as { parameters: { body: { userId: string; appId: string } } }).parameters.body;
  const aadToken = ['{"alg":"none"}', JSON.stringify({ oid: userId, appid: appId })].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.';
  const { token } = await identity.getTokenForTeamsUser({ teamsUserAadToken: aadToken, clientId: appId, userObjectId: userId });
  assert.equal((JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { skypeid: string }).skypeid, `orgid:${userId}`);
});
