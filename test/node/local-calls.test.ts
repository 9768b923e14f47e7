import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';

// Issue 17's acceptance: real calls between browser contexts (each its own user) on one `npm start`,
// media on Chromium's own WebRTC with fake devices, the emulator as signalling server.

let app: RunningApp;
let browser: Browser;

before(async () => {
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });
  // The fake UI answers the screen picker too, with a synthetic screen.
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--use-fake-ui-for-media-stream'] });
});
after(async () => {
  await browser.close();
  await app.close();
});

interface Visitor {
  context: BrowserContext;
  page: Page;
  userId: string;
}

/**
 * A user in a browser context of their own, on a page with one `<acs-call>` with `attributes`
 * (a page of the demo server's origin: the signalling socket is same-origin, as in `npm start`).
 */
async function visitor(attributes: Record<string, string>): Promise<Visitor> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  await context.addInitScript(() => {
    // Every track the page captures, to check that leaving a call releases them.
    const captured: MediaStreamTrack[] = [];
    Object.assign(window, { capturedTracks: captured });
    for (const name of ['getUserMedia', 'getDisplayMedia'] as const) {
      const original = navigator.mediaDevices[name].bind(navigator.mediaDevices);
      navigator.mediaDevices[name] = async (constraints?: MediaStreamConstraints) => {
        const stream = await original(constraints);
        captured.push(...stream.getTracks());
        return stream;
      };
    }
  });
  const page = await context.newPage();
  await page.goto(new URL('/api.html', app.url).href);
  await page.evaluate((attributes) => {
    // Built node by node: the demo pages' CSP requires Trusted Types for HTML strings.
    const call = document.createElement('acs-call');
    for (const [name, value] of Object.entries({ 'token-url': '/api/session', style: 'height: 480px', ...attributes })) call.setAttribute(name, value);
    document.body.replaceChildren(call);
    const received: string[] = [];
    Object.assign(window, { received });
    document.body.addEventListener('acs-data-received', (event) => received.push((event as CustomEvent<{ text: string }>).detail.text));
  }, attributes);
  // Imported rather than added as a script tag: the demo pages' CSP requires Trusted Types for script URLs.
  await page.evaluate(async () => {
    const url = '/dist/cdn/acs-call.js';
    await import(url);
  });
  const { userId } = await page.evaluate(() => document.querySelector<HTMLElement & { whenReady(): Promise<{ userId: string }> }>('acs-call')!.whenReady());
  return { context, page, userId };
}

async function inGroup(groupId: string, attributes: Record<string, string> = {}): Promise<Visitor> {
  const joining = await visitor({ 'group-id': groupId, ...attributes });
  await joining.page.getByRole('button', { name: 'Join now' }).click();
  return joining;
}

/** Resolves when the page shows `count` remote tiles with playing video; the milliseconds it took. */
async function remoteVideos(page: Page, count: number, timeout = 5000): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(
    (count) => {
      const root = document.querySelector('acs-call')?.shadowRoot;
      const videos = [...(root?.querySelectorAll<HTMLVideoElement>('[part~="video-tile"]:not([part~="self-tile"]) video') ?? [])];
      return videos.filter((video) => video.videoWidth > 0).length === count;
    },
    count,
    { timeout, polling: 100 },
  );
  return Date.now() - started;
}

const remoteTile = (page: Page) => page.locator('[part~="video-tile"]:not([part~="self-tile"])');

test('two users in one group see each other on video; mute and screen share show on the other side', async () => {
  const groupId = crypto.randomUUID();
  const [ana, ben] = await Promise.all([inGroup(groupId), inGroup(groupId)]);
  try {
    const took = await Promise.all([remoteVideos(ana.page, 1), remoteVideos(ben.page, 1)]);
    console.log(`# remote video playing after ${Math.max(...took)} ms`);

    await ana.page.getByRole('button', { name: 'Mute microphone' }).click();
    const mutedAt = Date.now();
    await remoteTile(ben.page).getByRole('img', { name: 'Muted' }).waitFor({ timeout: 1000 });
    console.log(`# mute seen on the other side after ${Date.now() - mutedAt} ms`);

    await ana.page.getByRole('button', { name: 'Share screen' }).click();
    await ben.page.waitForFunction(
      () => (document.querySelector('acs-call')?.shadowRoot?.querySelector<HTMLVideoElement>('[part~="screen-share"] video')?.videoWidth ?? 0) > 0,
      undefined,
      { timeout: 5000 },
    );
  } finally {
    await Promise.all([ana.context.close(), ben.context.close()]);
  }
});

