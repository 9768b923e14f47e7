import type { CallingStrings } from './calling-strings.js';

export const en: CallingStrings = {
  gettingReady: 'Getting ready…',
  duration: 'Call duration',
  endHungUp: 'You left the call.',
  endRemoteHungUp: 'The other person hung up.',
  endDeclined: 'The call was declined.',
  endNoAnswer: 'No one answered.',
  endBusy: 'The line was busy.',
  endRemoved: 'You were removed from the call.',
  endNetwork: 'The call ended because the connection was lost.',
  endNotReachable: 'The person or number could not be reached.',
  endNotAllowed: 'This call is not allowed for your account.',
  endFailed: 'The call ended unexpectedly.',
  endRoomFull: 'This call is full.',
};
