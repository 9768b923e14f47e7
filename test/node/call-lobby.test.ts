import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../browser/support/strings.js';
import { useDemoApp } from './support/demo-app.js';
import { openRealSdkLobby, readMarks, waitForMark } from './support/real-sdk-lobby.js';

const demo = useDemoApp();

test('with the real SDK and no network, the lobby shows a live preview and the devices before the SDK has loaded or its DeviceManager is ready', async () => {
  const context = await demo.browser().newContext({ permissions: ['camera', 'microphone'] });
  try {
    const page = await openRealSdkLobby(context, demo.app().url);
    const lobby = page.locator('acs-call');
    await waitForMark(page, 'acs-call:preview-playing', 15000);
    const preview = lobby.getByRole('region').locator('video').first();
    assert.ok((await preview.evaluate((video: HTMLVideoElement) => video.videoWidth)) > 0, 'the preview has no picture');
    const cameras = await lobby.getByLabel(en.call.camera).locator('option').allTextContents();
    const microphones = await lobby.getByLabel(en.call.microphone).locator('option').allTextContents();
    assert.ok(
      cameras.some((name) => name.includes('fake_device_0')),
      `cameras: ${cameras.join(',')}`,
    );
    assert.ok(microphones.length >= 2, `microphones: ${microphones.join(',')}`);
    assert.equal(await lobby.getByRole('button', { name: en.call.gettingReady }).isDisabled(), true);

    await waitForMark(page, 'acs:calling-sdk-loaded', 60000);
    await waitForMark(page, 'acs-call:device-manager-ready', 30000);
    const at = await readMarks(page);
    for (const shown of ['acs-call:preview-playing', 'acs-call:browser-devices-listed']) {
      assert.ok(at[shown] < at['acs:calling-sdk-loaded'], `${shown} at ${at[shown]} ms, SDK loaded at ${at['acs:calling-sdk-loaded']} ms`);
      assert.ok(at[shown] < at['acs-call:device-manager-ready'], `${shown} after the DeviceManager`);
    }
    assert.ok(at['acs-call:first-paint'] < at['acs-call:preview-playing']);
    assert.ok(at['acs-call:first-paint'] < at['acs:calling-sdk-loaded'], 'the lobby shell waited for the SDK');
    console.log(
      `lobby: first paint ${Math.round(at['acs-call:first-paint'])} ms, preview ${Math.round(at['acs-call:preview-playing'])} ms, SDK loaded ${Math.round(at['acs:calling-sdk-loaded'])} ms, DeviceManager ${Math.round(at['acs-call:device-manager-ready'])} ms`,
    );
  } finally {
    await context.close();
  }
});

test("with the SDK's config service answered, as an online page sees it, the join button is enabled once the call agent exists", async () => {
  const context = await demo.browser().newContext({ permissions: ['camera', 'microphone'] });
  try {
    // The SDK only takes a config answer that has an ETag and an expiry, readable across origins.
    await context.route(/^https:\/\/ecs\.communication\.microsoft\.com\//, (route) =>
      route.fulfill({
        contentType: 'application/json',
        headers: {
          ETag: '"acs-elements-test"',
          Expires: new Date(Date.now() + 3600_000).toUTCString(),
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': 'ETag, Expires',
        },
        body: '{}',
      }),
    );
    const page = await openRealSdkLobby(context, demo.app().url);
    const join = page.locator('acs-call').getByRole('button', { name: en.call.join });
    await join.waitFor({ timeout: 60000 });
    assert.equal(await join.isEnabled(), true);
    const at = await readMarks(page);
    assert.ok(at['acs-call:agent-ready'] > at['acs:calling-sdk-loaded']);
    console.log(`join enabled: SDK loaded ${Math.round(at['acs:calling-sdk-loaded'])} ms, agent ready ${Math.round(at['acs-call:agent-ready'])} ms`);
  } finally {
    await context.close();
  }
});

test('with the camera denied, the lobby explains how to fix it and joining works with audio only', async () => {
  // Chromium is launched without --use-fake-ui-for-media-stream: only what the context grants is allowed.
  const context = await demo.browser().newContext({ permissions: ['microphone'] });
  try {
    // The demo page itself, served by the server: in emulator mode the call's signalling is a WebSocket to this
    // loopback server, which Chromium's local-network checks refuse to a page Playwright made up (a public origin to it).
    const page = await context.newPage();
    await page.goto(new URL('/', demo.app().url).href);
    const call = page.locator('acs-call');
    await call.getByRole('alert').filter({ hasText: en.call.cameraDenied }).waitFor({ timeout: 15000 });
    assert.equal(await call.getByRole('button', { name: en.call.turnCameraOff }).isDisabled(), true);
    const join = call.getByRole('button', { name: en.call.join });
    await join.waitFor();
    await page.waitForFunction(() => {
      const button = [...document.querySelector('acs-call')!.shadowRoot!.querySelectorAll('button')].find(
        (candidate) => candidate.textContent.trim() === 'Join now',
      );
      return button && !button.disabled;
    });
    await join.click();
    await call.getByRole('button', { name: en.call.hangUp }).waitFor({ timeout: 15000 });
    await call.locator('[part="call-status"]', { hasText: en.call.connected }).waitFor({ timeout: 15000 });
    assert.equal(await call.getByRole('button', { name: en.call.mute }).getAttribute('aria-pressed'), 'false', 'the microphone is on (not muted)');
    assert.equal(await call.getByRole('button', { name: en.call.turnCameraOff }).getAttribute('aria-pressed'), 'true', 'the camera is off');
  } finally {
    await context.close();
  }
});
