import type { CallingStrings } from './calling-strings.js';

export const it: CallingStrings = {
  gettingReady: 'Preparazione…',
  duration: 'Durata della chiamata',
  endHungUp: 'Hai lasciato la chiamata.',
  endRemoteHungUp: 'L’altra persona ha riattaccato.',
  endDeclined: 'La chiamata è stata rifiutata.',
  endNoAnswer: 'Nessuna risposta.',
  endBusy: 'La linea era occupata.',
  endRemoved: 'Ti hanno rimosso dalla chiamata.',
  endNetwork: 'La chiamata è terminata perché la connessione si è interrotta.',
  endNotReachable: 'Impossibile raggiungere la persona o il numero.',
  endNotAllowed: 'Questa chiamata non è consentita per il tuo account.',
  endFailed: 'La chiamata è terminata in modo imprevisto.',
  endRoomFull: 'Questa chiamata è al completo.',
};
