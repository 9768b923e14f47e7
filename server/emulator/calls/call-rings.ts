import type { CallRooms } from './call-rooms.js';
import type { CallSession } from './call-session.js';
import { RING_TIMEOUT_MS, type MemberState } from './protocol.js';

interface Ring {
  caller: CallSession;
  callee: string;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * 1:1 calls by raw id: the caller waits in the call's room (`call:<callId>`) while every tab of the
 * callee rings; one tab accepts (the others stop ringing) or declines, the caller may cancel, and
 * nobody answering ends it after `RING_TIMEOUT_MS`.
 */
export class CallRings {
  private readonly rings = new Map<string, Ring>();

  constructor(
    private readonly rooms: CallRooms,
    /** The live sessions of a user: every tab they have open rings. */
    private readonly sessionsOf: (userId: string) => CallSession[],
    private readonly timeoutMs = RING_TIMEOUT_MS,
  ) {}

  ring(caller: CallSession, callId: string, callee: string, displayName: string | undefined, state: MemberState): void {
    if (this.rings.has(callId) || this.rooms.members(roomOf(callId)).length > 0) {
      caller.send({ type: 'error', message: `Call ${callId} exists already.` });
      return;
    }
    this.rooms.join(caller, roomOf(callId), state);
    const timer = setTimeout(() => this.end(callId, 'no-answer'), this.timeoutMs);
    timer.unref();
    this.rings.set(callId, { caller, callee, timer });
    for (const session of this.sessionsOf(callee)) session.send({ type: 'incoming', callId, from: caller.userId, ...(displayName && { displayName }) });
  }

  cancel(session: CallSession, callId: string): void {
    const ring = this.rings.get(callId);
    if (ring?.caller !== session) return;
    this.stop(callId, ring);
    this.rooms.leave(session, roomOf(callId), 'left');
    this.tellCallee(ring, callId, 'canceled');
  }

  accept(session: CallSession, callId: string, state: MemberState): void {
    const ring = this.rings.get(callId);
    if (ring?.callee !== session.userId) {
      session.send({ type: 'join-failed', room: roomOf(callId), reason: 'not-invited' });
      return;
    }
    this.stop(callId, ring);
    this.tellCallee(ring, callId, 'answered-elsewhere', session);
    this.rooms.join(session, roomOf(callId), state);
  }

  decline(session: CallSession, callId: string): void {
    const ring = this.rings.get(callId);
    if (ring?.callee !== session.userId) return;
    this.stop(callId, ring);
    // The callee's other tabs stop ringing too: the person said no.
    this.tellCallee(ring, callId, 'canceled', session);
    ring.caller.send({ type: 'call-ended', callId, reason: 'declined' });
    this.rooms.leave(ring.caller, roomOf(callId), 'left');
  }

  /** A caller gone for good gives up its rings. */
  sessionGone(session: CallSession): void {
    for (const [callId, ring] of this.rings) if (ring.caller === session) this.cancel(session, callId);
  }

  close(): void {
    for (const ring of this.rings.values()) clearTimeout(ring.timer);
    this.rings.clear();
  }

  private end(callId: string, reason: 'no-answer'): void {
    const ring = this.rings.get(callId);
    if (!ring) return;
    this.stop(callId, ring);
    this.tellCallee(ring, callId, reason);
    ring.caller.send({ type: 'call-ended', callId, reason });
    this.rooms.leave(ring.caller, roomOf(callId), 'left');
  }

  private stop(callId: string, ring: Ring): void {
    clearTimeout(ring.timer);
    this.rings.delete(callId);
  }

  private tellCallee(ring: Ring, callId: string, reason: 'canceled' | 'no-answer' | 'answered-elsewhere', except?: CallSession): void {
    for (const session of this.sessionsOf(ring.callee)) if (session !== except) session.send({ type: 'ring-ended', callId, reason });
  }
}

/** The room of a 1:1 call: only its caller and the callee who accepted sit in it. */
export function roomOf(callId: string): string {
  return `call:${callId}`;
}
