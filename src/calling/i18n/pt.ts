import type { CallingStrings } from './calling-strings.js';

export const pt: CallingStrings = {
  gettingReady: 'Preparando…',
  duration: 'Duração da chamada',
  endHungUp: 'Você saiu da chamada.',
  endRemoteHungUp: 'A outra pessoa desligou.',
  endDeclined: 'A chamada foi recusada.',
  endNoAnswer: 'Ninguém atendeu.',
  endBusy: 'A linha estava ocupada.',
  endRemoved: 'Você foi removido da chamada.',
  endNetwork: 'A chamada foi encerrada porque a conexão caiu.',
  endNotReachable: 'Não foi possível contatar a pessoa ou o número.',
  endNotAllowed: 'Esta chamada não é permitida para a sua conta.',
  endFailed: 'A chamada foi encerrada inesperadamente.',
  endRoomFull: 'Esta chamada está cheia.',
};