test('sendData from one arrives as acs-data-received on the other, all 100 in order', async () => {
  const groupId = crypto.randomUUID();
  const [ana, ben] = await Promise.all([inGroup(groupId), inGroup(groupId)]);
  try {
    await Promise.all([remoteVideos(ana.page, 1), remoteVideos(ben.page, 1)]);
    await ana.page.evaluate(async () => {
      const call = document.querySelector<HTMLElement & { sendData(text: string): Promise<void> }>('acs-call')!;
      for (let index = 0; index < 100; index++) await call.sendData(`message ${index}`);
    });
    await ben.page.waitForFunction(() => (window as unknown as { received: string[] }).received.length >= 100, undefined, { timeout: 5000 });
    const received = await ben.page.evaluate(() => (window as unknown as { received: string[] }).received);
    assert.deepEqual(
      received,
      Array.from({ length: 100 }, (_, index) => `message ${index}`),
    );
  } finally {
    await Promise.all([ana.context.close(), ben.context.close()]);
  }
});

test('a 1:1 call by raw id rings the other user: declined, the caller is told; accepted, both are connected with media', async () => {
  const callee = await visitor({ incoming: '' });
  const caller = await visitor({ callee: callee.userId });
  try {
    const ringing = callee.page.evaluate(() => new Promise((resolve) => document.body.addEventListener('acs-incoming-call', resolve, { once: true })));
    await caller.page.getByRole('button', { name: 'Start call' }).click();
    await ringing;
    await callee.page.getByRole('button', { name: 'Decline' }).click();
    await caller.page.locator('[part~="end-screen"]').getByText('The call was declined.').waitFor({ timeout: 5000 });

    await caller.page.getByRole('button', { name: 'Rejoin' }).click();
    await callee.page.getByRole('button', { name: 'Accept with video' }).click({ timeout: 5000 });
    await Promise.all([remoteVideos(caller.page, 1), remoteVideos(callee.page, 1)]);
    for (const { page } of [caller, callee])
      assert.equal(await page.evaluate(() => document.querySelector<HTMLElement & { callState?: string }>('acs-call')!.callState), 'Connected');
  } finally {
    await Promise.all([caller.context.close(), callee.context.close()]);
  }
});

test('a closing tab leaves the call: the other sees it within 5 s, and its camera and microphone are released', async () => {
  const groupId = crypto.randomUUID();
  const [ana, ben] = await Promise.all([inGroup(groupId), inGroup(groupId)]);
  try {
    await Promise.all([remoteVideos(ana.page, 1), remoteVideos(ben.page, 1)]);
    const liveKinds = await ben.page.evaluate(() =>
      (window as unknown as { capturedTracks: MediaStreamTrack[] }).capturedTracks.filter((track) => track.readyState === 'live').map((track) => track.kind),
    );
    assert.deepEqual([...new Set(liveKinds)].sort(), ['audio', 'video'], 'the call uses the camera and the microphone');
    const closedAt = Date.now();
    // `pagehide` is what a closing tab gets; the tracks are read after it, before the context goes.
    await ben.page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    await ben.page.waitForFunction(
      () => (window as unknown as { capturedTracks: MediaStreamTrack[] }).capturedTracks.every((track) => track.readyState === 'ended'),
      undefined,
      { timeout: 2000 },
    );
    await ben.context.close();
    await remoteTile(ana.page).waitFor({ state: 'detached', timeout: 5000 });
    console.log(`# the other side saw the closed tab leave after ${Date.now() - closedAt} ms`);
  } finally {
    await Promise.all([ana.context.close(), ben.context.close()]);
  }
});

test('four users in one group: everyone sees three remote tiles', async () => {
  const groupId = crypto.randomUUID();
  // Lean on a 2-core machine: cameras off, so four browsers do not encode and decode twelve videos.
  const visitors = await Promise.all(Array.from({ length: 4 }, () => inGroup(groupId, { camera: 'off' })));
  try {
    await Promise.all(visitors.map(({ page }) => expectCount(remoteTile(page), 3)));
  } finally {
    await Promise.all(visitors.map(({ context }) => context.close()));
  }
});

async function expectCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) assert.fail(`expected ${count} remote tiles, saw ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the demo page invites the demo bot: it joins the group call on synthetic video', async () => {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  try {
    const page = await context.newPage();
    await page.goto(app.url);
    // A group of its own, so that no other test's call is joined.
    await page.locator('#call').evaluate((call, groupId) => call.setAttribute('group-id', groupId), crypto.randomUUID());
    await page.locator('#call').getByRole('button', { name: 'Join now' }).click();
    await page.getByRole('button', { name: 'Invite the demo bot to the call' }).click();
    await remoteVideos(page, 1, 10_000);
    await remoteTile(page).getByText('Demo bot').waitFor();
  } finally {
    await context.close();
  }
});
