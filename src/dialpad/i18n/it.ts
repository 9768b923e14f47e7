import { it as calling } from '../../calling/i18n/it.js';
import { it as shared } from '../../core/i18n/it.js';
import type { DialpadTable } from './dialpad-strings.js';

export const it: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'Tastierino',
    number: 'Numero di telefono',
    country: 'Paese o area geografica',
    keypad: 'Tasti',
    keyWithLetters: '{digit} {letters}',
    star: 'Asterisco',
    pound: 'Cancelletto',
    zeroKey: '0, tieni premuto per il segno più',
    backspace: 'Elimina (tieni premuto per cancellare tutto)',
    call: 'Chiama',
    addToCall: 'Aggiungi alla chiamata',
    hangUp: 'Riaggancia',
    mute: 'Disattiva audio',
    hold: 'Metti in attesa',
    keyTones: 'Toni dei tasti',
    dialing: 'Chiamata in corso…',
    ringing: 'Squillo in corso…',
    connected: 'In linea',
    onHold: 'In attesa',
    ended: 'Chiamata terminata',
    empty: 'Inserisci un numero di telefono.',
    tooShort: 'Questo numero è troppo corto.',
    tooLong: 'Questo numero è troppo lungo.',
    invalid: 'Questo numero di telefono non è valido.',
    invalidCountry: 'Prefisso internazionale sconosciuto. Inizia i numeri internazionali con + e il prefisso del paese.',
    noNumberInPaste: 'Nessun numero di telefono nel testo incollato.',
    extension: 'Interno {digits}, composto dopo la connessione',
    removeExtension: 'Rimuovi interno',
  },
};
