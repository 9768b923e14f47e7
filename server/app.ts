import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { acsConnection, identityClient, type AcsConnection } from './acs-clients.js';
import { createBot } from './bot.js';
import { trustProxy } from './client-address.js';
import { openDemoThread } from './demo-thread.js';
import { Emulator } from './emulator/emulator.js';
import { answerPreflight, letCallerRead } from './cors.js';
import { HttpError, sendError } from './http.js';
import type { Rate } from './rate-limit.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { cdnPolicy, pagePolicy, serveOneFile, serveStatic } from './static-files.js';
import { createTokenService } from './token-service.js';

export interface AppOptions {
  port: number;
  host?: string;
  /** An Azure connection string; absent, the embedded emulator stands in for ACS. */
  connectionString?: string | undefined;
  emulatorKey: string;
  /** Folder for persisted state; absent keeps everything in memory (`--in-memory`, tests). */
  dataDir?: string | undefined;
  allowedOrigins?: readonly string[];
  /** `TRUST_PROXY`: the reverse proxies (addresses, CIDRs, `loopback`…) whose `X-Forwarded-*` headers count; unset trusts none. */
  trustProxy?: string | undefined;
  /** New sessions per client address (default 30 per minute). */
  rateLimit?: Rate | undefined;
  /** Tokens per existing session (default 30 per minute). */
  refreshRateLimit?: Rate | undefined;
  /** Emulator only: issue tokens this many seconds long. */
  tokenLifetimeSeconds?: number | undefined;
  /** Emulator only: test-only fault injection at `/emulator/faults`. */
  emulatorFaults?: boolean | undefined;
  /** Key that Event Grid webhook calls must carry (`?key=`); generated in emulator mode. */
  webhookKey?: string | undefined;
  /** Folder with `demo/` and `dist/`. */
  projectRoot: string;
}

export interface RunningApp {
  url: string;
  mode: 'azure' | 'emulator';
  /** The emulator's connection string (emulator mode only). */
  emulatorConnectionString?: string;
  threadId: string;
  /** The embedded emulator (emulator mode), for tests and tools that seed or inspect its data. */
  emulator?: Emulator;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void;

/**
 * One HTTP server for the demo: the pages and built elements, `POST /api/session`, the bot's
 * `POST /api/events` and, without a connection string, the ACS emulator on the same origin.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  // The element reference page (demo/api.html) reads the manifest that ships in the npm package.
  const trust = trustProxy(options.trustProxy);
  const routes = new Map<string, Handler>([['/custom-elements.json', serveOneFile(join(options.projectRoot, 'custom-elements.json'))]]);
  let emulator: Emulator | undefined;
  const files = serveStatic([
    { prefix: '/dist/cdn/', folder: join(options.projectRoot, 'dist', 'cdn'), policy: cdnPolicy },
    { prefix: '/dist/', folder: join(options.projectRoot, 'dist') },
    { prefix: '/', folder: join(options.projectRoot, 'demo'), policy: pagePolicy(contentSecurityPolicy(options.connectionString ? 'azure' : 'emulator')) },
  ]);
  let ready: Promise<void> = Promise.resolve();

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    let url: URL;
    try {
      // Leading slashes collapsed: `//chat/…` (an endpoint given with a trailing slash) is a path, not a host.
      url = new URL((request.url ?? '/').replace(/^\/{2,}/, '/'), `http://${request.headers.host ?? 'localhost'}`);
    } catch {
      // A malformed Host header must not take the server down (an unhandled rejection ends Node).
      sendError(response, new HttpError(400, 'InvalidRequest', 'The request URL or its Host header is malformed.'));
      return;
    }
    try {
      // The emulator answers at once: setting up the API routes itself talks to it.
      if (emulator && (await emulator.handle(request, response, url))) return;
      await ready;
      const route = routes.get(url.pathname);
      if (route) {
        await route(request, response, url);
        return;
      }
      if (files(request, response, url)) return;
      // A mistyped token-url on another site must read "not found" there, not fail as CORS does.
      if (letCallerRead(request, response, trust) && request.method === 'OPTIONS') {
        answerPreflight(request, response);
        return;
      }
      throw new HttpError(404, 'NotFound', `${url.pathname} was not found.`);
    } catch (error) {
      sendError(response, error);
    }
  };
  // node:http does nothing with a listener's promise; answer() sends its own errors.
  const server = createServer((request, response) => void answer(request, response));
  // The emulator's chat real-time protocol runs over WebSockets on this same origin.
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!emulator?.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;

  let connection: AcsConnection;
  const webhookKey = options.webhookKey ?? (options.connectionString ? undefined : randomBytes(16).toString('hex'));
  if (options.connectionString) {
    connection = acsConnection(options.connectionString);
  } else {
    emulator = new Emulator({
      accessKey: options.emulatorKey,
      dataDir: options.dataDir && join(options.dataDir, 'emulator'),
      webhooks: [`${origin}/api/events?key=${webhookKey}`],
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
      faults: options.emulatorFaults,
    });
    connection = acsConnection(emulator.connectionString(`${origin}/`));
  }

  let resolveReady!: () => void;
  ready = new Promise((resolve) => (resolveReady = resolve));
  try {
    const identity = identityClient(connection);
    const demo = await openDemoThread(connection, identity, options.dataDir && join(options.dataDir, 'demo-thread.json'));
    const secretSource = options.connectionString ?? options.emulatorKey;
    routes.set(
      '/api/session',
      createTokenService({
        identity,
        endpoint: connection.endpoint,
        emulator: connection.emulator,
        cookieSecret: createHash('sha256').update(`acs-elements-session:${secretSource}`).digest('hex'),
        allowedOrigins: options.allowedOrigins ?? [],
        joinDemoThread: demo.join,
        trustProxy: trust,
        rateLimit: options.rateLimit,
        refreshRateLimit: options.refreshRateLimit,
      }),
    );
    routes.set('/api/events', createBot({ bot: demo.bot, chat: demo.botChat, threadIds: [demo.threadId], webhookKey }));
    emulator?.start();
    resolveReady();
    return {
      url: `${origin}/`,
      mode: emulator ? 'emulator' : 'azure',
      ...(emulator && { emulatorConnectionString: connection.connectionString, emulator }),
      threadId: demo.threadId,
      async close() {
        emulator?.close();
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        await closed;
      },
    };
  } catch (error) {
    emulator?.close();
    server.close();
    throw error;
  }
}
