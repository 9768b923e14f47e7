import type { CallSession } from './call-session.js';
import { ROOM_CAPACITY, type Member, type MemberState, type RoomKey, type ServerMessage } from './protocol.js';

interface Seat {
  session: CallSession;
  state: MemberState;
}

/**
 * Who is in which room, and the relaying between them. A member is a user: the same user joining
 * again from another tab takes the seat over, as a second device would be the same person here.
 */
export class CallRooms {
  private readonly rooms = new Map<RoomKey, Map<string, Seat>>();

  /** Seats `session` in `room` and tells everyone; false when the room is full. */
  join(session: CallSession, room: RoomKey, state: MemberState): boolean {
    let seats = this.rooms.get(room);
    const previous = seats?.get(session.userId);
    if (previous && previous.session !== session) this.leave(previous.session, room, 'replaced', true);
    seats = this.rooms.get(room);
    if (!seats) this.rooms.set(room, (seats = new Map<string, Seat>()));
    const rejoining = seats.get(session.userId)?.session === session;
    if (!rejoining && seats.size >= ROOM_CAPACITY) {
      session.send({ type: 'join-failed', room, reason: 'room-full' });
      return false;
    }
    const members = [...seats.entries()].filter(([userId]) => userId !== session.userId).map(([userId, seat]) => ({ userId, state: seat.state }));
    seats.set(session.userId, { session, state });
    session.rooms.add(room);
    session.send({ type: 'joined', room, members });
    if (!rejoining) this.broadcast(room, session.userId, { type: 'member-joined', room, member: { userId: session.userId, state } });
    return true;
  }

  /** Takes `session` out of `room`; `tellItself` when it did not ask (replaced by a newer tab). */
  leave(session: CallSession, room: RoomKey, reason: 'left' | 'dropped' | 'replaced', tellItself = false): void {
    const seats = this.rooms.get(room);
    if (seats?.get(session.userId)?.session !== session) return;
    seats.delete(session.userId);
    session.rooms.delete(room);
    if (seats.size === 0) this.rooms.delete(room);
    if (tellItself) session.send({ type: 'member-left', room, userId: session.userId, reason });
    this.broadcast(room, session.userId, { type: 'member-left', room, userId: session.userId, reason });
  }

  leaveAll(session: CallSession, reason: 'left' | 'dropped'): void {
    for (const room of [...session.rooms]) this.leave(session, room, reason);
  }

  setState(session: CallSession, room: RoomKey, state: MemberState): void {
    const seat = this.rooms.get(room)?.get(session.userId);
    if (seat?.session !== session) return;
    seat.state = state;
    this.broadcast(room, session.userId, { type: 'member-state', room, userId: session.userId, state });
  }

  /** Passes an SDP description or ICE candidate to one member of a room both are in. */
  relay(session: CallSession, room: RoomKey, to: string, payload: unknown): void {
    const seats = this.rooms.get(room);
    if (seats?.get(session.userId)?.session !== session) return;
    seats.get(to)?.session.send({ type: 'signal', room, from: session.userId, payload });
  }

  members(room: RoomKey): Member[] {
    return [...(this.rooms.get(room)?.entries() ?? [])].map(([userId, seat]) => ({ userId, state: seat.state }));
  }

  private broadcast(room: RoomKey, except: string, message: ServerMessage): void {
    for (const [userId, seat] of this.rooms.get(room) ?? []) if (userId !== except) seat.session.send(message);
  }
}
