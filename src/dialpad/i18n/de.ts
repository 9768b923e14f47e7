import { de as calling } from '../../calling/i18n/de.js';
import { de as shared } from '../../core/i18n/de.js';
import type { DialpadTable } from './dialpad-strings.js';

export const de: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'Wähltastatur',
    number: 'Telefonnummer',
    country: 'Land oder Region',
    keypad: 'Tastenfeld',
    keyWithLetters: '{digit} {letters}',
    star: 'Stern',
    pound: 'Raute',
    zeroKey: '0, gedrückt halten für Plus',
    backspace: 'Löschen (gedrückt halten, um alles zu löschen)',
    call: 'Anrufen',
    addToCall: 'Zum Anruf hinzufügen',
    hangUp: 'Auflegen',
    mute: 'Stummschalten',
    hold: 'Halten',
    keyTones: 'Tastentöne',
    dialing: 'Wird angerufen…',
    ringing: 'Es klingelt…',
    connected: 'Verbunden',
    onHold: 'Gehalten',
    ended: 'Anruf beendet',
    empty: 'Geben Sie eine Telefonnummer ein.',
    tooShort: 'Diese Nummer ist zu kurz.',
    tooLong: 'Diese Nummer ist zu lang.',
    invalid: 'Das ist keine gültige Telefonnummer.',
    invalidCountry: 'Unbekannte Ländervorwahl. Beginnen Sie internationale Nummern mit + und der Ländervorwahl.',
    noNumberInPaste: 'Im eingefügten Text ist keine Telefonnummer.',
    extension: 'Durchwahl {digits}, gewählt nach dem Verbinden',
    removeExtension: 'Durchwahl entfernen',
  },
};
