import { isDialKey } from './dtmf.js';

/** What the keys do: type the number, send tones into this pad's call, or into the `for` element's call. */
export type DialpadMode = 'entry' | 'own-call' | 'linked';

/** Where a key was typed: the number field, the country selector, a button, or anywhere else in the pad. */
export type KeyOrigin = 'field' | 'select' | 'button' | 'other';

/**
 * What a key does in the pad. All but `typed` take the key from the browser (no default action):
 * - `hang-up` (Escape), `dial` (Enter), `plus` and `backspace` (editing the number from outside its field);
 * - `press`: a keypad key pressed from the keyboard: it flashes and acts as a click on it would;
 * - `typed`: a keypad key the number field types itself: it only flashes and sounds;
 * - `held`: a keypad key's repeats, which do nothing.
 */
export type KeyAction = 'hang-up' | 'dial' | 'plus' | 'backspace' | 'press' | 'typed' | 'held';

type KeyPress = Pick<KeyboardEvent, 'key' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>;

/**
 * What a key typed anywhere in the dial pad does: Escape hangs up the pad's own call, Enter dials,
 * the keypad's keys type the number or send tones, and `+` and Backspace edit the number from
 * outside its field. Undefined when the pad leaves the key alone (shortcuts, a select, IME input).
 */
export function routeKey(press: KeyPress, origin: KeyOrigin, mode: DialpadMode): KeyAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return undefined;
  // A select takes letters and digits to pick an option.
  if (origin === 'select') return undefined;
  const { key } = press;
  if (key === 'Escape') return mode === 'own-call' ? 'hang-up' : undefined;
  // A focused button does its own thing on Enter.
  if (key === 'Enter') return origin === 'button' ? undefined : 'dial';
  if (isDialKey(key)) {
    // The field types the number itself, but the keys send tones during a call.
    const typesIntoField = origin === 'field' && mode !== 'own-call';
    if (press.repeat) return typesIntoField ? undefined : 'held';
    return typesIntoField ? 'typed' : 'press';
  }
  if (mode === 'entry' && origin !== 'field' && (key === '+' || key === 'Backspace')) return key === '+' ? 'plus' : 'backspace';
  return undefined;
}
