import type { CallingStrings } from './calling-strings.js';

export const ar: CallingStrings = {
  gettingReady: 'جارٍ التجهيز…',
  duration: 'مدة المكالمة',
  endHungUp: 'لقد غادرت المكالمة.',
  endRemoteHungUp: 'أنهى الطرف الآخر المكالمة.',
  endDeclined: 'تم رفض المكالمة.',
  endNoAnswer: 'لم يرد أحد.',
  endBusy: 'كان الخط مشغولًا.',
  endRemoved: 'تمت إزالتك من المكالمة.',
  endNetwork: 'انتهت المكالمة بسبب انقطاع الاتصال.',
  endNotReachable: 'تعذّر الوصول إلى الشخص أو الرقم.',
  endNotAllowed: 'هذه المكالمة غير مسموح بها لحسابك.',
  endFailed: 'انتهت المكالمة بشكل غير متوقع.',
  endRoomFull: 'هذه المكالمة ممتلئة.',
};
