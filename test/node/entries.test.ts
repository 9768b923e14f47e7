import assert from 'node:assert/strict';
import { test } from 'node:test';

// SSR frameworks, Vitest and Next.js import packages in Node: no entry may touch the DOM at load.
for (const entry of ['acs-elements', 'acs-elements/chat.js', 'acs-elements/call.js', 'acs-elements/dialpad.js', 'acs-elements/react', 'acs-elements/testing']) {
  test(`importing ${entry} in Node needs no window or document`, async () => {
    const module = (await import(entry)) as Record<string, unknown>;
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

test('acs-elements/react exports a React component per element', async () => {
  const { AcsChat, AcsCall, AcsDialpad } = await import('acs-elements/react');
  for (const component of [AcsChat, AcsCall, AcsDialpad]) assert.equal(typeof component, 'object', 'not a forwardRef component');
  assert.equal(AcsChat.displayName, 'AcsChat');
});
