import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { FakeChatClient } from '../../src/testing/index.js';
import { acsEvent } from './support/events.js';
import { ar, en } from './support/strings.js';

const ana = { id: '8:acs:ana', displayName: 'Ana' };
const sam = { id: '8:acs:sam-1', displayName: 'Sam' };
const otherSam = { id: '8:acs:sam-2', displayName: 'Sam' };

/** An <acs-chat> of 960×600 on a FakeChatClient, ready to use. */
async function chatPage(chat: FakeChatClient, attributes: { theme?: string; lang?: string } = {}): Promise<AcsChat> {
  const el = document.createElement('acs-chat');
  el.chatClient = chat;
  el.tokenProvider = () => chat.session();
  el.theme = (attributes.theme ?? 'light') as AcsChat['theme'];
  el.lang = attributes.lang ?? 'en';
  el.style.setProperty('--acs-chat-height', '600px');
  const ready = acsEvent(el, 'acs-ready');
  await fixture(html`<div style="width: 960px">${el}</div>`);
  await ready;
  await waitUntil(() => chat.listening, 'the chat never listened to live events');
  return el;
}

const $ = (el: AcsChat, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const field = (el: AcsChat) => el.shadowRoot!.querySelector('textarea')!;
const bubbles = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('article.message')];
const texts = (el: AcsChat) => bubbles(el).map((bubble) => bubble.querySelector('.content')!.textContent.trim());
const bubble = (el: AcsChat, text: string) => bubbles(el).find((each) => each.querySelector('.content')!.textContent.trim() === text);
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((each) => (each.getAttribute('aria-label') ?? each.textContent.trim()) === name);

async function send(el: AcsChat, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/** A paste, as the browser delivers one: the text goes in and an `input` event follows. */
function paste(el: AcsChat, text: string): void {
  el.focus();
  const target = field(el);
  target.setRangeText(text, target.selectionStart, target.selectionEnd, 'end');
  target.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: text, bubbles: true, composed: true }));
}

/** A sent own message with its menu opened from the keyboard. */
async function openMenu(el: AcsChat, chat: FakeChatClient, text: string): Promise<HTMLElement> {
  await send(el, text);
  await waitUntil(() => chat.sent.length > 0 && bubble(el, text)?.getAttribute('data-status') === 'sent', 'not sent');
  const more = button(bubble(el, text)!, en.chat.more)!;
  more.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  return bubble(el, text)!;
}

