import { expect, waitUntil } from '@open-wc/testing';
import { AcsError } from '../../src/core/errors.js';
import { openSession, readToken, type AcsSession, type TokenProvider } from '../../src/core/session.js';
import { createTestToken } from '../../src/testing/index.js';
import { requestsFor, sessionUrl, uniqueKey } from './support/token-urls.js';

const openSessions: AcsSession[] = [];

async function open(...args: Parameters<typeof openSession>): Promise<AcsSession> {
  const session = await openSession(...args);
  openSessions.push(session);
  return session;
}

async function failureOf(promise: Promise<unknown>): Promise<AcsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'expected a failure').to.be.instanceOf(AcsError);
  return error as AcsError;
}

afterEach(() => openSessions.splice(0).forEach((session) => session.dispose()));

describe('openSession', () => {
  const signal = () => new AbortController().signal;

  it('resolves a token-url session with a working credential', async () => {
    const key = uniqueKey('happy');
    const session = await open({ tokenUrl: sessionUrl(key), displayName: 'Ana' }, { signal: signal() });

    expect(session.userId).to.equal(`8:acs:test_${key}`);
    expect(session.endpoint).to.equal('https://test.communication.azure.com/');
    expect(session.displayName).to.equal('Ana');
    expect(session.emulator).to.equal(false);
    const { token } = await session.credential.getToken();
    expect(readToken(token).userId).to.equal(session.userId);
    const { bodies } = await requestsFor(key);
    expect(JSON.parse(bodies[0])).to.deep.equal({ displayName: 'Ana' });
  });

  it('reads the user id from the skypeid claim when a provider returns only a token', async () => {
    const session = await open({ tokenProvider: () => createTestToken({ userId: '8:acs:resource_abc' }) }, { signal: signal() });
    expect(session.userId).to.equal('8:acs:resource_abc');
  });

  it('passes the provider an abort signal and accepts a whole session object', async () => {
    let received: AbortSignal | undefined;
    const provider: TokenProvider = ({ abortSignal }) => {
      received = abortSignal;
      return Promise.resolve({
        token: createTestToken(),
        userId: '8:acs:explicit',
        endpoint: 'https://x.communication.azure.com/',
        threadId: '19:t@thread.v2',
        emulator: true,
      });
    };
    const session = await open({ tokenProvider: provider }, { signal: signal() });
    expect(received).to.be.instanceOf(AbortSignal);
    expect(session).to.include({ userId: '8:acs:explicit', threadId: '19:t@thread.v2', emulator: true });
  });

  it('fails with token-provider-failed when the provider throws', async () => {
    const error = await failureOf(openSession({ tokenProvider: () => Promise.reject(new Error('backend down')) }, { signal: signal() }));
    expect(error.code).to.equal('token-provider-failed');
  });

  it('fails with invalid-token when the provider returns a non-JWT', async () => {
    const error = await failureOf(openSession({ tokenProvider: () => 'not-a-jwt' }, { signal: signal() }));
    expect(error.code).to.equal('invalid-token');
  });

  it('fails with token-expired when the provider returns an expired token', async () => {
    const error = await failureOf(openSession({ tokenProvider: () => createTestToken({ expiresInSeconds: -60 }) }, { signal: signal() }));
    expect(error.code).to.equal('token-expired');
  });

  it("tells the token-url failures apart by status, with the URL (no query string) and the service's reason", async () => {
    const cases: [number, string][] = [
      [404, 'token-url-not-found'],
      [401, 'token-url-refused'],
      [403, 'token-url-refused'],
      [500, 'token-url-server-error'],
      [503, 'token-url-server-error'],
      [429, 'token-url-failed'],
    ];
    for (const [status, code] of cases) {
      const error = await failureOf(openSession({ tokenUrl: sessionUrl(uniqueKey(String(status)), { status }) }, { signal: signal() }));
      expect(error.code, String(status)).to.equal(code);
      expect(error.context).to.deep.equal({ status, url: new URL('/test-api/session', location.href).href, reason: 'scripted failure' });
    }
  });

  it('fails with token-url-invalid-response on an answer that is not session JSON', async () => {
    for (const body of ['not-json', 'no-token']) {
      const error = await failureOf(openSession({ tokenUrl: sessionUrl(uniqueKey(body), { body }) }, { signal: signal() }));
      expect(error.code, body).to.equal('token-url-invalid-response');
      expect(error.context.url).to.equal(new URL('/test-api/session', location.href).href);
    }
  });

  it('tells a token service that is down from one that answers but not to this origin (CORS)', async () => {
    const down = await failureOf(openSession({ tokenUrl: 'http://localhost:9/api/session?secret=1' }, { signal: signal() }));
    expect(down.code).to.equal('token-url-unreachable');
    expect(down.context).to.deep.equal({ url: 'http://localhost:9/api/session', crossOriginFrom: location.origin });

    // The same test server under another host name is another origin, and it sends no CORS headers.
    const otherOrigin = new URL(sessionUrl(uniqueKey('no-cors')), location.href);
    otherOrigin.hostname = '127.0.0.1';
    const blocked = await failureOf(openSession({ tokenUrl: otherOrigin.href }, { signal: signal() }));
    expect(blocked.code).to.equal('token-url-blocked');
  });

  it('fails with missing-token-source when nothing to sign in with is given', async () => {
    expect((await failureOf(openSession({}, { signal: signal() }))).code).to.equal('missing-token-source');
  });

  it('waits for a token-provider function the page defines later', async () => {
    const name = `lateProvider${Date.now()}`;
    setTimeout(() => Object.assign(window, { [name]: { get: () => createTestToken({ userId: '8:acs:late' }) } }), 200);
    const session = await open({ tokenProviderName: `${name}.get` }, { signal: signal() });
    expect(session.userId).to.equal('8:acs:late');
  });

  it('gives up on a token-provider that never appears with token-provider-not-found', async () => {
    const error = await failureOf(openSession({ tokenProviderName: 'nowhere.toBeFound' }, { signal: signal(), providerWaitMs: 200 }));
    expect(error.code).to.equal('token-provider-not-found');
    expect(error.message).to.contain('window.nowhere.toBeFound');
  });

  it('refreshes proactively before the token expires', async function () {
    this.timeout(15000);
    const key = uniqueKey('proactive');
    // A 4-second token is inside the 10-minute "expiring soon" window: refreshed at half its life.
    const session = await open({ tokenUrl: sessionUrl(key, { ttl: 4 }) }, { signal: signal() });
    const first = (await session.credential.getToken()).token;

    await waitUntil(async () => (await requestsFor(key)).count >= 2, 'no proactive refresh', { timeout: 5000, interval: 100 });

    const { token } = await session.credential.getToken();
    expect(token).to.not.equal(first);
    expect(readToken(token).expiresOnTimestamp).to.be.greaterThan(readToken(first).expiresOnTimestamp);
  });

  it('collapses concurrent requests to the same token-url into one', async () => {
    const key = uniqueKey('shared');
    const url = sessionUrl(key, { delay: 150 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => open({ tokenUrl: url }, { signal: signal() })));
    expect((await requestsFor(key)).count).to.equal(1);
    expect(new Set([a.userId, b.userId, c.userId]).size).to.equal(1);
  });

  it('keeps a shared request alive while one caller is still waiting', async () => {
    const key = uniqueKey('one-aborts');
    const url = sessionUrl(key, { delay: 150 });
    const leaving = new AbortController();
    const left = openSession({ tokenUrl: url }, { signal: leaving.signal });
    const staying = open({ tokenUrl: url }, { signal: signal() });
    leaving.abort();

    expect(await left.catch((error: unknown) => (error as DOMException).name)).to.equal('AbortError');
    expect((await staying).userId).to.equal(`8:acs:test_${key}`);
  });

  it('aborts its request when the signal aborts', async () => {
    const realFetch = fetch;
    let fetchSignal: AbortSignal | undefined;
    window.fetch = (input, init) => {
      fetchSignal = init?.signal ?? undefined;
      return realFetch(input, init);
    };
    try {
      const controller = new AbortController();
      const opening = openSession({ tokenUrl: sessionUrl(uniqueKey('abort'), { delay: 1000 }) }, { signal: controller.signal });
      await waitUntil(() => fetchSignal);
      controller.abort();
      expect(await opening.catch((error: unknown) => (error as DOMException).name)).to.equal('AbortError');
      expect(fetchSignal!.aborted).to.equal(true);
    } finally {
      window.fetch = realFetch;
    }
  });
});
