import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { chatThreadAs, emulatorSession, newThread, type EmulatorSession } from './support/emulator.js';
import { acsEvent } from './support/events.js';
import { en } from './support/strings.js';

/** An <acs-chat> signed in as `session`'s user, showing `threadId`, ready to use. */
async function chatAs(session: EmulatorSession, threadId: string, attributes: { pageSize?: number; theme?: string } = {}): Promise<AcsChat> {
  const el = document.createElement('acs-chat');
  el.tokenProvider = () => session;
  el.threadId = threadId;
  el.pageSize = attributes.pageSize ?? 20;
  el.setAttribute('theme', attributes.theme ?? 'light');
  const ready = acsEvent(el, 'acs-ready');
  await fixture(html`<div style="width: 480px">${el}</div>`);
  await ready;
  await el.updateComplete;
  return el;
}

const log = (el: AcsChat) => el.shadowRoot!.querySelector('[role="log"]')!;
const bubbles = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll('article.message')];
const texts = (el: AcsChat) => bubbles(el).map((bubble) => bubble.querySelector('.content')!.textContent.trim());

/** Picks `action` from the More menu of the newest message. */
async function ownAction(el: AcsChat, action: string): Promise<void> {
  bubbles(el).at(-1)!.querySelector<HTMLButtonElement>(`[aria-label="${en.chat.more}"]`)!.click();
  await el.updateComplete;
  [...bubbles(el).at(-1)!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((item) => item.textContent.trim() === action)!.click();
  await el.updateComplete;
}

async function type(el: AcsChat, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<acs-chat> against the emulator', function () {
  this.timeout(20000);
  let ana: EmulatorSession;
  let ben: EmulatorSession;

  before(async () => {
    [ana, ben] = await Promise.all([emulatorSession('Ana'), emulatorSession('Ben')]);
  });

  it('delivers a typed message to the other user, live, with typing shown first', async () => {
    const threadId = await newThread('Live chat', ana, ben);
    const [anaChat, benChat] = await Promise.all([chatAs(ana, threadId), chatAs(ben, threadId)]);
    expect(anaChat.shadowRoot!.querySelector('#topic')!.textContent).to.equal('Live chat');

    const received = acsEvent(benChat, 'acs-message-received');
    const sent = acsEvent(anaChat, 'acs-message-sent');
    await type(anaChat, 'Hello Ben');
    await waitUntil(
      () => benChat.shadowRoot!.querySelector('.typing')!.textContent === 'Ana is typing…' || texts(benChat).includes('Hello Ben'),
      'no typing or message',
      { timeout: 3000 },
    );
    expect((await sent).detail.content).to.equal('Hello Ben');
    const { detail } = await received;
    expect(detail).to.include({ content: 'Hello Ben', senderDisplayName: 'Ana', senderId: ana.userId });
    await waitUntil(() => texts(benChat).includes('Hello Ben'), 'the message did not show for Ben', { timeout: 2000 });
    expect(bubbles(anaChat).at(-1)!.getAttribute('data-status')).to.equal('sent');
    for (const [el, session] of [
      [anaChat, ana],
      [benChat, ben],
    ] as const) {
      expect(el.shadowRoot!.innerHTML).to.not.include(session.token);
      expect([...el.attributes].map((attribute) => attribute.value).join(' ')).to.not.include(session.token);
    }
    await expect(anaChat).to.be.accessible();
  });

  it('lists the participants, marking who is typing', async () => {
    const threadId = await newThread('Who is here', ana, ben);
    const [anaChat, benChat] = await Promise.all([chatAs(ana, threadId), chatAs(ben, threadId)]);
    const toggle = anaChat.shadowRoot!.querySelector<HTMLButtonElement>('[aria-controls="participants"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Participants (2)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await anaChat.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = () =>
      [...anaChat.shadowRoot!.querySelectorAll('#participants li')].map((item) =>
        [...item.querySelectorAll('.name, .note')].map((part) => part.textContent).join(' '),
      );
    expect(list()).to.have.members([`Ana ${en.chat.you}`, 'Ben']);
    // Typing is never replayed: Ben types once Ana's live connection is up (his message reaches her live).
    benChat.sendMessage('ready?');
    await waitUntil(() => texts(anaChat).includes('ready?'), 'Ana never got live events', { timeout: 8000 });
    benChat.focus();
    await sendKeys({ type: 'h' });
    await waitUntil(() => list().includes(`Ben ${en.chat.typingNow}`), 'Ben not shown typing', { timeout: 3000 });
    await expect(anaChat).to.be.accessible();
  });

  it('counts unread messages while the reader is scrolled away, and offers a way back to them', async () => {
    const threadId = await newThread('Unread', ana, ben);
    await fetch(`/test-api/seed?${new URLSearchParams({ threadId, sender: ana.userId, count: '60' })}`, { method: 'POST' });
    const benChat = await chatAs(ben, threadId);
    const list = log(benChat);
    list.scrollTop = list.scrollHeight / 2;
    list.dispatchEvent(new Event('scroll'));
    await benChat.updateComplete;

    const unread = acsEvent(benChat, 'acs-unread-changed');
    await (await chatThreadAs(ana, threadId)).sendMessage({ content: 'while you were away' }, { senderDisplayName: 'Ana' });
    expect((await unread).detail).to.deep.equal({ count: 1 });
    await benChat.updateComplete;
    const button = benChat.shadowRoot!.querySelector<HTMLButtonElement>('.new-messages')!;
    expect(button.textContent).to.equal('New messages: 1');

    const cleared = acsEvent(benChat, 'acs-unread-changed');
    button.click();
    expect((await cleared).detail).to.deep.equal({ count: 0 });
    expect(texts(benChat).at(-1)).to.equal('while you were away');
  });

  it('shows read receipts on own messages once the other side has seen them', async () => {
    const threadId = await newThread('Receipts', ana, ben);
    const anaChat = await chatAs(ana, threadId);
    await chatAs(ben, threadId);
    await type(anaChat, 'Did you read this?');
    await waitUntil(() => bubbles(anaChat).at(-1)!.textContent.includes(en.chat.read), 'no read receipt', { timeout: 4000 });
  });

  it('propagates edits and deletes of own messages', async () => {
    const threadId = await newThread('Edits', ana, ben);
    const [anaChat, benChat] = await Promise.all([chatAs(ana, threadId), chatAs(ben, threadId)]);
    await type(anaChat, 'frist');
    await waitUntil(() => bubbles(anaChat).at(-1)?.getAttribute('data-status') === 'sent' && texts(benChat).includes('frist'));

    await ownAction(anaChat, en.chat.edit);
    const field = anaChat.shadowRoot!.querySelector('textarea')!;
    expect(field.value).to.equal('frist');
    field.value = 'first';
    field.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => texts(benChat).includes('first'), 'the edit did not reach Ben', { timeout: 3000 });

    await ownAction(anaChat, en.chat.delete);
    await waitUntil(() => texts(benChat).includes(en.chat.deleted), 'the delete did not reach Ben', { timeout: 3000 });
  });

  it('loads history newest at the bottom, and older pages on scrolling up, until the start', async () => {
    const threadId = await newThread('History', ana, ben);
    const thread = await chatThreadAs(ana, threadId);
    for (let index = 1; index <= 12; index += 1) await thread.sendMessage({ content: `history ${index}` }, { senderDisplayName: 'Ana' });

    const benChat = await chatAs(ben, threadId, { pageSize: 5 });
    expect(texts(benChat).at(-1)).to.equal('history 12');
    expect(texts(benChat)).to.not.include('history 1');
    const list = log(benChat);
    expect(list.scrollTop + list.clientHeight).to.be.closeTo(list.scrollHeight, 40);

    for (let attempt = 0; attempt < 10 && !list.textContent.includes(en.chat.startOfConversation); attempt += 1) {
      list.scrollTop = 0;
      list.dispatchEvent(new Event('scroll'));
      await waitUntil(() => !list.textContent.includes(en.chat.loadingOlder), 'stuck loading', { timeout: 3000 });
      await benChat.updateComplete;
    }
    expect(list.textContent).to.include(en.chat.startOfConversation);
    const history = texts(benChat).filter((text) => text.startsWith('history'));
    expect(history).to.deep.equal(Array.from({ length: 12 }, (_, index) => `history ${index + 1}`));
  });

  it('renders an HTML message sanitized and inert, and names as text', async () => {
    const threadId = await newThread('<img src=x onerror="window.__xssTopic=1">', ana, ben);
    const thread = await chatThreadAs(ana, threadId);
    await thread.sendMessage(
      { content: '<p>hi <b>there</b><img src=x onerror="window.__xss=1"><script>window.__xss=1</script><a href="javascript:window.__xss=1">x</a></p>' },
      { type: 'html', senderDisplayName: '<b onmouseover=alert(1)>Ana</b>' },
    );
    const benChat = await chatAs(ben, threadId);
    await waitUntil(() => bubbles(benChat).at(-1)?.querySelector('.content b'), 'the sanitizer did not load', { timeout: 3000 });
    const bubble = bubbles(benChat).at(-1)!;
    expect(bubble.querySelector('.content b')!.textContent).to.equal('there');
    expect(bubble.querySelector('img, script')).to.equal(null);
    expect(bubble.querySelector('a')?.getAttribute('href') ?? null).to.equal(null);
    expect(bubble.querySelector('.sender')!.textContent).to.equal('<b onmouseover=alert(1)>Ana</b>');
    expect(benChat.shadowRoot!.querySelector('#topic')!.textContent).to.equal('<img src=x onerror="window.__xssTopic=1">');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect((window as { __xssTopic?: number }).__xssTopic).to.equal(undefined);
  });

  it('queues messages while the network is down and sends them once, in order, when it returns', async function () {
    this.timeout(30000);
    const threadId = await newThread('Offline', ana, ben);
    const [anaChat, benChat] = await Promise.all([chatAs(ana, threadId), chatAs(ben, threadId)]);
    const realFetch = fetch;
    let down = true;
    window.fetch = (input, init) =>
      down && String(input instanceof Request ? input.url : input).includes('/chat/threads') && init?.method === 'POST'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : realFetch(input, init);
    try {
      for (const text of ['one', 'two', 'three']) await type(anaChat, text);
      await waitUntil(
        () =>
          bubbles(anaChat)
            .slice(-3)
            .every((bubble) => bubble.getAttribute('data-status') === 'queued'),
        'not queued',
        { timeout: 3000 },
      );
      expect(texts(anaChat).slice(-3)).to.deep.equal(['one', 'two', 'three']);
      down = false;
      // No `online` event here (only the POSTs failed): the queue goes on at its next back-off step, 10 s at
      // most this early, on a machine slow enough for three failed rounds.
      await waitUntil(() => ['one', 'two', 'three'].every((text) => texts(benChat).includes(text)), 'the queue was not sent', { timeout: 15000 });
      expect(texts(benChat).filter((text) => ['one', 'two', 'three'].includes(text))).to.deep.equal(['one', 'two', 'three']);
      const thread = await chatThreadAs(ben, threadId);
      const stored: string[] = [];
      for await (const message of thread.listMessages()) if (message.type === 'text') stored.push(message.content!.message!);
      expect(stored.reverse()).to.deep.equal(['one', 'two', 'three']);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps a bounded DOM while the reader scrolls back through 10,000 messages', async function () {
    this.timeout(60000);
    const threadId = await newThread('Ten thousand', ana, ben);
    const seeded = await fetch(`/test-api/seed?${new URLSearchParams({ threadId, sender: ana.userId, count: '10000' })}`, { method: 'POST' });
    expect(seeded.status).to.equal(200);
    const benChat = await chatAs(ben, threadId, { pageSize: 200 });
    const list = log(benChat);
    expect(texts(benChat).at(-1)).to.equal('seed 10000');

    let most = 0;
    for (let step = 0; step < 60; step += 1) {
      list.scrollTop = 0;
      list.dispatchEvent(new Event('scroll'));
      await waitUntil(() => !list.textContent.includes(en.chat.loadingOlder), 'stuck loading', { timeout: 5000 });
      await benChat.updateComplete;
      most = Math.max(most, list.querySelectorAll('article, p').length);
    }
    const oldestShown = Number(texts(benChat)[0].replace('seed ', ''));
    expect(oldestShown, 'scrolling up did not reach older history').to.be.lessThan(9000);
    expect(most, 'message nodes in the shadow DOM').to.be.at.most(300);

    benChat.shadowRoot!.querySelector<HTMLButtonElement>('.new-messages')?.click();
    list.scrollTop = list.scrollHeight;
    for (let step = 0; step < 80 && texts(benChat).at(-1) !== 'seed 10000'; step += 1) {
      list.scrollTop = list.scrollHeight;
      list.dispatchEvent(new Event('scroll'));
      await benChat.updateComplete;
    }
    expect(texts(benChat).at(-1)).to.equal('seed 10000');
  });

  it('reads back in bigger pages while the reader scrolls fast, each going on from where the last ended', async function () {
    this.timeout(30000);
    const threadId = await newThread('Fast reader', ana, ben);
    await fetch(`/test-api/seed?${new URLSearchParams({ threadId, sender: ana.userId, count: '2000' })}`, { method: 'POST' });
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
    const benChat = await chatAs(ben, threadId, { pageSize: 20 });
    const list = log(benChat);
    for (let step = 0; step < 40; step += 1) {
      list.scrollTop = 0;
      list.dispatchEvent(new Event('scroll'));
      await waitUntil(() => !list.textContent.includes(en.chat.loadingOlder), 'stuck loading', { timeout: 5000 });
      await benChat.updateComplete;
    }
    // The real SDK follows the emulator's nextLink, whose maxPageSize the element rewrote.
    const walk = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.endsWith('/messages') && decodeURIComponent(url.pathname).includes(threadId) && url.searchParams.has('before'));
    const sizes = walk.map((url) => Number(url.searchParams.get('maxPageSize')));
    expect(sizes[0], String(sizes)).to.equal(40);
    expect(Math.max(...sizes), String(sizes)).to.equal(200);
    const starts = walk.map((url) => Number(url.searchParams.get('before')));
    expect(starts, 'each page starts below the last').to.deep.equal([...starts].sort((a, b) => b - a));
    expect(new Set(starts).size).to.equal(starts.length);
  });

  it('keeps working, invisibly, across token expiries', async function () {
    this.timeout(60000);
    const { url } = (await (await fetch('/test-api/emulator?tokens=short')).json()) as { url: string };
    // As a page would: the token service's cookie keeps the same user across refreshes.
    const provider = (name: string) => async () =>
      (
        await fetch(new URL('api/session', url), {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ displayName: name }),
        })
      ).json() as Promise<EmulatorSession>;
    const el = document.createElement('acs-chat');
    el.tokenProvider = provider('Cleo');
    const errors: unknown[] = [];
    el.addEventListener('acs-error', (event) => errors.push(event.detail));
    const ready = acsEvent(el, 'acs-ready');
    await fixture(html`<div>${el}</div>`);
    const { userId } = (await ready).detail;

    // Three token lifetimes later…
    await new Promise((resolve) => setTimeout(resolve, 30000));
    await type(el, 'still here');
    await waitUntil(() => bubbles(el).at(-1)?.getAttribute('data-status') === 'sent', 'sending failed after expiry', { timeout: 5000 });
    await waitUntil(() => texts(el).some((text) => text.startsWith('You said: still here')), 'live events stopped after expiry', { timeout: 5000 });
    expect(errors).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect((await provider('Cleo')()).userId).to.equal(userId);
  });

  it('is accessible in the dark theme', async () => {
    const threadId = await newThread('Dark', ana, ben);
    const anaChat = await chatAs(ana, threadId, { theme: 'dark' });
    await type(anaChat, 'in the dark');
    await waitUntil(() => bubbles(anaChat).at(-1)?.getAttribute('data-status') === 'sent');
    await expect(anaChat).to.be.accessible();
  });
});
