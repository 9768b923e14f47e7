import type { CallingStrings } from './calling-strings.js';

export const de: CallingStrings = {
  gettingReady: 'Wird vorbereitet…',
  duration: 'Anrufdauer',
  endHungUp: 'Sie haben den Anruf verlassen.',
  endRemoteHungUp: 'Die andere Person hat aufgelegt.',
  endDeclined: 'Der Anruf wurde abgelehnt.',
  endNoAnswer: 'Es hat niemand abgenommen.',
  endBusy: 'Die Leitung war besetzt.',
  endRemoved: 'Sie wurden aus dem Anruf entfernt.',
  endNetwork: 'Der Anruf wurde beendet, weil die Verbindung unterbrochen wurde.',
  endNotReachable: 'Die Person oder Nummer war nicht erreichbar.',
  endNotAllowed: 'Dieser Anruf ist für Ihr Konto nicht zulässig.',
  endFailed: 'Der Anruf wurde unerwartet beendet.',
  endRoomFull: 'Dieser Anruf ist voll.',
};
