import { isDialKey, type DialKey } from './dtmf.js';

/** What the keys do: type the number, send tones into this pad's call, or into the `for` element's call. */
export type DialpadMode = 'entry' | 'own-call' | 'linked';

/** Where a key was typed: the number field, the country selector, a button, or anywhere else in the pad. */
export type KeyOrigin = 'field' | 'select' | 'button' | 'other';

export type KeyAction =
  | { readonly kind: 'hang-up' }
  | { readonly kind: 'dial' }
  /** A key of the keypad: it flashes; the field types it itself (`typesIntoField`), else the pad presses it. */
  | { readonly kind: 'key'; readonly key: DialKey; readonly typesIntoField: boolean }
  | { readonly kind: 'plus' }
  | { readonly kind: 'backspace' };

export interface KeyRoute {
  /** The browser must not do its own thing with the key (type it into the field, say). */
  readonly preventDefault: boolean;
  /** What the pad does; undefined for a held key's repeats. */
  readonly action: KeyAction | undefined;
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>;

/**
 * What a key typed anywhere in the dial pad does: Escape hangs up the pad's own call, Enter dials,
 * the keypad's keys type the number or send tones, and `+` and Backspace edit the number from
 * outside its field. Undefined when the pad leaves the key alone (shortcuts, a select, IME input).
 */
export function routeKey(press: KeyPress, origin: KeyOrigin, mode: DialpadMode): KeyRoute | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return undefined;
  // A select takes letters and digits to pick an option.
  if (origin === 'select') return undefined;
  const { key } = press;
  if (key === 'Escape') return mode === 'own-call' ? { preventDefault: true, action: { kind: 'hang-up' } } : undefined;
  // A focused button does its own thing on Enter.
  if (key === 'Enter') return origin === 'button' ? undefined : { preventDefault: true, action: { kind: 'dial' } };
  if (isDialKey(key)) {
    // The field types the number itself, but the keys send tones during a call.
    const typesIntoField = origin === 'field' && mode !== 'own-call';
    return { preventDefault: !typesIntoField, action: press.repeat ? undefined : { kind: 'key', key, typesIntoField } };
  }
  if (mode === 'entry' && origin !== 'field' && (key === '+' || key === 'Backspace')) {
    return { preventDefault: true, action: { kind: key === '+' ? 'plus' : 'backspace' } };
  }
  return undefined;
}
