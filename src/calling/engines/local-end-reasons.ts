import type { CallEndReason } from '@azure/communication-calling';

/**
 * End reasons of calls between browsers that ACS's tables have no exact row for. Each keeps the
 * SIP-like code whose meaning is closest, so `callEndKind` reads them as ACS's would.
 */
export const localEndReasons = {
  /** The room already holds 8 (a mesh of browsers stops there): SIP's 486, "busy here", with the emulator's own subcode. */
  roomFull: { code: 486, subCode: 4868 },
  /** The 1:1 call this user tried to enter was not theirs (answered elsewhere, or never rang them). */
  notInvited: { code: 403, subCode: 0 },
  /** Nobody answered the 1:1 call within 30 seconds. */
  noAnswer: { code: 480, subCode: 0 },
} as const satisfies Record<string, CallEndReason>;
