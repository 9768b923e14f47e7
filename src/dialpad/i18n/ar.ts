import { ar as calling } from '../../calling/i18n/ar.js';
import { ar as shared } from '../../core/i18n/ar.js';
import type { DialpadTable } from './dialpad-strings.js';

export const ar: DialpadTable = {
  ...shared,
  call: calling,
  dialpad: {
    label: 'لوحة الاتصال',
    number: 'رقم الهاتف',
    country: 'البلد أو المنطقة',
    keypad: 'لوحة المفاتيح',
    keyWithLetters: '{digit} {letters}',
    star: 'النجمة',
    pound: 'المربع',
    zeroKey: '0، اضغط مطولًا لإدخال علامة +',
    backspace: 'حذف (اضغط مطولًا لمسح الرقم)',
    call: 'اتصال',
    addToCall: 'إضافة إلى المكالمة',
    hangUp: 'إنهاء المكالمة',
    mute: 'كتم الصوت',
    hold: 'تعليق',
    keyTones: 'نغمات المفاتيح',
    dialing: 'جارٍ الاتصال…',
    ringing: 'جارٍ الرنين…',
    connected: 'متصل',
    onHold: 'قيد الانتظار',
    ended: 'انتهت المكالمة',
    empty: 'أدخل رقم هاتف.',
    tooShort: 'هذا الرقم قصير جدًا.',
    tooLong: 'هذا الرقم طويل جدًا.',
    invalid: 'رقم الهاتف هذا غير صالح.',
    invalidCountry: 'رمز البلد غير معروف. ابدأ الأرقام الدولية بعلامة + ثم رمز البلد.',
    noNumberInPaste: 'لا يوجد رقم هاتف في النص الملصق.',
    extension: 'الرقم الداخلي {digits}، يُطلب بعد الاتصال',
    removeExtension: 'إزالة الرقم الداخلي',
  },
};
