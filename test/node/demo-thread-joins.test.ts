import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import type { SessionBody } from '../../server/token-service.js';
import { chatFor } from './support/session-chat.js';

const dataDir = mkdtempSync(join(tmpdir(), 'acs-demo-joins-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const startDemo = () => startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, dataDir, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });

async function signIn(appUrl: string, displayName: string, cookie?: string): Promise<{ session: SessionBody; cookie: string }> {
  const response = await fetch(new URL('/api/session', appUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie && { Cookie: cookie }) },
    body: JSON.stringify({ displayName }),
  });
  assert.equal(response.status, 200);
  return { session: (await response.json()) as SessionBody, cookie: response.headers.get('set-cookie')!.split(';')[0] };
}

/** The "joined the chat" system messages that name this user, oldest first. */
async function joinLines(session: SessionBody): Promise<string[]> {
  const names: string[] = [];
  for await (const message of chatFor(session).getChatThreadClient(session.threadId!).listMessages()) {
    if (message.type !== 'participantAdded') continue;
    for (const participant of message.content?.participants ?? []) {
      if ('communicationUserId' in participant.id && participant.id.communicationUserId === session.userId) names.unshift(participant.displayName ?? '');
    }
  }
  return names;
}

test('a returning browser adds one join line, across sessions, server restarts and a new display name', async () => {
  const first = await startDemo();
  let browser: { session: SessionBody; cookie: string };
  try {
    browser = await signIn(first.url, 'Ana');
    await signIn(first.url, 'Ana', browser.cookie);
    assert.deepEqual(await joinLines(browser.session), ['Ana']);
  } finally {
    await first.close();
  }

  const restarted = await startDemo();
  try {
    const again = await signIn(restarted.url, 'Ana', browser.cookie);
    assert.equal(again.session.userId, browser.session.userId);
    assert.equal(again.session.threadId, browser.session.threadId);
    assert.deepEqual(await joinLines(again.session), ['Ana']);

    const renamed = await signIn(restarted.url, 'Ana B.', browser.cookie);
    await signIn(restarted.url, 'Ana B.', browser.cookie);
    assert.deepEqual(await joinLines(renamed.session), ['Ana']);
    assert.equal(renamed.session.displayName, 'Ana B.');
  } finally {
    await restarted.close();
  }
});
