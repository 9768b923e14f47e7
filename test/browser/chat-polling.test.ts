import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { chatThreadAs, clearFaults, emulatorSession, injectFaults, newThread, type EmulatorSession, type FaultRule } from './support/emulator.js';
import { acsEvent } from './support/events.js';
import { en } from './support/strings.js';

/**
 * The live connection's failure modes, made by the emulator itself: the user's Trouter WebSockets
 * are cut and new connections (allocation and socket.io handshake) are refused, until `restore()`.
 * Every other request — the chat SDK's REST calls, and so the polling — is answered as usual.
 */
const liveStreamFault = {
  async cut(how: 'network' | 'unavailable', userId?: string): Promise<void> {
    const refusal: Pick<FaultRule, 'kind' | 'status' | 'times'> = { kind: how === 'network' ? 'reset-before' : 'fail-before', status: 503, times: 100_000 };
    await injectFaults(
      { ...refusal, path: '^/v4/a$' },
      { ...refusal, path: '^/socket\\.io/1/$' },
      ...(userId ? [{ kind: 'drop-streams' as const, userId }] : []),
    );
  },
  restore: clearFaults,
};

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

  before(async () => {
    [ana, ben] = await Promise.all([emulatorSession('Ana'), emulatorSession('Ben')]);
  });

  afterEach(() => liveStreamFault.restore());

  it('still shows what others send, by polling, under a discreet "reconnecting" notice, when the stream drops', async () => {
    const threadId = await newThread('Dropped stream', ana, ben);
    const anas = await chatThreadAs(ana, threadId);
    const benChat = await chatAs(ben, threadId);
    await anas.sendMessage({ content: 'live' }, { senderDisplayName: 'Ana' });
    await waitUntil(() => shows(benChat.el, 'live'), 'the live stream did not deliver', patiently);
    expect(notice(benChat.el)).to.equal(null);

    await liveStreamFault.cut('network', ben.userId);
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
    expect(notice(benChat.el)).to.equal(en.chat.reconnecting);
    expect(benChat.statuses).to.deep.equal(['reconnecting']);
  });

  it('falls back to polling when the stream cannot be opened at all', async () => {
    const threadId = await newThread('Stream refused', ana, ben);
    await liveStreamFault.cut('unavailable');
    const benChat = await chatAs(ben, threadId);
    await waitUntil(() => notice(benChat.el) === en.chat.reconnecting, 'no "reconnecting" notice', patiently);
    expect(benChat.statuses).to.deep.equal(['reconnecting']);

    await (await chatThreadAs(ana, threadId)).sendMessage({ content: 'anyone there?' }, { senderDisplayName: 'Ana' });
    await waitUntil(() => shows(benChat.el, 'anyone there?'), 'the message did not arrive by polling', patiently);
    expect(texts(benChat.el)).to.deep.equal(['anyone there?']);
    expect(benChat.received).to.deep.equal(['anyone there?']);
  });

  it('returns to connected when the stream comes back, showing every message once, in sequence order', async () => {
    const threadId = await newThread('Back again', ana, ben);
    const anas = await chatThreadAs(ana, threadId);
    const send = (content: string) => anas.sendMessage({ content }, { senderDisplayName: 'Ana' });
    const benChat = await chatAs(ben, threadId);
    await send('before');
    await waitUntil(() => shows(benChat.el, 'before'), 'the live stream did not deliver', patiently);

    await liveStreamFault.cut('network', ben.userId);
    await waitUntil(() => benChat.statuses.includes('reconnecting'), 'no "reconnecting"', patiently);
    await send('during 1');
    await waitUntil(() => shows(benChat.el, 'during 1'), 'polling did not deliver', patiently);
    // Sent just before the stream returns: no poll has seen these; the reconnect must catch them up.
    await send('during 2');
    await send('during 3');
    await liveStreamFault.restore();

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
