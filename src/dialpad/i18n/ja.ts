import { ja as calling } from '../../calling/i18n/ja.js';
import { ja as shared } from '../../core/i18n/ja.js';
import type { DialpadTable } from './dialpad-strings.js';

export const ja: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'ダイヤルパッド',
    number: '電話番号',
    country: '国または地域',
    keypad: 'キーパッド',
    keyWithLetters: '{digit} {letters}',
    star: '米印',
    pound: 'シャープ',
    zeroKey: '0（長押しで +）',
    backspace: '削除（長押しですべて消去）',
    call: '発信',
    addToCall: '通話に追加',
    hangUp: '通話を終了',
    mute: 'ミュート',
    hold: '保留',
    keyTones: 'キー操作音',
    dialing: '発信しています…',
    ringing: '呼び出し中…',
    connected: '通話中',
    onHold: '保留中',
    ended: '通話が終了しました',
    empty: '電話番号を入力してください。',
    tooShort: '番号が短すぎます。',
    tooLong: '番号が長すぎます。',
    invalid: '有効な電話番号ではありません。',
    invalidCountry: '国番号が不明です。国際電話番号は + と国番号で始めてください。',
    noNumberInPaste: '貼り付けたテキストに電話番号がありません。',
    extension: '内線 {digits} (接続後にダイヤル)',
    removeExtension: '内線を削除',
  },
};
