import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import type { AcsElement } from '../../src/core/acs-element.js';
import { AcsError } from '../../src/core/errors.js';
import type { TokenProvider } from '../../src/core/session.js';
import { AcsCall } from '../../src/call/acs-call.js';
import { AcsDialpad } from '../../src/dialpad/acs-dialpad.js';
import { createTestToken, FakeCallEngine } from '../../src/testing/index.js';
import { emulatorSession } from './support/emulator.js';
import { sessionUrl, uniqueKey } from './support/token-urls.js';
import { acsEvent, forever } from './support/events.js';
import { en } from './support/strings.js';

/** What signs an element in for real: the chat needs a thread on the emulator; calls only need a token. */
async function workingSession(tag: string, userId = '8:acs:resource_ready'): Promise<{ value: string | object; userId: string }> {
  if (tag !== 'acs-chat') return { value: createTestToken({ userId }), userId };
  const session = await emulatorSession('Tester');
  return { value: session, userId: session.userId };
}

const TAGS = ['acs-chat', 'acs-call', 'acs-dialpad'] as const;

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** A call needs something to call; its calls go through the fake engine, as the real SDK needs Azure. */
const CALL_SETUP = 'group-id="7f1c3d2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f"';

async function create(tag: string, provider?: TokenProvider, attributes = ''): Promise<AcsElement> {
  const setup = tag === 'acs-call' ? CALL_SETUP : '';
  return fixture<AcsElement>(
    staticHtml`<${unsafeStatic(tag)} .tokenProvider=${provider} .callEngine=${new FakeCallEngine({ latencyMs: 5 })} ${unsafeStatic(setup)} ${unsafeStatic(attributes)}></${unsafeStatic(tag)}>`,
  );
}

function fakeCall(el: Element): AcsCall {
  if (!(el instanceof AcsCall)) throw new Error(`not an <acs-call>: <${el.localName}>`);
  el.callEngine = new FakeCallEngine({ latencyMs: 5 });
  el.setAttribute('group-id', '7f1c3d2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f');
  return el;
}

function dialpad(el: Element): AcsDialpad {
  if (!(el instanceof AcsDialpad)) throw new Error(`not an <acs-dialpad>: <${el.localName}>`);
  return el;
}

/** What an element shows while it signs in: the chat and the call say so; the dial pad just works (its SDK comes on first intent). */
const busyText = (tag: string) => (tag === 'acs-chat' ? en.connecting : tag === 'acs-call' ? en.call.gettingReady : undefined);

for (const tag of TAGS) {
  describe(`<${tag}>`, function () {
    // The call and dial pad load the 7 MB calling SDK through the dev server on first use.
    this.timeout(30000);

    it('paints a connecting state before the session and SDK arrive, then becomes ready', async () => {
      const token = deferred<string | object>();
      const el = await create(tag, () => token.promise as never);

      const busy = busyText(tag);
      if (busy) expect(shadow(el).textContent).to.contain(busy);
      await expect(el).to.be.accessible();

      const ready = acsEvent(el, 'acs-ready');
      const working = await workingSession(tag);
      token.resolve(working.value);
      expect((await ready).detail).to.deep.equal({ userId: working.userId });
      await el.updateComplete;
      if (busy) expect(shadow(el).textContent).to.not.contain(busy);
      await expect(el).to.be.accessible();
    });

    it('shows a localized error with a retry, and emits acs-error, when the provider throws', async () => {
      let attempt = 0;
      const working = await workingSession(tag);
      const provider: TokenProvider = () => {
        attempt += 1;
        if (attempt === 1) return Promise.reject(new Error('backend down'));
        return Promise.resolve(working.value as never);
      };
      const el = document.createElement(tag) as AcsElement;
      if (tag === 'acs-call') fakeCall(el);
      // The dial pad signs in with its call agent: the fake one, as the real SDK needs Azure.
      if (tag === 'acs-dialpad') dialpad(el).callEngine = new FakeCallEngine({ latencyMs: 5 });
      const failed = acsEvent(el, 'acs-error');
      el.tokenProvider = provider;
      await fixture(html`<div>${el}</div>`);

      // The cause's own words reach the page's developer; the sentence shown stays the localized one.
      expect((await failed).detail).to.deep.equal({ code: 'token-provider-failed', message: en.errors['token-provider-failed'], cause: 'backend down' });
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(en.errors['token-provider-failed']);
      await expect(el).to.be.accessible();

      const ready = acsEvent(el, 'acs-ready');
      alert.querySelector('button')!.click();
      await ready;
      expect(attempt).to.equal(2);
    });

    it('names a CSS part on every button, so a page can style each one', async () => {
      const working = await workingSession(tag);
      const el = await create(tag, () => working.value as never);
      await el.whenReady();
      await el.updateComplete;
      const buttons = [...shadow(el).querySelectorAll('button')];
      expect(buttons.length).to.be.greaterThan(0);
      expect(buttons.filter((button) => !button.getAttribute('part')).map((button) => button.outerHTML)).to.deep.equal([]);
    });

    it('is accessible in the dark theme', async () => {
      const el = await create(tag, () => forever(), 'theme="dark"');
      await expect(el).to.be.accessible();
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(31, 31, 35)');
    });
  });
}

