import type { CallingStrings } from './calling-strings.js';

// French typography: a no-break space (U+00A0) before “:” and inside « », none before “…”.

export const fr: CallingStrings = {
  gettingReady: 'Préparation…',
  duration: 'Durée de l’appel',
  endHungUp: 'Vous avez quitté l’appel.',
  endRemoteHungUp: 'Votre correspondant a raccroché.',
  endDeclined: 'L’appel a été refusé.',
  endNoAnswer: 'Personne n’a répondu.',
  endBusy: 'La ligne était occupée.',
  endRemoved: 'Vous avez été retiré de l’appel.',
  endNetwork: 'L’appel a pris fin, car la connexion a été perdue.',
  endNotReachable: 'La personne ou le numéro est injoignable.',
  endNotAllowed: 'Cet appel n’est pas autorisé pour votre compte.',
  endFailed: 'L’appel a pris fin de manière inattendue.',
  endRoomFull: 'Cet appel est complet.',
};
