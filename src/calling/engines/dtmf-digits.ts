import type { DtmfTone } from '@azure/communication-calling';

/** What each tone dials, as a phone participant reads it back. */
export const DTMF_DIGITS: Record<DtmfTone, string> = {
  Num0: '0',
  Num1: '1',
  Num2: '2',
  Num3: '3',
  Num4: '4',
  Num5: '5',
  Num6: '6',
  Num7: '7',
  Num8: '8',
  Num9: '9',
  Star: '*',
  Pound: '#',
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  Flash: 'Flash',
};