describe('every element', () => {
  it('explains a missing token source, without a pointless retry', async () => {
    const el = document.createElement('acs-chat');
    const failed = acsEvent(el, 'acs-error');
    await fixture(html`<div>${el}</div>`);
    expect((await failed).detail.code).to.equal('missing-token-source');
    await el.updateComplete;
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain(en.errors['missing-token-source']);
    expect(alert.querySelector('button')).to.equal(null);
  });

  it('whenReady() settles after the fact, with readyState telling where signing in stands', async () => {
    const el = document.createElement('acs-chat');
    expect(el.readyState).to.equal('idle');
    el.tokenProvider = () => Promise.reject(new Error('no token for eyJhbGciOiJub25lIn0.eyJza3lwZWlkIjoieCJ9.sig today'));
    const waiting = el.whenReady();
    await fixture(html`<div>${el}</div>`);
    const error = await waiting.then(
      () => undefined,
      (reason: unknown) => reason as AcsError,
    );
    expect(error?.code).to.equal('token-provider-failed');
    expect(el.readyState).to.equal('failed');
    // Asked again after the failure, it does not hang.
    expect(await el.whenReady().catch((reason: unknown) => (reason instanceof AcsError ? reason.code : reason))).to.equal('token-provider-failed');

    const working = await workingSession('acs-chat');
    const late = document.createElement('acs-dialpad');
    late.callEngine = new FakeCallEngine({ latencyMs: 5 });
    late.tokenProvider = () => working.value as never;
    await fixture(html`<div>${late}</div>`);
    await waitUntil(() => late.readyState === 'ready', 'the dial pad did not get ready');
    // Nobody listened for acs-ready: whenReady() still answers.
    expect(await late.whenReady()).to.deep.equal({ userId: working.userId });
  });

  it("acs-error carries the cause's own message, never a token in it", async () => {
    const el = document.createElement('acs-chat');
    el.tokenProvider = () => Promise.reject(new Error('refused eyJhbGciOiJub25lIn0.eyJza3lwZWlkIjoieCJ9.sig'));
    const failed = acsEvent(el, 'acs-error');
    await fixture(html`<div>${el}</div>`);
    expect((await failed).detail.cause).to.equal('refused [token]');
  });

  it('says a token-url was not found, with its URL and status, and offers no retry that cannot help', async () => {
    const el = document.createElement('acs-chat');
    el.setAttribute('token-url', sessionUrl(uniqueKey('missing'), { status: 404 }));
    const failed = acsEvent(el, 'acs-error');
    await fixture(html`<div>${el}</div>`);
    const url = new URL('/test-api/session', location.href).href;
    const { detail } = await failed;
    expect(detail).to.include({ code: 'token-url-not-found', status: 404, url });
    expect(detail.message).to.contain('not found').and.to.contain(url).and.not.contain('key=');
    await el.updateComplete;
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain(detail.message);
    expect(alert.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the token service's own reason for a refusal, and a retry for a server error", async () => {
    const refused = document.createElement('acs-chat');
    refused.setAttribute('token-url', sessionUrl(uniqueKey('refused'), { status: 403 }));
    const refusal = acsEvent(refused, 'acs-error');
    const broken = document.createElement('acs-chat');
    broken.setAttribute('token-url', sessionUrl(uniqueKey('broken'), { status: 502 }));
    const breakage = acsEvent(broken, 'acs-error');
    await fixture(html`<div>${refused}${broken}</div>`);

    expect((await refusal).detail).to.include({ code: 'token-url-refused', status: 403 });
    expect((await refusal).detail.message).to.contain('“scripted failure”');
    expect((await breakage).detail).to.include({ code: 'token-url-server-error', status: 502 });
    await Promise.all([refused.updateComplete, broken.updateComplete]);
    expect(shadow(refused).querySelector('[role="alert"] button')).to.equal(null);
    expect(shadow(broken).querySelector('[role="alert"] button')!.textContent).to.equal(en.retry);
    expect(shadow(broken).querySelector('[role="alert"]')!.textContent).to.not.equal(shadow(refused).querySelector('[role="alert"]')!.textContent);
  });

  it('signs in through a token-url, asking for its display-name', async () => {
    const key = uniqueKey('element-url');
    const el = document.createElement('acs-dialpad');
    const engine = new FakeCallEngine({ latencyMs: 5 });
    el.callEngine = engine;
    el.setAttribute('token-url', sessionUrl(key));
    el.setAttribute('display-name', 'Ana');
    const ready = acsEvent(el, 'acs-ready');
    await fixture(html`<div>${el}</div>`);
    expect((await ready).detail.userId).to.equal(`8:acs:test_${key}`);
    // The dial pad calls as Ana: the name goes to the call agent (made at the first intent), which the callee's side shows.
    expect(engine.agents, 'the calling SDK was loaded before anyone meant to call').to.have.length(0);
    el.dispatchEvent(new Event('focusin'));
    await waitUntil(() => engine.agents.length === 1, 'no agent after an intent');
    expect(engine.agents.map((agent) => agent.displayName)).to.deep.equal(['Ana']);
  });

  it('signs in through a token-provider attribute naming a page function', async () => {
    Object.assign(window, { acsTestAuth: { getToken: () => createTestToken({ userId: '8:acs:resource_named' }) } });
    const el = fakeCall(document.createElement('acs-call'));
    el.setAttribute('token-provider', 'acsTestAuth.getToken');
    const ready = acsEvent(el, 'acs-ready');
    await fixture(html`<div>${el}</div>`);
    expect((await ready).detail.userId).to.equal('8:acs:resource_named');
  });

  it('cancels signing in when removed from the page', async () => {
    let providerSignal: AbortSignal | undefined;
    const el = await create('acs-chat', ({ abortSignal }) => {
      providerSignal = abortSignal;
      return forever();
    });
    await waitUntil(() => providerSignal);
    let events = 0;
    el.addEventListener('acs-ready', () => (events += 1));
    el.addEventListener('acs-error', () => (events += 1));
    el.remove();
    expect(providerSignal!.aborted).to.equal(true);
    expect(events).to.equal(0);
  });

  it('takes string overrides from the strings property', async () => {
    const el = await create('acs-chat', () => forever());
    el.strings = { connecting: 'Chat wird geladen…' };
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.contain('Chat wird geladen…');
  });

  it('never lets a token reach an attribute, the shadow DOM, the console or an event', async function () {
    this.timeout(15000);
    const issued: string[] = [];
    const logged: unknown[] = [];
    const details: unknown[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back, by identity, after the test
    const originals = methods.map((method) => console[method]);
    methods.forEach((method) => {
      console[method] = (...args: unknown[]) => {
        logged.push(...args);
      };
    });
    try {
      // Three-second tokens: the element refreshes while we watch, and the second refresh fails.
      const provider: TokenProvider = () => {
        if (issued.length === 2) throw new Error(`refresh failed for ${issued[1]}`);
        const token = createTestToken({ expiresInSeconds: 3 });
        issued.push(token);
        return token;
      };
      const el = fakeCall(document.createElement('acs-call'));
      for (const name of ['acs-ready', 'acs-error']) el.addEventListener(name, (event) => details.push((event as CustomEvent).detail));
      el.tokenProvider = provider;
      await fixture(html`<div>${el}</div>`);
      await waitUntil(() => details.length >= 2, 'the failed refresh was not reported', { timeout: 8000 });
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(en.errors['token-provider-failed']);

      const visible = [
        ...Array.from(el.attributes, (attribute) => attribute.value),
        shadow(el).innerHTML,
        JSON.stringify(details),
        logged.map((entry) => (entry instanceof Error ? `${entry.message} ${entry.stack}` : String(entry))).join('\n'),
      ].join('\n');
      for (const token of issued) expect(visible.includes(token), 'a token leaked').to.equal(false);
      expect(details).to.deep.include({ code: 'token-provider-failed', message: en.errors['token-provider-failed'], cause: 'refresh failed for [token]' });
    } finally {
      methods.forEach((method, index) => (console[method] = originals[index]!));
    }
  });
});
