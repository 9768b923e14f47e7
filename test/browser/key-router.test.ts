import { expect } from '@open-wc/testing';
import { routeKey, type DialpadMode, type KeyOrigin } from '../../src/dialpad/key-router.js';

const key = (name: string, extra: Partial<KeyboardEventInit> = {}) => ({ key: name, repeat: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...extra });
const route = (name: string, origin: KeyOrigin, mode: DialpadMode, extra: Partial<KeyboardEventInit> = {}) => routeKey(key(name, extra), origin, mode);

describe('routeKey (what a key does in the dial pad, without the DOM)', () => {
  it('dials on Enter, except on a focused button, and hangs up on Escape only during its own call', () => {
    expect(route('Enter', 'field', 'entry')).to.deep.equal({ preventDefault: true, action: { kind: 'dial' } });
    expect(route('Enter', 'button', 'entry')).to.equal(undefined);
    expect(route('Escape', 'other', 'own-call')).to.deep.equal({ preventDefault: true, action: { kind: 'hang-up' } });
    expect(route('Escape', 'other', 'entry')).to.equal(undefined);
  });

  it('lets the field type digits itself, but presses them anywhere else and during a call', () => {
    expect(route('5', 'field', 'entry')).to.deep.equal({ preventDefault: false, action: { kind: 'key', key: '5', typesIntoField: true } });
    expect(route('5', 'other', 'entry')).to.deep.equal({ preventDefault: true, action: { kind: 'key', key: '5', typesIntoField: false } });
    expect(route('#', 'field', 'own-call')).to.deep.equal({ preventDefault: true, action: { kind: 'key', key: '#', typesIntoField: false } });
    expect(route('5', 'other', 'linked', { repeat: true }), 'a held key repeats nothing').to.deep.equal({ preventDefault: true, action: undefined });
  });

  it('edits the number from outside the field with + and Backspace, only while entering it', () => {
    expect(route('+', 'other', 'entry')).to.deep.equal({ preventDefault: true, action: { kind: 'plus' } });
    expect(route('Backspace', 'button', 'entry')).to.deep.equal({ preventDefault: true, action: { kind: 'backspace' } });
    expect(route('Backspace', 'field', 'entry')).to.equal(undefined);
    expect(route('Backspace', 'other', 'own-call')).to.equal(undefined);
  });

  it('leaves shortcuts, IME input and the country selector alone', () => {
    expect(route('5', 'other', 'entry', { ctrlKey: true })).to.equal(undefined);
    expect(route('Enter', 'other', 'entry', { isComposing: true })).to.equal(undefined);
    expect(route('5', 'select', 'entry')).to.equal(undefined);
  });
});
