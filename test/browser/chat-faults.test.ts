import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { acsEvent } from './support/events.js';
import {
  chatThreadAs,
  clearFaults,
  emulatorSession,
  injectFaults,
  newThread,
  SEND_MESSAGE_PATH,
  type EmulatorSession,
  type FaultRule,
} from './support/emulator.js';

/**
 * Exactly-once sending under hostile conditions, end to end: the element with the real chat SDK
 * against the emulator, faults injected by the emulator itself, and the result read back by
 * another user's SDK — what other people see, not what the element believes.
 */

async function chatAs(session: EmulatorSession, threadId: string): Promise<{ el: AcsChat; errors: unknown[] }> {
  const el = document.createElement('acs-chat');
  el.tokenProvider = () => session;
  el.threadId = threadId;
  const errors: unknown[] = [];
  el.addEventListener('acs-error', (event) => errors.push(event.detail));
  const ready = acsEvent(el, 'acs-ready');
  await fixture(html`<div style="width: 480px; height: 600px">${el}</div>`);
  await ready;
  return { el, errors };
}

const statuses = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll('article.message')].map((bubble) => bubble.getAttribute('data-status'));
const ownTexts = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll('article.message.own .content')].map((content) => content.textContent.trim());

/** The thread's text messages as another user's SDK lists them, in sequence order. */
async function seenBy(session: EmulatorSession, threadId: string): Promise<string[]> {
  const messages: { sequenceId: number; text: string }[] = [];
  for await (const message of (await chatThreadAs(session, threadId)).listMessages()) {
    if (message.type === 'text') messages.push({ sequenceId: Number(message.sequenceId), text: message.content!.message! });
  }
  return messages.sort((a, b) => a.sequenceId - b.sequenceId).map((message) => message.text);
}

/**
 * The browser going offline, as the page sees it: `navigator.onLine` false with its `offline`
 * event, and the service unreachable for `ms`. (A real offline browser context would also cut the
 * test runner's own connection.)
 */
async function goOffline(ms: number): Promise<void> {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  await injectFaults({ kind: 'restart', downMs: ms });
}

function goOnline(): void {
  if (!Object.getOwnPropertyDescriptor(navigator, 'onLine')) return;
  delete (navigator as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event('online'));
}

/** Waits until the element shows `count` messages as sent. */
async function allSent(el: AcsChat, count: number): Promise<void> {
  await waitUntil(() => statuses(el).filter((status) => status === 'sent').length === count, `statuses: ${statuses(el).join(',')}`, {
    timeout: 60000,
    interval: 100,
  });
}

const burst = Array.from({ length: 30 }, (_, index) => `message ${index + 1}`);
const send = { method: 'POST', path: SEND_MESSAGE_PATH };

describe('<acs-chat> sends each message exactly once, in order, whatever the service does', function () {
  this.timeout(90000);
  let ana: EmulatorSession;
  let ben: EmulatorSession;

  before(async () => {
    [ana, ben] = await Promise.all([emulatorSession('Ana'), emulatorSession('Ben')]);
  });

  afterEach(async () => {
    goOnline();
    await clearFaults();
  });

  const faults: [string, FaultRule[]][] = [
    ['500 before storing', [{ ...send, kind: 'fail-before', times: 3 }]],
    ['500 after storing', [{ ...send, kind: 'fail-after', times: 3 }]],
    ['429 with Retry-After', [{ ...send, kind: 'throttle', retryAfterSeconds: 2, times: 2 }]],
    ['401', [{ ...send, kind: 'unauthorized', times: 3 }]],
    [
      'connection reset, before and after storing',
      [
        { ...send, kind: 'reset-before' },
        { ...send, kind: 'reset-after' },
        { ...send, kind: 'reset-after' },
      ],
    ],
    ['a slow service', [{ ...send, kind: 'delay', delayMs: 1500, times: 2 }]],
    [
      'all of them in turn',
      [
        { ...send, kind: 'fail-before' },
        { ...send, kind: 'fail-after' },
        { ...send, kind: 'throttle', retryAfterSeconds: 1 },
        { ...send, kind: 'unauthorized' },
        { ...send, kind: 'reset-after' },
      ],
    ],
  ];

  for (const [name, rules] of faults) {
    it(`${name}: 0 lost, 0 duplicated, order kept, no click`, async () => {
      const threadId = await newThread(name, ana, ben);
      const { el } = await chatAs(ana, threadId);
      await injectFaults(...rules);
      for (const text of burst) el.sendMessage(text);
      await allSent(el, burst.length);
      expect(await seenBy(ben, threadId)).to.deep.equal(burst);
      // The sender's own view: each message once, in typed order, all sent.
      expect(ownTexts(el)).to.deep.equal(burst);
    });
  }

  it('offline in the middle of a burst: the rest waits, then goes out in order when the network is back', async () => {
    const threadId = await newThread('Offline', ana, ben);
    const { el } = await chatAs(ana, threadId);
    for (const text of burst.slice(0, 10)) el.sendMessage(text);
    await goOffline(4000);
    for (const text of burst.slice(10)) el.sendMessage(text);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(statuses(el)).to.include('queued');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    goOnline();
    await allSent(el, burst.length);
    expect(await seenBy(ben, threadId)).to.deep.equal(burst);
    expect(ownTexts(el)).to.deep.equal(burst);
  });

  it('a restart of the service mid-burst, with its live connections cut', async () => {
    const threadId = await newThread('Restart', ana, ben);
    const { el } = await chatAs(ana, threadId);
    for (const text of burst.slice(0, 15)) el.sendMessage(text);
    await injectFaults({ kind: 'restart', downMs: 1500 });
    for (const text of burst.slice(15)) el.sendMessage(text);
    await allSent(el, burst.length);
    expect(await seenBy(ben, threadId)).to.deep.equal(burst);
    expect(ownTexts(el)).to.deep.equal(burst);
  });

  it('paints the composer before sign-in is done; what is sent meanwhile goes out once sign-in completes', async () => {
    const threadId = await newThread('Early birds', ana, ben);
    let signIn!: () => void;
    const signedIn = new Promise<void>((resolve) => (signIn = resolve));
    const el = document.createElement('acs-chat');
    el.tokenProvider = async () => {
      await signedIn;
      return ana;
    };
    el.threadId = threadId;
    const ready = acsEvent(el, 'acs-ready');
    await fixture(html`<div style="width: 480px; height: 600px">${el}</div>`);
    const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(field, 'no composer before sign-in').to.not.equal(null);
    expect(field.disabled).to.equal(false);
    el.sendMessage('typed at once');
    el.sendMessage('and again');
    await el.updateComplete;
    expect(statuses(el)).to.deep.equal(['pending', 'pending']);
    signIn();
    await ready;
    await allSent(el, 2);
    expect(await seenBy(ben, threadId)).to.deep.equal(['typed at once', 'and again']);
    expect(ownTexts(el)).to.deep.equal(['typed at once', 'and again']);
  });
});
