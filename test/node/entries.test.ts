import assert from 'node:assert/strict';
import { test } from 'node:test';

// SSR frameworks, Vitest and Next.js import packages in Node: no entry may touch the DOM at load.
for (const entry of ['acs-elements', 'acs-elements/chat.js', 'acs-elements/call.js', 'acs-elements/dialpad.js', 'acs-elements/testing']) {
  test(`importing ${entry} in Node needs no window or document`, async () => {
    const module = await import(entry);
    assert.ok(Object.keys(module).length > 0, `${entry} exports nothing`);
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });
}

test('the package root exports the three element classes', async () => {
  const { AcsChat, AcsCall, AcsDialpad, ERROR_CODES } = await import('acs-elements');
  for (const element of [AcsChat, AcsCall, AcsDialpad]) assert.equal(typeof element, 'function');
  assert.ok(ERROR_CODES.includes('token-provider-failed'));
});
