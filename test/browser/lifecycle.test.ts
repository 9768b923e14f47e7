import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { define } from '../../src/core/define.js';
import { createTestToken, FakeCallEngine } from '../../src/testing/index.js';
import { chatThreadAs, emulatorSession, newThread, type EmulatorSession } from './support/emulator.js';
import { sessionUrl, uniqueKey } from './support/token-urls.js';
import { acsEvent } from './support/events.js';

// This file imports no entry up front: its first test writes tags before the elements are defined.

const texts = (el: AcsChat) => [...el.shadowRoot!.querySelectorAll('article.message .content')].map((content) => content.textContent.trim());

describe('registration', () => {
  it('upgrades tags written before the script, keeping attributes and properties set before it', async () => {
    const container = await fixture<HTMLDivElement>(html`<div><acs-call camera="off" group-id="5f0c7a55-7a3b-4d3e-9b58-0c4e0f6a2a11"></acs-call></div>`);
    const early = container.querySelector('acs-call')!;
    expect(customElements.get('acs-call')).to.equal(undefined);
    // Set on the plain element, before its class exists: Lit must keep these through the upgrade.
    Object.assign(early, { callEngine: new FakeCallEngine({ latencyMs: 5 }), tokenProvider: () => createTestToken({ userId: '8:acs:early' }) });
    const ready = acsEvent(early, 'acs-ready');

    await import('../../src/index.js');

    expect((await ready).detail.userId).to.equal('8:acs:early');
    expect(early.groupId).to.equal('5f0c7a55-7a3b-4d3e-9b58-0c4e0f6a2a11');
    expect(early.camera).to.equal('off');
  });

  it('warns once, and never throws, when the script runs twice or another copy registers the same tags', async () => {
    await import('../../src/index.js');
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      define('acs-chat', class SecondCopy extends HTMLElement {});
      define('acs-call', class SecondCopy extends HTMLElement {});
      define('acs-chat', customElements.get('acs-chat')!);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('<acs-chat> is already registered by acs-elements');
    expect(customElements.get('acs-chat')!.name).to.equal('AcsChat');
  });
});

describe('changing what an element connects to after it started', function () {
  this.timeout(20000);
  let ana: EmulatorSession;

  before(async () => {
    await import('../../src/index.js');
    ana = await emulatorSession('Ana');
  });

  it('a new thread-id shows the new thread only, and live messages of the old one stop arriving', async () => {
    const [first, second] = await Promise.all([newThread('First', ana), newThread('Second', ana)]);
    const [firstThread, secondThread] = await Promise.all([chatThreadAs(ana, first), chatThreadAs(ana, second)]);
    await firstThread.sendMessage({ content: 'in the first thread' });
    await secondThread.sendMessage({ content: 'in the second thread' });
    const el = document.createElement('acs-chat');
    el.tokenProvider = () => ana;
    el.threadId = first;
    const readyOnFirst = acsEvent(el, 'acs-ready');
    await fixture(html`<div>${el}</div>`);
    await readyOnFirst;
    await waitUntil(() => texts(el).includes('in the first thread'), 'the first thread did not show');

    const readyOnSecond = acsEvent(el, 'acs-ready');
    el.setAttribute('thread-id', second);
    await readyOnSecond;
    await waitUntil(() => texts(el).includes('in the second thread'), 'the second thread did not show');
    expect(el.shadowRoot!.querySelector('#topic')!.textContent).to.equal('Second');
    expect(texts(el)).to.not.include('in the first thread');

    const received: string[] = [];
    el.addEventListener('acs-message-received', (event) => received.push(event.detail.content));
    const ben = await emulatorSession('Ben');
    await firstThread.addParticipants({ participants: [{ id: { communicationUserId: ben.userId }, displayName: 'Ben' }] });
    await secondThread.addParticipants({ participants: [{ id: { communicationUserId: ben.userId }, displayName: 'Ben' }] });
    await (await chatThreadAs(ben, first)).sendMessage({ content: 'late, in the first thread' });
    await (await chatThreadAs(ben, second)).sendMessage({ content: 'live, in the second thread' });
    await waitUntil(() => texts(el).includes('live, in the second thread'), 'a live message of the second thread did not arrive');
    expect(texts(el)).to.not.include('late, in the first thread');
    // Once each: a listener of the old connection would deliver it twice.
    expect(received).to.deep.equal(['live, in the second thread']);
  });

  it('a new token-url signs in again with it', async () => {
    const [first, second] = [uniqueKey('first-url'), uniqueKey('second-url')];
    const el = document.createElement('acs-call');
    el.callEngine = new FakeCallEngine({ latencyMs: 5 });
    el.setAttribute('group-id', crypto.randomUUID());
    el.setAttribute('token-url', sessionUrl(first));
    const readyFirst = acsEvent(el, 'acs-ready');
    await fixture(html`<div>${el}</div>`);
    expect((await readyFirst).detail.userId).to.equal(`8:acs:test_${first}`);

    const readySecond = acsEvent(el, 'acs-ready');
    el.setAttribute('token-url', sessionUrl(second));
    expect((await readySecond).detail.userId).to.equal(`8:acs:test_${second}`);
  });

  it('a new group-id during a call leaves that call and opens the lobby for the new group', async () => {
    const engine = new FakeCallEngine({ latencyMs: 5 });
    const el = document.createElement('acs-call');
    el.callEngine = engine;
    el.tokenProvider = () => createTestToken();
    el.setAttribute('group-id', crypto.randomUUID());
    const ready = acsEvent(el, 'acs-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    const placed = engine.nextCall();
    await el.start();
    const oldCall = await placed;
    await waitUntil(() => el.callState === 'Connected', 'the first call did not connect');

    const ended = acsEvent(el, 'acs-call-ended');
    const newGroup = crypto.randomUUID();
    el.setAttribute('group-id', newGroup);
    await ended;
    await waitUntil(() => oldCall.state === 'Disconnected', 'the old call was not left');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="join-button"]') !== null, 'the lobby did not open again');

    const next = engine.nextCall();
    await el.start();
    expect((await next).locator).to.deep.equal({ groupId: newGroup });
  });

  it('a new lang re-renders every string in the new language', async () => {
    const el = document.createElement('acs-chat');
    el.tokenUrl = sessionUrl(uniqueKey('lang'), { status: 404 });
    const failed = acsEvent(el, 'acs-error');
    await fixture(html`<div lang="en">${el}</div>`);
    await failed;
    await el.updateComplete;
    el.setAttribute('lang', 'it');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]')!.textContent.includes('non è stato trovato'), 'the error did not turn Italian', {
      timeout: 3000,
    });
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('it');
  });
});
