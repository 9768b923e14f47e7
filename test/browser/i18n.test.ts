import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/chat.js';
import { en } from '../../src/core/i18n/en.js';
import { resolveLocale, StringCatalog, type Catalog } from '../../src/core/i18n/locale.js';
import { format, withOverrides, type SharedStrings } from '../../src/core/i18n/strings.js';
import { forever } from './support/events.js';

const fr = { ...en, connecting: 'Connexion…' };
const ar = { ...en, connecting: 'جارٍ الاتصال…' };
const tables: Catalog<SharedStrings> = { available: ['en', 'fr', 'ar'], loaded: { en, fr, ar } };
// The test server sends every source file as a module: past the default 250 entries the log drops the downloads checked below.
performance.setResourceTimingBufferSize(10_000);

describe('resolveLocale', () => {
  it("prefers the element's own lang", async () => {
    const el = await fixture(html`<div lang="ar"><span lang="fr"></span></div>`);
    expect(resolveLocale(el.querySelector('span')!, ['en'], tables)).to.deep.equal({ locale: 'fr', dir: 'ltr', strings: fr, loading: false });
  });

  it("falls back to the nearest ancestor's lang, across shadow roots", async () => {
    const host = await fixture(html`<div lang="ar"><div></div></div>`);
    const root = host.querySelector('div')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p></p>';
    expect(resolveLocale(root.querySelector('p')!, ['en'], tables)).to.include({ locale: 'ar', dir: 'rtl' });
  });

  it("uses the browser's languages when the page declares none, matching on the base language", async () => {
    const el = await fixture(html`<p></p>`);
    document.documentElement.removeAttribute('lang');
    expect(resolveLocale(el, ['de-DE', 'fr-CA'], tables)).to.include({ locale: 'fr', strings: fr });
  });

  it('ends in English when nothing matches', async () => {
    const el = await fixture(html`<p lang="xx"></p>`);
    expect(resolveLocale(el, ['yy'], tables)).to.deep.equal({ locale: 'en', dir: 'ltr', strings: en, loading: false });
  });

  it('speaks English while a shipped table downloads, then the table; a failed download is tried again', async () => {
    const el = await fixture(html`<p lang="de"></p>`);
    const de = { ...en, retry: 'Erneut versuchen' };
    let downloads = 0;
    const catalog = new StringCatalog({ en, load: { de: () => (++downloads === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(de)) } });
    expect(resolveLocale(el, [], catalog)).to.deep.equal({ locale: 'de', dir: 'ltr', strings: en, loading: true });
    await catalog.load('de');
    expect(resolveLocale(el, [], catalog)).to.include({ strings: en, loading: true });
    await Promise.all([catalog.load('de'), catalog.load('de')]);
    expect(resolveLocale(el, [], catalog)).to.include({ strings: de, loading: false });
    expect(downloads).to.equal(2);
  });

  it('renders an element in Arabic, right to left, once the table arrives', async () => {
    const el = await fixture(html`<acs-chat lang="ar" .tokenProvider=${() => forever()}></acs-chat>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim() !== en.connecting, 'still English');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it("downloads only the element's own strings in the page's language", async () => {
    const el = await fixture(html`<acs-chat lang="ja" .tokenProvider=${() => forever()}></acs-chat>`);
    // The test server compiles each module on its first request: the first download is slow.
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim() !== en.connecting, 'still English', { timeout: 5000 });
    const fetched = performance.getEntriesByType('resource').map(({ name }) => new URL(name).pathname);
    expect(fetched).to.include.members(['/src/core/i18n/ja.ts', '/src/chat/i18n/ja.ts']);
    expect(fetched.filter((path) => path.endsWith('/ja.ts'))).to.have.length(2);
  });
});

describe('strings', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Signed in as {name} {oops}', { name: 'Ana' })).to.equal('Signed in as Ana {oops}');
  });

  it('overrides single strings, including grouped ones, without losing the rest', () => {
    const merged = withOverrides(en, { retry: 'Reconnect', errors: { network: 'Offline.' } });
    expect(merged.retry).to.equal('Reconnect');
    expect(merged.errors.network).to.equal('Offline.');
    expect(merged.errors['token-expired']).to.equal(en.errors['token-expired']);
  });

  it('ignores the groups of other elements, so a page can give every element the same overrides', () => {
    const merged = withOverrides(en, { retry: 'Reconnect', call: { join: 'Enter' } });
    expect(merged).to.deep.equal({ ...en, retry: 'Reconnect' });
  });
});

describe('theme', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('follows the system colour scheme with theme="auto"', async () => {
    const el = await fixture(html`<acs-chat theme="auto" .tokenProvider=${() => forever()}></acs-chat>`);
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(31, 31, 35)');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('lets the page theme it through the public --acs-* tokens', async () => {
    const el = await fixture(html`<acs-chat style="--acs-color-background: rgb(1, 2, 3)" .tokenProvider=${() => forever()}></acs-chat>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});
