import type { CallingStrings, CallingTable } from './i18n/calling-strings.js';
import type { ActiveCallState } from './active-call.js';
import type { CallEndReason } from './call-engine.js';

/** Why a call ended, in the words a person understands. Part of `acs-call-ended`'s detail. */
export type CallEndKind =
  'hung-up' | 'remote-hung-up' | 'declined' | 'no-answer' | 'busy' | 'room-full' | 'removed' | 'network' | 'not-reachable' | 'not-allowed' | 'failed';

/** ACS sends 0/5300 when another participant removed this user from the call. */
const REMOVED_SUBCODES = new Set([5300, 5310]);
/** 486/4868: the emulator's call between browsers is full (`localEndReasons.roomFull`); ACS has no such call. */
const ROOM_FULL_SUBCODE = 4868;
/** 0/560000: the phone at the other end hung up (ACS's PSTN codes). */
const REMOTE_HUNG_UP_SUBCODES = new Set([560000]);

/**
 * Maps ACS's SIP-like `code` (and the `subCode` where it alone tells the story) to a reason.
 * See "Understanding calling codes and subcodes errors" in the ACS troubleshooting docs.
 */
export function callEndKind(reason: CallEndReason | undefined): CallEndKind {
  if (!reason) return 'failed';
  const { code, subCode = 0 } = reason;
  if (code === 0) return REMOVED_SUBCODES.has(subCode) ? 'removed' : REMOTE_HUNG_UP_SUBCODES.has(subCode) ? 'remote-hung-up' : 'hung-up';
  if (code === 487) return 'hung-up';
  if (code === 603) return 'declined';
  if (code === 486 || code === 600) return subCode === ROOM_FULL_SUBCODE ? 'room-full' : 'busy';
  if (code === 408 || code === 480) return 'no-answer';
  if (code === 404 || code === 484 || code === 604) return 'not-reachable';
  if (code === 401 || code === 403) return 'not-allowed';
  // 490, 491 and 496–498 are the client's own network failing; 410 a call dropped by it.
  if (code === 410 || (code >= 490 && code <= 499) || code === 503 || code === 504) return 'network';
  return 'failed';
}

const END_TEXT: Record<CallEndKind, keyof CallingStrings> = {
  'hung-up': 'endHungUp',
  'remote-hung-up': 'endRemoteHungUp',
  declined: 'endDeclined',
  'no-answer': 'endNoAnswer',
  busy: 'endBusy',
  'room-full': 'endRoomFull',
  removed: 'endRemoved',
  network: 'endNetwork',
  'not-reachable': 'endNotReachable',
  'not-allowed': 'endNotAllowed',
  failed: 'endFailed',
};

/** The sentence that tells a person why their call ended. */
export function callEndText(kind: CallEndKind, strings: CallingTable): string {
  return strings.call[END_TEXT[kind]];
}

/** How a call ended: the detail of `acs-call-ended`, and what the end screens show. */
export interface CallEndedView {
  readonly reason: CallEndKind;
  readonly code: number;
  readonly subCode: number;
  readonly durationSeconds: number;
}

export function callEndedView({ endReason, connectedAt }: ActiveCallState): CallEndedView {
  return {
    reason: callEndKind(endReason),
    code: endReason?.code ?? 0,
    subCode: endReason?.subCode ?? 0,
    durationSeconds: connectedAt === undefined ? 0 : Math.round((Date.now() - connectedAt) / 1000),
  };
}
