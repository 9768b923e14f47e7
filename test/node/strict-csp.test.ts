import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { acsConnection, chatClientFor, identityClient } from '../../server/acs-clients.js';
import { contentSecurityPolicy } from '../../server/content-security-policy.js';
import { en } from '../browser/support/strings.js';
import { useDemoApp } from './support/demo-app.js';

const demo = useDemoApp();
const PAGES = readdirSync(new URL('../../demo/', import.meta.url))
  .filter((file) => file.endsWith('.html'))
  .map((file) => (file === 'index.html' ? '/' : `/${file}`));

/** Directive name → its sources, as the browser reads the header. */
function directives(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

test('every demo page is served with a strict CSP: no inline code, no eval, Trusted Types for our two policies only', async () => {
  assert.ok(PAGES.length >= 3, `pages found: ${PAGES.join(', ')}`);
  for (const path of PAGES) {
    const response = await fetch(new URL(path, demo.app().url));
    await response.arrayBuffer();
    const header = response.headers.get('content-security-policy');
    assert.ok(header, `${path} has no Content-Security-Policy`);
    const policy = directives(header);
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src']) {
      assert.ok(policy.get(name)?.includes("'self'"), `${path}: ${name} is not 'self' (${header})`);
      assert.ok(!policy.get(name)?.some((source) => /unsafe-(inline|eval)|^\*$|^(https?|data|blob):$/.test(source)), `${path}: ${name} is loose (${header})`);
    }
    assert.deepEqual(policy.get('require-trusted-types-for'), ["'script'"], `${path}: Trusted Types are not required (${header})`);
    assert.deepEqual(policy.get('trusted-types')?.sort(), ['acs-elements', 'lit-html'], `${path}: policy names (${header})`);
  }
});

test('with an Azure connection string the policy adds what the ACS SDKs reach, and keeps Trusted Types and no inline code', () => {
  const emulator = directives(contentSecurityPolicy('emulator'));
  const azure = directives(contentSecurityPolicy('azure'));
  assert.deepEqual(emulator.get('connect-src'), ["'self'"]);
  for (const source of ['https://*.communication.azure.com', 'wss://*.skype.com', 'wss://*.microsoft.com'])
    assert.ok(azure.get('connect-src')?.includes(source), source);
  assert.deepEqual(azure.get('worker-src'), ["'self'", 'blob:']);
  assert.deepEqual(azure.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  for (const name of ['style-src', 'require-trusted-types-for', 'trusted-types']) assert.deepEqual(azure.get(name), emulator.get(name), name);
});

interface Watched {
  /** `securitypolicyviolation` events and the browser's own CSP console messages. */
  violations: string[];
  errors: string[];
}

/** Records every CSP violation (reported in the page or logged by the browser) and every error. */
async function watch(page: Page): Promise<Watched> {
  const watched: Watched = { violations: [], errors: [] };
  await page.exposeFunction('__violation', (text: string) => watched.violations.push(text));
  await page.addInitScript(() => {
    // Violations inside shadow roots are composed: the document hears them all.
    document.addEventListener(
      'securitypolicyviolation',
      (event) => (window as unknown as { __violation(text: string): void }).__violation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
      true,
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error.message}`));
  return watched;
}

/** Proves the page really runs under Trusted Types: a string written to an HTML sink is refused. */
async function assertTrustedTypesEnforced(page: Page): Promise<void> {
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (error) {
      return error instanceof TypeError;
    }
  });
  assert.equal(refused, true, 'innerHTML took a plain string: Trusted Types are not enforced');
}

test('under the strict CSP, chat (text and html messages), a call and the dial pad all work with zero violations and zero errors', async () => {
  const app = demo.app();
  const context = await demo.browser().newContext({ permissions: ['camera', 'microphone'] });
  try {
    const page = await context.newPage();
    const watched = await watch(page);
    const session = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/session' && response.ok());
    await page.goto(app.url);
    const { userId, threadId } = (await (await session).json()) as { userId: string; threadId: string };

    // Chat, text: typed, sent and answered by the demo bot.
    const chat = page.locator('acs-chat');
    const composer = chat.getByRole('textbox', { name: en.chat.messageField });
    await composer.waitFor({ timeout: 30000 });
    await composer.fill('hello under a strict CSP');
    await composer.press('Enter');
    await chat.getByRole('log').getByText('hello under a strict CSP', { exact: true }).waitFor({ timeout: 10000 });
    await chat
      .getByRole('log')
      .getByText(/I'm the demo bot/)
      .waitFor({ timeout: 10000 });

    // Chat, html: sent by another participant through the real SDK, as a Teams user's message arrives.
    const connection = acsConnection(app.emulatorConnectionString!);
    const identity = identityClient(connection);
    const other = await identity.createUser();
    await chatClientFor(connection, identity, { communicationUserId: userId })
      .getChatThreadClient(threadId)
      .addParticipants({ participants: [{ id: other, displayName: 'Teams user' }] });
    await chatClientFor(connection, identity, other)
      .getChatThreadClient(threadId)
      .sendMessage(
        { content: '<p>Formatted <b>bold</b> and <a href="https://example.com/">a link</a><img src="x" alt=""></p>' },
        { type: 'html', senderDisplayName: 'Teams user' },
      );
    const bold = chat.getByRole('log').locator('article .content b', { hasText: 'bold' });
    await bold.waitFor({ timeout: 10000 });
    assert.equal(await chat.getByRole('log').locator('article .content img').count(), 0);
    assert.equal(await chat.getByRole('link', { name: 'a link' }).getAttribute('rel'), 'noopener noreferrer');

    // Call: the lobby's preview, then into the emulator's call.
    const call = page.locator('acs-call');
    await call.getByRole('button', { name: en.call.join }).click({ timeout: 30000 });
    await call.getByRole('button', { name: en.call.hangUp }).waitFor({ timeout: 15000 });
    await call.getByRole('button', { name: en.call.hangUp }).click();

    // Dial pad: a number typed, formatted, validated and called.
    const pad = page.locator('acs-dialpad');
    await pad.getByLabel('Phone number').fill('4255550100');
    await pad.getByRole('button', { name: 'Call', exact: true }).click();
    await pad.getByRole('button', { name: 'Hang up' }).waitFor({ timeout: 15000 });
    await pad.getByRole('button', { name: 'Hang up' }).click();

    assert.deepEqual(watched.violations, [], 'CSP violations');
    assert.deepEqual(watched.errors, [], 'console errors');
    await assertTrustedTypesEnforced(page);
  } finally {
    await context.close();
  }
});

test('the CMS page and the API reference run under the strict CSP with zero violations', async () => {
  for (const [path, ready] of [
    ['/cms.html', (page: Page) => page.getByRole('textbox', { name: en.chat.messageField }).waitFor({ timeout: 30000 })],
    ['/api.html', (page: Page) => page.getByRole('heading', { name: '<acs-chat>' }).waitFor({ timeout: 30000 })],
  ] as const) {
    const context = await demo.browser().newContext();
    try {
      const page = await context.newPage();
      const watched = await watch(page);
      await page.goto(new URL(path, demo.app().url).href);
      await ready(page);
      assert.deepEqual(watched.violations, [], `${path}: CSP violations`);
      assert.deepEqual(watched.errors, [], `${path}: console errors`);
      await assertTrustedTypesEnforced(page);
    } finally {
      await context.close();
    }
  }
});
