import { en as calling } from '../../calling/i18n/en.js';
import { en as shared } from '../../core/i18n/en.js';
import type { DialpadTable } from './dialpad-strings.js';

export const en: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'Dial pad',
    number: 'Phone number',
    country: 'Country or region',
    keypad: 'Keypad',
    keyWithLetters: '{digit} {letters}',
    star: 'Star',
    pound: 'Pound',
    zeroKey: '0, hold for plus',
    backspace: 'Delete (hold to clear)',
    call: 'Call',
    addToCall: 'Add to call',
    hangUp: 'Hang up',
    mute: 'Mute',
    hold: 'Hold',
    keyTones: 'Key tones',
    dialing: 'Calling…',
    ringing: 'Ringing…',
    connected: 'Connected',
    onHold: 'On hold',
    ended: 'Call ended',
    empty: 'Enter a phone number.',
    tooShort: 'This number is too short.',
    tooLong: 'This number is too long.',
    invalid: 'This is not a valid phone number.',
    invalidCountry: 'Unknown country code. Start international numbers with + and the country code.',
    noNumberInPaste: 'No phone number in the pasted text.',
    extension: 'Extension {digits}, dialled once connected',
    removeExtension: 'Remove extension',
  },
};
