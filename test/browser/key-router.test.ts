import { expect } from '@open-wc/testing';
import { routeKey, type DialpadMode, type KeyOrigin } from '../../src/dialpad/key-router.js';

const route = (key: string, origin: KeyOrigin, mode: DialpadMode, extra: Partial<KeyboardEventInit> = {}) =>
  routeKey({ key, repeat: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...extra }, origin, mode);

describe('routeKey (what a key does in the dial pad, without the DOM)', () => {
  it('dials on Enter, except on a focused button, and hangs up on Escape only during its own call', () => {
    expect(route('Enter', 'field', 'entry')).to.equal('dial');
    expect(route('Enter', 'button', 'entry')).to.equal(undefined);
    expect(route('Escape', 'other', 'own-call')).to.equal('hang-up');
    expect(route('Escape', 'other', 'entry')).to.equal(undefined);
  });

  it('lets the field type digits itself, but presses them anywhere else and during a call', () => {
    expect(route('5', 'field', 'entry')).to.equal('typed');
    expect(route('5', 'other', 'entry')).to.equal('press');
    expect(route('#', 'field', 'own-call')).to.equal('press');
    expect(route('5', 'other', 'linked', { repeat: true }), 'a held key repeats nothing').to.equal('held');
    expect(route('5', 'field', 'entry', { repeat: true }), 'the field repeats it itself').to.equal(undefined);
  });

  it('edits the number from outside the field with + and Backspace, only while entering it', () => {
    expect(route('+', 'other', 'entry')).to.equal('plus');
    expect(route('Backspace', 'button', 'entry')).to.equal('backspace');
    expect(route('Backspace', 'field', 'entry')).to.equal(undefined);
    expect(route('Backspace', 'other', 'own-call')).to.equal(undefined);
  });

  it('leaves shortcuts, IME input and the country selector alone', () => {
    expect(route('5', 'other', 'entry', { ctrlKey: true })).to.equal(undefined);
    expect(route('Enter', 'other', 'entry', { isComposing: true })).to.equal(undefined);
    expect(route('5', 'select', 'entry')).to.equal(undefined);
  });
});
