import type { CallingStrings } from './calling-strings.js';

export const es: CallingStrings = {
  gettingReady: 'Preparando…',
  duration: 'Duración de la llamada',
  endHungUp: 'Saliste de la llamada.',
  endRemoteHungUp: 'La otra persona colgó.',
  endDeclined: 'Se rechazó la llamada.',
  endNoAnswer: 'Nadie respondió.',
  endBusy: 'La línea estaba ocupada.',
  endRemoved: 'Te quitaron de la llamada.',
  endNetwork: 'La llamada finalizó porque se perdió la conexión.',
  endNotReachable: 'No se pudo contactar con la persona o el número.',
  endNotAllowed: 'Esta llamada no está permitida para tu cuenta.',
  endFailed: 'La llamada finalizó de forma inesperada.',
  endRoomFull: 'Esta llamada está completa.',
};
