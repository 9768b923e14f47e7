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
