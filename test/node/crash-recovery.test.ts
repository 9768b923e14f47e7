import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SessionBody } from '../../server/token-service.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start`'s server as a child process, resolved once it prints its URL. */
async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ACS_EMULATOR_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('acs-elements demo:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready: ${output}`)));
  });
  return child;
}

test('every message acknowledged with 201 survives a SIGKILL in the middle of a burst', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'acs-crash-'));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  let server = await startServer(port, dataDir);
  try {
    const session = (await (await fetch(`${origin}/api/session`, { method: 'POST', body: '{}' })).json()) as SessionBody;
    const messages = `${origin}/chat/threads/${encodeURIComponent(session.threadId!)}/messages?api-version=2025-03-15`;
    const headers = { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' };

    const acknowledged: string[] = [];
    // Widened: send() sets it, which the loop's narrowing cannot see.
    let killed = false as boolean;
    const send = async (index: number) => {
      try {
        const response = await fetch(messages, { method: 'POST', headers, body: JSON.stringify({ content: `burst ${index}` }) });
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
      } catch {
        // Requests in flight when the server dies fail: they were never acknowledged.
      }
      if (acknowledged.length >= 25 && !killed) {
        killed = true;
        server.kill('SIGKILL');
      }
    };
    for (let wave = 0; wave < 20 && !killed; wave += 1) await Promise.all(Array.from({ length: 8 }, (_, index) => send(wave * 8 + index)));
    assert.ok(killed, 'the server was never killed');
    if (server.exitCode === null && server.signalCode === null) await new Promise((resolve) => server.once('exit', resolve));

    server = await startServer(port, dataDir);
    const stored = new Set<string>();
    for (let next: string | undefined = `${messages}&maxPageSize=200`; next;) {
      const page = (await (await fetch(next, { headers })).json()) as { value: { id: string }[]; nextLink?: string };
      page.value.forEach((message) => stored.add(message.id));
      next = page.nextLink && new URL(page.nextLink, origin).href;
    }
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged messages were lost`);
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
