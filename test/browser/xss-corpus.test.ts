import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/chat.js';
import type { AcsChat } from '../../src/chat/acs-chat.js';
import { chatThreadAs, emulatorSession, newThread, type EmulatorSession } from './support/emulator.js';
import { acsEvent } from './support/events.js';
import { loadXssCorpus, type XssVector } from './support/xss-corpus.js';

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
// Written out here rather than imported: the test does not trust its subject's own lists.
const MESSAGE_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a', 'span'];
const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/** ACS's limit on a topic and on a display name. */
const NAME_LENGTH = 256;
/** Fewer than the message list keeps in the DOM (150), so a whole round is rendered at once. */
const ROUND = 120;

/** What ran or tried to leave the page: canary calls by vector id, dialogs, navigations. */
const ran: string[] = [];

/** `session`'s chat of `threadId`, its newest 150 entries loaded at once: a whole round in the DOM. */
async function chatAs(session: EmulatorSession, threadId: string): Promise<AcsChat> {
  const el = document.createElement('acs-chat');
  el.tokenProvider = () => session;
  el.threadId = threadId;
  el.pageSize = 150;
  const ready = acsEvent(el, 'acs-ready');
  await fixture(html`<div style="width: 480px">${el}</div>`);
  await ready;
  return el;
}

const inRounds = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/** Runs `work` over `items`, `limit` at a time (the SDK's requests in parallel, as a busy thread sees them). */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Payloads packed into strings of at most `limit` characters (a vector longer than that is cut). */
function packed(vectors: XssVector[], limit: number): string[] {
  const packs: string[] = [];
  for (const { payload } of vectors) {
    const last = packs.at(-1);
    if (last !== undefined && last.length + 1 + payload.length <= limit) packs[packs.length - 1] = `${last} ${payload}`;
    else packs.push(payload.slice(0, limit));
  }
  return packs;
}

const describeNode = (element: Element) => `<${element.localName} ${[...element.attributes].map(({ name, value }) => `${name}="${value}"`).join(' ')}>`;

/** Anywhere in the element: no handler attribute and no URL that runs script. */
function expectNoScriptableAttribute(el: AcsChat): void {
  for (const element of el.shadowRoot!.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      expect(name, describeNode(element)).not.to.match(/^on/i);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background'].includes(name)) {
        expect(value, describeNode(element)).not.to.match(/^\W*(javascript|vbscript|data):/i);
      }
    }
  }
}

/** Inside html message bodies: only the formatting allow-list, links to http(s)/mailto only. */
function expectOnlyAllowedMarkup(el: AcsChat): void {
  for (const element of el.shadowRoot!.querySelectorAll('article .content *')) {
    const where = describeNode(element);
    expect(element.namespaceURI, where).to.equal(XHTML_NAMESPACE);
    expect(MESSAGE_TAGS, where).to.include(element.localName);
    for (const { name, value } of element.attributes) {
      expect(element.localName === 'a' ? ['href', 'target', 'rel'] : [], where).to.include(name);
      if (name === 'href') expect(URL.canParse(value) && LINK_PROTOCOLS.includes(new URL(value).protocol), where).to.equal(true);
    }
  }
}

/** What the chat's own template renders outside message bodies (its icons included). */
const TEMPLATE_TAGS = new Set([
  'section',
  'div',
  'header',
  'h2',
  'button',
  'svg',
  'path',
  'rect',
  'circle',
  'line',
  'polyline',
  'polygon',
  'p',
  'article',
  'span',
  'time',
  'footer',
  'textarea',
  'form',
  'label',
  'ul',
  'li',
  'strong',
]);

/** The tags rendered outside message bodies. */
function templateTags(el: AcsChat): Set<string> {
  return new Set([...el.shadowRoot!.querySelectorAll('*')].filter((element) => !element.closest('.content')).map((element) => element.localName));
}

function expectNothingRan(): void {
  expect(ran, 'a vector ran script, opened a dialog or navigated').to.deep.equal([]);
}

