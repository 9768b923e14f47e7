import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { en } from '../../src/core/i18n/en.js';
import { chatThreadAs, emulatorSession, newThread, type EmulatorSession } from './support/emulator.js';
import { acsEvent } from './support/events.js';

/**
 * The live stream's failure modes, simulated where the element meets the network: its requests to
 * the emulator's `/emulator/realtime` (which `emulatorRealtime` opens with `fetch`) can be refused
 * or cut; every other request — the chat SDK's REST calls, and so the polling — reaches the real
 * emulator untouched.
 */
function liveStreamFault() {
  const realFetch = fetch;
  const fault = {
    /** `performance.now()` of every attempt to open the stream. */
    attempts: [] as number[],
    /** How an attempt fails; undefined lets it through to the emulator. */
    failWith: undefined as 'network' | 'unavailable' | undefined,
    /** Breaks the streams that are open now, as a lost connection would. */
    dropOpen: () => open.splice(0).forEach((drop) => drop()),
    /** Cuts the stream: open ones break and new attempts fail, until `restore()`. */
    cut(how: 'network' | 'unavailable' = 'network') {
      fault.failWith = how;
      fault.dropOpen();
    },
    restore() {
      fault.failWith = undefined;
    },
    uninstall() {
      window.fetch = realFetch;
    },
  };
  const open: (() => void)[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (new URL(href, location.href).pathname !== '/emulator/realtime') return realFetch(input, init);
    fault.attempts.push(performance.now());
    if (fault.failWith === 'network') throw new TypeError('Failed to fetch');
    if (fault.failWith === 'unavailable') return new Response('Service Unavailable', { status: 503, headers: { 'Content-Type': 'text/plain' } });
    const response = await realFetch(input, init);
    if (!response.body) return response;
    // A pass-through body the test can break mid-stream.
    const upstream = response.body.getReader();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      async pull(c) {
        try {
          const { done, value } = await upstream.read();
          if (done) c.close();
          else c.enqueue(value);
        } catch (error) {
          c.error(error);
        }
      },
      cancel: (reason) => upstream.cancel(reason),
    });
    open.push(() => {
      controller.error(new TypeError('network error'));
      upstream.cancel().catch(() => undefined);
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return fault;
}

type Status = 'connected' | 'reconnecting' | 'offline';

/** An <acs-chat> signed in as `session`'s user, showing `threadId`, with everything it announced recorded. */
async function chatAs(session: EmulatorSession, threadId: string) {
  const el = document.createElement('acs-chat');
  el.tokenProvider = () => session;
  el.threadId = threadId;
  const statuses: Status[] = [];
  const received: string[] = [];
  el.addEventListener('acs-connection-changed', (event) => statuses.push(event.detail.status));
  el.addEventListener('acs-message-received', (event) => received.push(event.detail.content));
  const ready = acsEvent(el, 'acs-ready');
  await fixture(html`<div style="width: 480px">${el}</div>`);
  await ready;
  await el.updateComplete;
  return { el, statuses, received };
}

const texts = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll('article.message .content')].map((content) => content.textContent.trim());
/** The discreet notice in the header, or null when the element shows none. */
const notice = (el: AcsChat) => el.shadowRoot!.querySelector('.connection')?.textContent.trim() ?? null;
const shows = (el: AcsChat, text: string) => texts(el).includes(text);

/** The thread's text messages as the server stores them, in sequence order. */
async function stored(session: EmulatorSession, threadId: string): Promise<string[]> {
  const messages: { sequenceId: number; text: string }[] = [];
  for await (const message of (await chatThreadAs(session, threadId)).listMessages()) {
    if (message.type === 'text') messages.push({ sequenceId: Number(message.sequenceId), text: message.content!.message! });
  }
  return messages.sort((a, b) => a.sequenceId - b.sequenceId).map((message) => message.text);
}

const patiently = { timeout: 12000, interval: 50 };

