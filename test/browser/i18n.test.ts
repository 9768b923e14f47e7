import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/chat.js';
import { en } from '../../src/core/i18n/en.js';
import { loadLocale, resolveLocale, type Catalog } from '../../src/core/i18n/locale.js';
import { format, withOverrides } from '../../src/core/i18n/strings.js';
import { forever } from './support/events.js';

const fr = { ...en, connecting: 'Connexion…' };
const ar = { ...en, connecting: 'جارٍ الاتصال…' };
const tables: Catalog = { available: ['en', 'fr', 'ar'], loaded: { en, fr, ar } };

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

  it('speaks English while a shipped table downloads, then the table', async () => {
    const el = await fixture(html`<p lang="de"></p>`);
    const first = resolveLocale(el, []);
    if (first.loading) expect(first.strings).to.equal(en);
    await loadLocale('de');
    const loaded = resolveLocale(el, []);
    expect(loaded).to.include({ locale: 'de', loading: false });
    expect(loaded.strings.retry).to.not.equal(en.retry);
  });

  it('renders an element in Arabic, right to left, once the table arrives', async () => {
    const el = await fixture(html`<acs-chat lang="ar" .tokenProvider=${() => forever()}></acs-chat>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim() !== en.connecting, 'still English');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
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