describe('the XSS corpus (test/fixtures/xss) through <acs-chat>, the real chat SDK and the emulator', function () {
  this.timeout(120000);
  let corpus: XssVector[];
  let ana: EmulatorSession;
  let ben: EmulatorSession;
  const dialogs = new Map(['alert', 'confirm', 'prompt', 'print'].map((name) => [name, Object.getOwnPropertyDescriptor(window, name)!]));
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  const stopNavigation = (event: Event) => {
    ran.push(`navigation to ${(event as Event & { destination: { url: string } }).destination.url}`);
    event.preventDefault();
  };

  before(async () => {
    corpus = await loadXssCorpus();
    [ana, ben] = await Promise.all([emulatorSession('Ana'), emulatorSession('Ben')]);
    // Declared `unknown` by sanitize.test.ts, which checks the same canary.
    window.__xss = (id: number) => ran.push(`vector ${id}: ${corpus[id - 1]?.payload ?? 'encoded'}`);
    for (const name of dialogs.keys()) Object.defineProperty(window, name, { value: () => ran.push(`${name}()`), configurable: true, writable: true });
    navigation?.addEventListener('navigate', stopNavigation);
  });

  after(() => {
    delete window.__xss;
    for (const [name, descriptor] of dialogs) Object.defineProperty(window, name, descriptor);
    navigation?.removeEventListener('navigate', stopNavigation);
  });

  it('holds at least 300 vectors from every family', () => {
    expect(corpus.length).to.be.at.least(300);
    const families = new Set(corpus.map((vector) => vector.family));
    expect([...families].sort()).to.deep.equal(['css', 'embedding', 'javascript-urls', 'matrix', 'mutation-namespace', 'script-tags', 'text-context']);
  });

  it('as html messages: only the formatting allow-list is rendered, and nothing runs or navigates', async () => {
    for (const round of inRounds(corpus, ROUND)) {
      const threadId = await newThread('XSS corpus: html', ana, ben);
      const thread = await chatThreadAs(ana, threadId);
      await thread.sendMessage({ content: '<p>Plain <b>formatting</b></p>' }, { type: 'html', senderDisplayName: 'Ana' });
      await inParallel(round, 16, (vector) => thread.sendMessage({ content: vector.payload }, { type: 'html', senderDisplayName: 'Ana' }));
      const el = await chatAs(ben, threadId);
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelectorAll('article').length === round.length + 1, 'the round is not all shown', { timeout: 10000 });
      await waitUntil(() => root.querySelector('article .content b'), 'the sanitizer did not load', { timeout: 5000 });
      await el.updateComplete;
      // Image errors, loads and animation events fire after rendering.
      await aTimeout(100);
      expectOnlyAllowedMarkup(el);
      expectNoScriptableAttribute(el);
      expect(
        [...templateTags(el)].filter((tag) => !TEMPLATE_TAGS.has(tag)),
        'elements outside message bodies',
      ).to.deep.equal([]);
      expectNothingRan();
      el.remove();
    }
  });

  it('as text messages, sender names, participant names and topics: shown as the very text, and nothing runs', async () => {
    const [cy, dee, eve] = await Promise.all([emulatorSession('Cy'), emulatorSession('Dee'), emulatorSession('Eve')]);
    // Two users take the names in turn, each joining and leaving under one name after another.
    const comers = [cy, eve].map((session) => ({ communicationUserId: session.userId }));
    // Four log lines per pack (message, topic, joined, left): a round stays inside the rendered window.
    for (const round of inRounds(packed(corpus, NAME_LENGTH), 30)) {
      const threadId = await newThread('XSS corpus: text', ana, ben, dee);
      // Ana and Dee in turn: no message continues the one before, so every sender name is shown.
      const senders = await Promise.all([chatThreadAs(ana, threadId), chatThreadAs(dee, threadId)]);
      const thread = senders[0];
      await Promise.all([
        (async () => {
          for (const [index, text] of round.entries()) await senders[index % 2].sendMessage({ content: text }, { senderDisplayName: text });
        })(),
        inParallel(round, 4, (text) => thread.updateTopic(text)),
        ...comers.map(async (id, turn) => {
          for (const text of round.filter((_, index) => index % comers.length === turn)) {
            await thread.addParticipants({ participants: [{ id, displayName: text }] });
            await thread.removeParticipant(id);
          }
        }),
      ]);
      // The last name stays, for the participant list.
      await thread.addParticipants({ participants: [{ id: comers[0], displayName: round.at(-1)! }] });
      const el = await chatAs(ben, threadId);
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelectorAll('article').length === round.length, 'the round is not all shown', { timeout: 10000 });
      await el.updateComplete;
      await aTimeout(100);

      const contents = [...root.querySelectorAll('article .content')].map((content) => content.textContent);
      const names = [...root.querySelectorAll('article .sender')].map((sender) => sender.textContent);
      const systemLines = [...root.querySelectorAll('.system')].map((line) => line.textContent);
      for (const text of round) {
        expect(contents, 'a message shown other than as its text').to.include(text);
        expect(names, 'a sender name shown other than as its text').to.include(text);
        expect(systemLines.filter((line) => line.includes(text)).length, `topic, joined and left lines for ${text}`).to.be.at.least(3);
      }
      expect(round).to.include(root.querySelector('#topic')!.textContent);
      root.querySelector<HTMLButtonElement>('[part="participants-button"]')!.click();
      await waitUntil(() => root.querySelector('#participants')?.textContent.includes(round.at(-1)!), 'the participant list does not show the name as text');

      expect(root.querySelectorAll('article .content *').length, 'markup inside text messages').to.equal(0);
      expectNoScriptableAttribute(el);
      expect(
        [...templateTags(el)].filter((tag) => !TEMPLATE_TAGS.has(tag)),
        'elements the template does not render',
      ).to.deep.equal([]);
      expectNothingRan();
      el.remove();
    }
  });
});
