import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { useDemoApp } from './support/demo-app.js';

const demo = useDemoApp();

/** A visitor in a browser context of their own (so a user of their own), on the CMS demo page. */
async function visitor(): Promise<Page> {
  const page = await (await demo.browser().newContext()).newPage();
  await page.goto(new URL('/cms.html', demo.app().url).href);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  return page;
}

const log = (page: Page) => page.getByRole('log');

test('two visitors in two browsers: a message from one appears for the other, and survives a reload', async () => {
  const [first, second] = await Promise.all([visitor(), visitor()]);
  const text = `A question across browsers ${Date.now()}`;

  await first.getByRole('textbox', { name: 'Message' }).fill(text);
  const sentAt = Date.now();
  await first.keyboard.press('Enter');
  await log(second).getByText(text, { exact: true }).waitFor({ timeout: 5000 });
  const latency = Date.now() - sentAt;
  console.log(`# message seen by the other browser after ${latency} ms`);

  // The demo bot answers in the same thread.
  await log(first).getByText(`You said: ${text}`).waitFor({ timeout: 5000 });

  await second.reload();
  await log(second).getByText(text, { exact: true }).waitFor({ timeout: 5000 });
  const lastBubbles = await log(second).locator('article').allTextContents();
  assert.ok(lastBubbles.at(-1)!.includes(`You said: ${text}`), 'the newest message is not at the bottom');
});

test("the page's live events come over ACS's own real-time protocol on the server's origin, never the emulator's private stream", async () => {
  const context = await demo.browser().newContext();
  const page = await context.newPage();
  const requests: { method: string; url: URL }[] = [];
  const sockets: URL[] = [];
  page.on('request', (request) => requests.push({ method: request.method(), url: new URL(request.url()) }));
  page.on('websocket', (socket) => sockets.push(new URL(socket.url())));
  await page.goto(new URL('/cms.html', demo.app().url).href);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const other = await visitor();
  const text = `Live over Trouter ${Date.now()}`;
  await other.getByRole('textbox', { name: 'Message' }).fill(text);
  await other.keyboard.press('Enter');
  await log(page).getByText(text, { exact: true }).waitFor({ timeout: 5000 });

  const origin = new URL(demo.app().url).origin;
  const on = (method: string, path: RegExp) =>
    requests.some((request) => request.method === method && request.url.origin === origin && path.test(request.url.pathname));
  assert.ok(on('GET', /^\/+chat\/config\/realTimeNotifications$/), 'no real-time configuration request');
  assert.ok(on('POST', /^\/v4\/a$/), 'no Trouter allocation');
  assert.ok(on('POST', /^\/v3\/registrations$/), 'no registrar request');
  const socketOrigin = (socket: URL) => `${socket.protocol.replace('ws', 'http')}//${socket.host}`;
  assert.ok(
    sockets.some((socket) => socketOrigin(socket) === origin && socket.pathname.startsWith('/socket.io/1/websocket/')),
    `no socket.io WebSocket on ${origin}: ${sockets.join(', ')}`,
  );
  assert.deepEqual(
    requests.filter((request) => request.url.pathname.endsWith('/emulator/realtime')).map((request) => request.url.href),
    [],
  );
  await context.close();
});