describe('<acs-chat> look and feel (issue 14)', function () {
  this.timeout(20000);

  it('grows the composer with a multi-line message, then scrolls it', async () => {
    const el = await chatPage(new FakeChatClient({ participants: [ana] }));
    const before = field(el).getBoundingClientRect().height;
    el.focus();
    for (const line of ['one', 'two', 'three', 'four']) {
      await sendKeys({ type: line });
      await sendKeys({ press: 'Shift+Enter' });
    }
    await sendKeys({ type: 'five' });
    const fiveLines = field(el).getBoundingClientRect().height;
    expect(fiveLines, 'five lines').to.be.greaterThan(before * 2.5);
    expect(field(el).scrollHeight - field(el).clientHeight, 'all five lines show').to.be.at.most(1);
    paste(el, '\nmore'.repeat(20));
    const capped = field(el).getBoundingClientRect().height;
    expect(capped, 'capped near six lines').to.be.lessThan(before * 6.5);
    expect(field(el).scrollHeight).to.be.greaterThan(field(el).clientHeight);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(field(el).getBoundingClientRect().height, 'back to one line once sent').to.equal(before);
  });

  it('never sends a 30,000-character paste, says why, and keeps the text', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    const text = 'x'.repeat(30000);
    paste(el, text);
    await el.updateComplete;
    const limit = $(el, '#limit')!;
    expect(limit.textContent.trim()).to.equal(en.chat.overLimit.replace('{count}', String(30000 - 28 * 1024)));
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');

    const error = acsEvent(el, 'acs-error');
    await sendKeys({ press: 'Enter' });
    expect((await error).detail.message).to.equal(en.chat.tooLong);
    button(el.shadowRoot!, en.chat.send)!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chat.sent).to.deep.equal([]);
    expect(bubbles(el)).to.have.length(0);
    expect(field(el).value).to.equal(text);

    // Shortened to the limit, it goes.
    field(el).value = 'é'.repeat(14 * 1024);
    field(el).dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(limit.textContent.trim()).to.equal(en.chat.remaining.replace('{count}', '0'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chat.sent.length === 1, 'a message at the limit was not sent');
  });

  it('shows a failed message in its place in time, with its reason, Retry and Discard', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    chat.failNextSend(403);
    await send(el, 'not allowed');
    await waitUntil(() => bubble(el, 'not allowed')?.getAttribute('data-status') === 'failed', 'not shown as failed');
    chat.receive(ana, 'a newer message');
    await waitUntil(() => texts(el).includes('a newer message'));
    expect(texts(el)).to.deep.equal(['not allowed', 'a newer message']);
    const failed = bubble(el, 'not allowed')!;
    expect(failed.textContent).to.include(en.errors.network);
    expect(button(failed, en.chat.retry)).to.not.equal(undefined);
    button(failed, en.chat.discard)!.click();
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['a newer message']);
  });

  it('offers no Retry for a message the service refused as too large', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    chat.failNextSend(413);
    await send(el, 'huge');
    await waitUntil(() => bubble(el, 'huge')?.getAttribute('data-status') === 'failed', 'not shown as failed');
    expect(bubble(el, 'huge')!.textContent).to.include(en.chat.tooLong);
    expect(button(bubble(el, 'huge')!, en.chat.retry)).to.equal(undefined);
    expect(button(bubble(el, 'huge')!, en.chat.discard)).to.not.equal(undefined);
  });

  it('keeps an own message’s actions in one More menu, reached and used from the keyboard', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    await send(el, 'first');
    await waitUntil(() => bubble(el, 'first')?.getAttribute('data-status') === 'sent');
    expect(el.shadowRoot!.querySelectorAll('article button').length, 'one button per own message').to.equal(1);
    const message = await openMenu(el, chat, 'frist');
    const items = [...message.querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')];
    expect(items.map((item) => item.textContent.trim())).to.deep.equal([en.chat.edit, en.chat.delete]);
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(message.querySelector('[role="menu"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(button(message, en.chat.more));
  });

  it('edits with a banner, the message highlighted, Cancel secondary and Save primary', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    const message = await openMenu(el, chat, 'frist');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const banner = $(el, '[part="edit-banner"]')!;
    expect(banner.textContent).to.include(en.chat.editing);
    expect(message.classList.contains('editing')).to.equal(true);
    expect(getComputedStyle(message).outlineStyle).to.equal('solid');
    expect(field(el).value).to.equal('frist');
    const cancel = button(banner, en.chat.cancel)!;
    const save = button(el.shadowRoot!, en.chat.save)!;
    expect(getComputedStyle(cancel).backgroundColor, 'Cancel is not filled like Save').to.not.equal(getComputedStyle(save).backgroundColor);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part="edit-banner"]')).to.equal(null);
    expect(message.classList.contains('editing')).to.equal(false);
  });

  it('shows avatars once per run of messages by one sender, and deleted messages subdued', async () => {
    const chat = new FakeChatClient({ participants: [ana] });
    const el = await chatPage(chat);
    chat.receive(ana, 'one');
    const two = chat.receive(ana, 'two');
    await waitUntil(() => texts(el).includes('two'));
    expect(bubbles(el).map((each) => each.querySelector('.avatar')?.textContent ?? '')).to.deep.equal(['A', '']);
    expect(bubbles(el).map((each) => each.querySelector('.sender')?.textContent ?? '')).to.deep.equal(['Ana', '']);
    chat.remove(two.id);
    await waitUntil(() => texts(el).includes(en.chat.deleted));
    expect(getComputedStyle(bubble(el, en.chat.deleted)!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('lists participants with avatars and “(you)”, marks typing by id, and scrolls from the keyboard', async () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ id: `8:acs:p${index}`, displayName: `Person ${index}` }));
    const chat = new FakeChatClient({ participants: [sam, otherSam, ...many] });
    const el = await chatPage(chat);
    button(el.shadowRoot!, 'Participants (15)')!.click();
    await el.updateComplete;
    const list = $(el, '#participants')!;
    expect(getComputedStyle(list).listStyleType).to.equal('none');
    expect(list.tabIndex).to.equal(0);
    expect(list.getAttribute('aria-label')).to.equal('Participants (15)');
    const rows = () => [...list.querySelectorAll('li')].map((item) => [...item.querySelectorAll('.name, .note')].map((part) => part.textContent).join(' '));
    expect(rows()).to.include(`Me ${en.chat.you}`);
    expect(list.querySelectorAll('li .avatar')).to.have.length(15);
    // Whole rows only.
    const row = list.querySelector('li')!.getBoundingClientRect().height;
    const inner = list.clientHeight - parseFloat(getComputedStyle(list).paddingTop) * 2;
    expect(inner / row).to.be.closeTo(Math.round(inner / row), 0.01);

    chat.typing(otherSam);
    await waitUntil(() => rows().some((text) => text.includes(en.chat.typingNow)), 'typing not shown');
    expect(rows().filter((text) => text.includes(en.chat.typingNow))).to.have.length(1);
    // The second Sam (in the thread's order) is the one typing.
    expect(rows().filter((text) => text.includes('Sam'))[1]).to.include(en.chat.typingNow);

    list.focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => list.scrollTop > 0, 'the list did not scroll from the keyboard');
    await expect(el).to.be.accessible();
  });

  it('names its landmark by the topic: two chats on a page are two distinct landmarks', async () => {
    const first = await chatPage(new FakeChatClient({ topic: 'Support', participants: [ana] }));
    const second = await chatPage(new FakeChatClient({ topic: 'Sales', participants: [ana] }));
    const page = await fixture(html`<div></div>`);
    page.append(first, second);
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect($(first, 'section')!.getAttribute('aria-label')).to.equal('Support');
    await expect(page).to.be.accessible();
  });

  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'ar']) {
      it(`is accessible with participants open, a failed message and edit mode (${theme}, ${lang})`, async () => {
        const strings = lang === 'ar' ? ar.chat : en.chat;
        const chat = new FakeChatClient({ topic: 'Support', participants: [ana] });
        const el = await chatPage(chat, { theme, lang });
        chat.receive(ana, 'Hello');
        chat.failNextSend(403);
        await send(el, 'refused');
        await waitUntil(() => bubble(el, 'refused')?.getAttribute('data-status') === 'failed', 'not failed');
        await send(el, 'to edit');
        await waitUntil(() => bubble(el, 'to edit')?.getAttribute('data-status') === 'sent', 'not sent');
        const more = button(bubble(el, 'to edit')!, strings.more)!;
        more.click();
        await el.updateComplete;
        button(bubble(el, 'to edit')!, strings.edit)!.click();
        button(el.shadowRoot!, format(strings.participants, 2))!.click();
        await el.updateComplete;
        expect($(el, '[part="edit-banner"]')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  }
});

function format(template: string, count: number): string {
  return template.replace('{count}', String(count));
}
