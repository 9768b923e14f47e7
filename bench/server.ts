/**
 * `npm run bench:server`: VISITORS concurrent visitors for BENCH_SECONDS against `npm start`'s server
 * (in memory, emulator mode) started as a second process on loopback. Each visitor keeps its own
 * cookie jar and, as a browser behind a reverse proxy would, its own forwarded address: it gets a
 * session, holds the live-event stream open, and sends and lists messages in the demo thread, with
 * THINK_MS (±50%) between actions. Reports requests, 5xx, p50/p99 latency and the server's RSS.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const VISITORS = Number(process.env.VISITORS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const THINK_MS = Number(process.env.THINK_MS ?? 1000);
const CHAT_API = 'api-version=2025-03-15';

interface Session {
  token: string;
  threadId: string;
  displayName: string;
}

const port = await freePort();
const origin = `http://localhost:${port}`;
// BENCH_NODE_ARGS: extra Node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts', '--in-memory'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  // The load generator stands in for a reverse proxy on loopback: each visitor is its own client address.
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: 'loopback', ACS_CONNECTION_STRING: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  server.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('Mode:')) resolve();
  });
});

const latencies = new Map<string, number[]>();
const statuses = new Map<string, number>();
let events = 0;
const stop = Date.now() + SECONDS * 1000;
const serverPid = server.pid ?? 0;
const rssBefore = rssOf(serverPid);

async function timed(label: string, url: string, init: RequestInit): Promise<Response | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(new URL(url, origin), init);
    await response.arrayBuffer().catch(() => undefined);
    record(label, performance.now() - started);
    count(`${label} ${response.status}`);
    return response;
  } catch {
    count(`${label} network error`);
    return undefined;
  }
}

const record = (label: string, ms: number) =>
  latencies
    .set(label, latencies.get(label) ?? [])
    .get(label)
    ?.push(ms);
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
const think = () => new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));

async function visitor(index: number): Promise<void> {
  const forwardedFor = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const jar: { cookie?: string } = {};
  const sessionInit = () => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor, ...(jar.cookie && { Cookie: jar.cookie }) },
    body: JSON.stringify({ displayName: `Visitor ${index}` }),
  });
  const started = performance.now();
  const first = await fetch(new URL('/api/session', origin), sessionInit()).catch(() => undefined);
  record('first session', performance.now() - started);
  count(`session ${first?.status ?? 'network error'}`);
  if (!first?.ok) return;
  jar.cookie = first.headers.get('set-cookie')?.split(';')[0];
  const session = (await first.json()) as Session;
  const auth = { Authorization: `Bearer ${session.token}` };
  const stream = holdEventStream(auth);
  const messages = `/chat/threads/${encodeURIComponent(session.threadId)}/messages?${CHAT_API}`;
  for (let turn = 0; Date.now() < stop; turn += 1) {
    await think();
    await timed('send', messages, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: `message ${turn} from visitor ${index}`, senderDisplayName: session.displayName }),
    });
    await think();
    await timed('list', `${messages}&maxPageSize=20`, { headers: auth });
    // A returning page: the same cookie, a fresh token for the same identity.
    if (turn % 10 === 9) await timed('session', '/api/session', sessionInit());
  }
  stream.abort();
}

function holdEventStream(auth: Record<string, string>): AbortController {
  const controller = new AbortController();
  void (async () => {
    try {
      const response = await fetch(new URL('/emulator/realtime', origin), { headers: { ...auth, Accept: 'text/event-stream' }, signal: controller.signal });
      count(`stream ${response.status}`);
      if (!response.body) return;
      for await (const chunk of response.body)
        events +=
          Buffer.from(chunk as Uint8Array)
            .toString()
            .split('\nevent: ').length - 1;
    } catch {
      // aborted at the end of the run
    }
  })();
  return controller;
}

console.log(`${VISITORS} visitors for ${SECONDS} s (think ${THINK_MS} ms) against ${origin}, server pid ${server.pid}`);
await Promise.all(Array.from({ length: VISITORS }, (_, index) => visitor(index)));
const rssAfter = rssOf(serverPid);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));

const fiveHundreds = [...statuses].filter(([key]) => / 5\d\d$/.test(key)).reduce((sum, [, n]) => sum + n, 0);
const all = [...latencies.values()].flat();
console.log(`requests ${all.length}, 5xx ${fiveHundreds}, stream events received ${events}`);
console.log(`latency ms         count      p50      p99      max`);
for (const [label, values] of [['all', all], ...[...latencies].sort()] as const) console.log(`${label.padEnd(16)} ${summary(values)}`);
console.log(`server RSS ${rssBefore} MB before, ${rssAfter} MB after`);
console.log([...statuses].map(([key, n]) => `${key}: ${n}`).join(', '));
if (fiveHundreds > 0) process.exitCode = 1;

function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN).toFixed(1).padStart(8);
  return `${String(sorted.length).padStart(7)} ${at(50)} ${at(99)} ${at(100)}`;
}

/** The child's resident set size in MB, from /proc (Linux). */
function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}
