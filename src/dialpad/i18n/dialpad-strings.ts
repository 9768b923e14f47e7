import type { CallingTable } from '../../calling/i18n/calling-strings.js';

/** The `dialpad` group of the tables: what only `<acs-dialpad>` shows. */
export interface DialpadStrings {
  label: string;
  /** Label of the number field. */
  number: string;
  country: string;
  /** Accessible name of the group of keys. */
  keypad: string;
  /** A digit key's name: `{digit}` and its `{letters}`. */
  keyWithLetters: string;
  star: string;
  pound: string;
  /** The 0 key: a long press types +. */
  zeroKey: string;
  /** The backspace key; a long press clears the number. */
  backspace: string;
  call: string;
  /** The call button inside a running `<acs-call>` (`for` attribute). */
  addToCall: string;
  hangUp: string;
  /** The mute toggle (pressed: muted). */
  mute: string;
  /** The hold toggle (pressed: on hold). */
  hold: string;
  /** Toggle for the local key-press tones. */
  keyTones: string;
  /** Status line under the number called, by call state (the duration follows). */
  dialing: string;
  ringing: string;
  connected: string;
  onHold: string;
  ended: string;
  /** Validation messages. */
  empty: string;
  tooShort: string;
  tooLong: string;
  invalid: string;
  invalidCountry: string;
  /** A paste with no phone number in it (the field keeps what it had). */
  noNumberInPaste: string;
  /** Under the number: the `{digits}` of an extension pasted with it, sent as tones once the call connects. */
  extension: string;
  /** The button that drops that extension. */
  removeExtension: string;
}

declare module '../../core/i18n/strings.js' {
  interface AcsStrings {
    dialpad: DialpadStrings;
  }
}

export type DialpadTable = CallingTable & { dialpad: DialpadStrings };
