import type { CallEndReason } from '@azure/communication-calling';

/**
 * The `callEndReason`s ACS documents for what the fake simulates, from "Troubleshooting call end
 * response codes" (learn.microsoft.com/azure/communication-services/resources/troubleshooting/
 * voice-video-calling/troubleshooting-codes): its calling-SDK and PSTN tables.
 */
export const callEndReasons = {
  /** This user hung up. */
  hungUp: { code: 0, subCode: 0 },
  /** The phone at the other end hung up. */
  remotePhoneHungUp: { code: 0, subCode: 560000 },
  /** Another participant removed this one from the call. */
  removed: { code: 0, subCode: 5300 },
  /** The callee declined. */
  declined: { code: 603, subCode: 0 },
  /** The caller gave up before the call was answered. */
  callerCanceled: { code: 487, subCode: 0 },
  /** The dialled number was busy. */
  phoneBusy: { code: 486, subCode: 560486 },
  /** Nobody answered the dialled number. */
  phoneNoAnswer: { code: 480, subCode: 560480 },
  /** The call dropped: the client's network failed. */
  networkLost: { code: 410, subCode: 3101 },
  /** A phone number was called without `alternateCallerId`. */
  missingAlternateCallerId: { code: 403, subCode: 510403 },
} as const satisfies Record<string, CallEndReason>;
