import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { FakeChatClient } from '../../src/testing/index.js';
import { acsEvent } from './support/events.js';
import { en } from './support/strings.js';

const ana = { id: '8:acs:ana', displayName: 'Ana' };
// The test server sends every source file as a module: past the default 250 entries the log would drop the SDK download checked below.
performance.setResourceTimingBufferSize(10_000);

/** A chat page as a user's component test would have it: <acs-chat> on a FakeChatClient, no emulator, no Azure. */
async function chatPage(chat: FakeChatClient): Promise<AcsChat> {
  const el = document.createElement('acs-chat');
  el.chatClient = chat;
  el.tokenProvider = () => chat.session();
  const ready = acsEvent(el, 'acs-ready');
  await fixture(html`<div style="width: 480px">${el}</div>`);
  await ready;
  await waitUntil(() => chat.listening, 'the chat never listened to live events');
  return el;
}

const bubbles = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll('article.message')];
const texts = (el: AcsChat) => bubbles(el).map((bubble) => bubble.querySelector('.content')!.textContent.trim());
const bubble = (el: AcsChat, text: string) => bubbles(el).find((each) => each.querySelector('.content')!.textContent.trim() === text);

async function type(el: AcsChat, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<acs-chat> on FakeChatClient (headless, no emulator)', function () {
  this.timeout(10000);

  it('shows the topic and the history, sends a typed message, and shows the answer live', async () => {
    const chat = new FakeChatClient({ topic: 'Support', participants: [ana], history: 3 });
    const el = await chatPage(chat);
    expect(el.shadowRoot!.querySelector('#topic')!.textContent).to.equal('Support');
    expect(texts(el)).to.deep.equal(['seed 1', 'seed 2', 'seed 3']);

    const sent = acsEvent(el, 'acs-message-sent');
    await type(el, 'Hello Ana');
    expect((await sent).detail.content).to.equal('Hello Ana');
    expect(chat.sent.map((message) => message.content?.message)).to.deep.equal(['Hello Ana']);
    await waitUntil(() => bubble(el, 'Hello Ana')?.getAttribute('data-status') === 'sent');

    chat.typing(chat.participant('Ana'));
    await waitUntil(() => el.shadowRoot!.querySelector('.typing')!.textContent === 'Ana is typing…', 'typing not shown');
    const received = acsEvent(el, 'acs-message-received');
    chat.receive(chat.participant('Ana'), 'Hi! How can I help?');
    expect((await received).detail).to.include({ content: 'Hi! How can I help?', senderId: ana.id, senderDisplayName: 'Ana' });
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['seed 1', 'seed 2', 'seed 3', 'Hello Ana', 'Hi! How can I help?']);
    // Her message ends her typing (the line is refreshed once a second).
    await waitUntil(() => el.shadowRoot!.querySelector('.typing')!.textContent === '', 'typing still shown after her message', { timeout: 2000 });
    await expect(el).to.be.accessible();
    // Nothing of the chat SDK was downloaded: the fake is all the page talked to.
    const downloads = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(downloads.filter((url) => /communication-(chat|signaling)/.test(url))).to.deep.equal([]);
  });

  it('marks an own message read when someone reads it', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    await type(el, 'Did you get this?');
    await waitUntil(() => chat.sent.length === 1 && bubble(el, 'Did you get this?')?.getAttribute('data-status') === 'sent');
    // Azure's live events have no sequence id: the receipt counts once the catch-up has given it one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    chat.read(ana, chat.sent[0].id);
    await waitUntil(() => bubble(el, 'Did you get this?')?.querySelector('.read')?.textContent === en.chat.read, 'not shown as read');
  });

  it('offers Retry for a message the service refused, and sends it when clicked', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    // A 401 is renewed and resent by itself; a 403 (not a member) waits for the reader.
    chat.failNextSend(403);
    const error = acsEvent(el, 'acs-error');
    await type(el, 'Let me in');
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => bubble(el, 'Let me in')?.getAttribute('data-status') === 'failed', 'not shown as failed');
    const retry = [...bubble(el, 'Let me in')!.querySelectorAll('button')].find((button) => button.textContent.trim() === en.chat.retry)!;
    retry.click();
    await waitUntil(() => bubble(el, 'Let me in')?.getAttribute('data-status') === 'sent', 'not sent on retry');
    expect(chat.sent).to.have.length(1);
  });

  it('shows edits and deletions by others, and says when the live connection is lost and back', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    const message = chat.receive(ana, 'Helo');
    await waitUntil(() => texts(el).includes('Helo'));
    chat.edit(message.id, 'Hello');
    await waitUntil(() => texts(el).includes('Hello') && bubble(el, 'Hello')!.querySelector('.edited') !== null, 'edit not shown');
    chat.remove(message.id);
    await waitUntil(() => texts(el).includes(en.chat.deleted), 'deletion not shown');

    chat.dropRealtime();
    await waitUntil(() => el.shadowRoot!.querySelector('.connection')?.textContent === en.chat.reconnecting, 'drop not shown');
    chat.receive(ana, 'Are you there?');
    chat.restoreRealtime();
    await waitUntil(() => el.shadowRoot!.querySelector('.connection') === null, 'return not shown');
    await waitUntil(() => texts(el).includes('Are you there?'), 'the missed message never showed');
  });

  it('loads older pages of a long history as the reader scrolls up', async () => {
    const chat = new FakeChatClient({ participants: [ana], history: 160 });
    const el = await chatPage(chat);
    expect(texts(el)).to.have.length(20);
    const log = el.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    // Scrolled back at once: a fast reader, whose next page is twice the first.
    await waitUntil(() => texts(el).length === 60, 'no older page');
    expect(texts(el)[0]).to.equal('seed 101');
  });
});