describe('<acs-chat> when the live stream fails', function () {
  this.timeout(30000);
  let ana: EmulatorSession;
  let ben: EmulatorSession;
  let fault: ReturnType<typeof liveStreamFault>;

  before(async () => {
    [ana, ben] = await Promise.all([emulatorSession('Ana'), emulatorSession('Ben')]);
  });

  beforeEach(() => {
    fault = liveStreamFault();
  });

  afterEach(() => fault.uninstall());

  it('still shows what others send, by polling, under a discreet "reconnecting" notice, when the stream drops', async () => {
    const threadId = await newThread('Dropped stream', ana, ben);
    const anas = await chatThreadAs(ana, threadId);
    const benChat = await chatAs(ben, threadId);
    await waitUntil(() => fault.attempts.length === 1, 'the stream was never opened', patiently);
    await anas.sendMessage({ content: 'live' }, { senderDisplayName: 'Ana' });
    await waitUntil(() => shows(benChat.el, 'live'), 'the live stream did not deliver', patiently);
    expect(notice(benChat.el)).to.equal(null);

    fault.cut();
    await waitUntil(() => benChat.statuses.includes('reconnecting'), 'no acs-connection-changed "reconnecting"', patiently);
    expect(benChat.statuses).to.deep.equal(['reconnecting']);
    await benChat.el.updateComplete;
    const status = benChat.el.shadowRoot!.querySelector('.connection')!;
    expect(status.textContent.trim()).to.equal(en.chat.reconnecting);
    expect(status.getAttribute('role'), 'announced politely, not as an alert').to.equal('status');
    expect(benChat.el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(texts(benChat.el), 'what was shown stays shown').to.deep.equal(['live']);

    // Nothing can come through the stream now: each message below can only arrive by polling.
    await anas.sendMessage({ content: 'polled 1' }, { senderDisplayName: 'Ana' });
    await waitUntil(() => shows(benChat.el, 'polled 1'), 'a message sent during the outage did not show', patiently);
    await anas.sendMessage({ content: 'polled 2' }, { senderDisplayName: 'Ana' });
    await waitUntil(() => shows(benChat.el, 'polled 2'), 'polling stopped after its first round', patiently);

    expect(texts(benChat.el)).to.deep.equal(['live', 'polled 1', 'polled 2']);
    expect(benChat.received).to.deep.equal(['live', 'polled 1', 'polled 2']);
    expect(fault.attempts.length, 'the stream was being retried all along').to.be.greaterThan(2);
    expect(notice(benChat.el)).to.equal(en.chat.reconnecting);
    expect(benChat.statuses).to.deep.equal(['reconnecting']);
  });

  it('falls back to polling when the stream cannot be opened at all', async () => {
    const threadId = await newThread('Stream refused', ana, ben);
    fault.cut('unavailable');
    const benChat = await chatAs(ben, threadId);
    await waitUntil(() => notice(benChat.el) === en.chat.reconnecting, 'no "reconnecting" notice', patiently);
    expect(benChat.statuses).to.deep.equal(['reconnecting']);

    await (await chatThreadAs(ana, threadId)).sendMessage({ content: 'anyone there?' }, { senderDisplayName: 'Ana' });
    await waitUntil(() => shows(benChat.el, 'anyone there?'), 'the message did not arrive by polling', patiently);
    expect(texts(benChat.el)).to.deep.equal(['anyone there?']);
    expect(benChat.received).to.deep.equal(['anyone there?']);
  });

  it('waits longer and longer between attempts to reopen the stream', async () => {
    const threadId = await newThread('Back-off', ana, ben);
    fault.cut('unavailable');
    const benChat = await chatAs(ben, threadId);
    await waitUntil(() => fault.attempts.length >= 5, 'the stream was not retried', patiently);
    const gaps = fault.attempts.slice(1, 5).map((at, index) => at - fault.attempts[index]);
    for (let index = 1; index < gaps.length; index += 1) {
      expect(gaps[index], `gap ${index + 1} after ${gaps.map(Math.round).join(', ')} ms`).to.be.greaterThan(gaps[index - 1]);
    }
    expect(notice(benChat.el)).to.equal(en.chat.reconnecting);
  });

  it('returns to connected when the stream comes back, showing every message once, in sequence order', async () => {
    const threadId = await newThread('Back again', ana, ben);
    const anas = await chatThreadAs(ana, threadId);
    const send = (content: string) => anas.sendMessage({ content }, { senderDisplayName: 'Ana' });
    const benChat = await chatAs(ben, threadId);
    await send('before');
    await waitUntil(() => shows(benChat.el, 'before'), 'the live stream did not deliver', patiently);

    fault.cut();
    await waitUntil(() => benChat.statuses.includes('reconnecting'), 'no "reconnecting"', patiently);
    await send('during 1');
    await waitUntil(() => shows(benChat.el, 'during 1'), 'polling did not deliver', patiently);
    // Sent just before the stream returns: no poll has seen these; the reconnect must catch them up.
    await send('during 2');
    await send('during 3');
    fault.restore();

    await waitUntil(() => benChat.statuses.at(-1) === 'connected', 'never back to "connected"', patiently);
    await benChat.el.updateComplete;
    expect(notice(benChat.el), 'the notice goes away').to.equal(null);
    expect(benChat.statuses).to.deep.equal(['reconnecting', 'connected']);
    await send('after 1');
    await send('after 2');
    const all = ['before', 'during 1', 'during 2', 'during 3', 'after 1', 'after 2'];
    await waitUntil(
      () => shows(benChat.el, 'after 2') && all.every((text) => shows(benChat.el, text)),
      `missing: ${all.filter((text) => !shows(benChat.el, text)).join(',')}`,
      patiently,
    );
    // Late copies (the stream's replay, a last poll) would show up now if they were going to.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(await stored(ana, threadId)).to.deep.equal(all);
    expect(texts(benChat.el), 'each message once, in sequence order').to.deep.equal(all);
    expect(benChat.received, 'acs-message-received once per message').to.deep.equal(all);
  });
});
