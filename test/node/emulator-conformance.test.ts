import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { identityClient } from '../../server/acs-clients.js';
import { chatUsers } from './support/chat-users.js';
import { startEmulator } from './support/emulator-server.js';

// Answers the ACS SDK team's public live tests expect of ACS, where the emulator used to differ.

let running: Awaited<ReturnType<typeof startEmulator>>;
let identity: CommunicationIdentityClient;

before(async () => {
  running = await startEmulator();
  identity = identityClient(running.connection);
});
after(() => running.close());

const status = (code: number) => (error: { statusCode?: number }) => error.statusCode === code;

test('a merge-patch null for retentionPolicy or metadata clears it (retention becomes "none") instead of 400', async () => {
  const newUser = chatUsers(running.connection);
  const ana = await newUser();
  const { chatThread } = await ana.chat.createChatThread(
    { topic: 'Kept' },
    { metadata: { room: '7' }, retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 } },
  );
  const thread = ana.chat.getChatThreadClient(chatThread!.id);
  const response = await fetch(new URL(`/chat/threads/${encodeURIComponent(chatThread!.id)}?api-version=2025-03-15`, running.endpoint), {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${await ana.token()}`, 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify({ retentionPolicy: null, metadata: null }),
  });
  assert.equal(response.status, 204);
  const properties = await thread.getProperties();
  assert.deepEqual(properties.retentionPolicy, { kind: 'none' });
  assert.deepEqual(properties.metadata ?? {}, {});
  assert.equal(properties.topic, 'Kept');
});

test('identity operations on an id of another resource answer 401, as ACS does, not 404', async () => {
  const foreign = { communicationUserId: '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000000' };
  await assert.rejects(identity.getToken(foreign, ['chat']), status(401));
  await assert.rejects(identity.revokeTokens(foreign), status(401));
  await assert.rejects(identity.deleteUser(foreign), status(401));
  // An id of this resource that does not exist is still 404.
  const gone = await identity.createUser();
  await identity.deleteUser(gone);
  await assert.rejects(identity.getToken(gone, ['chat']), status(404));
});

test('an empty scopes list answers 400 "Invalid scopes - Scopes field is required."', async () => {
  const user = await identity.createUser();
  await assert.rejects(
    identity.getToken(user, []),
    (error: { statusCode?: number; message: string }) => error.statusCode === 400 && error.message === 'Invalid scopes - Scopes field is required.',
  );
});

test('the Teams token exchange answers 401 for an empty token', async () => {
  await assert.rejects(
    identity.getTokenForTeamsUser({
      teamsUserAadToken: '',
      clientId: '00000000-0000-0000-0000-000000000001',
      userObjectId: '00000000-0000-0000-0000-000000000002',
    }),
    status(401),
  );
});
