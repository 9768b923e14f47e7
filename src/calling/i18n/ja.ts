import type { CallingStrings } from './calling-strings.js';

export const ja: CallingStrings = {
  gettingReady: '準備しています…',
  duration: '通話時間',
  endHungUp: '通話から退出しました。',
  endRemoteHungUp: '相手が通話を終了しました。',
  endDeclined: '通話が拒否されました。',
  endNoAnswer: '応答がありませんでした。',
  endBusy: '話し中でした。',
  endRemoved: '通話から削除されました。',
  endNetwork: '接続が切断されたため、通話が終了しました。',
  endNotReachable: '相手または番号に接続できませんでした。',
  endNotAllowed: 'このアカウントではこの通話は許可されていません。',
  endFailed: '通話が予期せず終了しました。',
  endRoomFull: 'この通話は満員です。',
};
