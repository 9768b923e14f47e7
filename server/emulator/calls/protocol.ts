/*
 * The emulator's call signalling protocol: JSON text frames over one WebSocket per call agent, at
 * `SIGNALLING_PATH` on the server's origin. The browser's local call engine
 * (`src/calling/engines/local-*.ts`) speaks it; media never passes through here, only what two
 * browsers need to find each other (SDP and ICE candidates) and what they show of each other.
 *
 * A socket first says `hello` with an emulator token of `voip` scope (browsers cannot set headers
 * on a WebSocket, so the token travels in the first frame, never in the URL where logs keep it).
 * `welcome` names the session: saying `hello` again with `resume` set to it within
 * `RESUME_WINDOW_MS` of a dropped socket takes the session back, rooms and all.
 */

export const SIGNALLING_PATH = '/emulator/calling';
/** A session whose socket dropped stays in its rooms this long, waiting for it to come back. */
export const RESUME_WINDOW_MS = 5000;
/** A mesh of browsers: each sends its media to every other, so a room stops at 8. */
export const ROOM_CAPACITY = 8;
/** A 1:1 call nobody answers stops ringing after this long. */
export const RING_TIMEOUT_MS = 30_000;

/** What a member shows the others besides media: sent on join and on every change. */
export interface MemberState {
  displayName?: string;
  muted: boolean;
  handRaised: boolean;
  /** The camera is sent (on the video sender the `streams.camera` stream names). */
  video: boolean;
  screenSharing: boolean;
  /** The ids of the `MediaStream`s the camera and the screen are sent in, so a receiver tells them apart. */
  streams: { camera: string; screen: string };
}

export interface Member {
  userId: string;
  state: MemberState;
}

/** A room is a group call (`group:<id>`), an ACS Room (`room:<id>`) or a 1:1 call (`call:<callId>`, joined by ringing). */
export type RoomKey = string;

export type ClientMessage =
  | { type: 'hello'; token: string; resume?: string }
  | { type: 'join'; room: RoomKey; state: MemberState }
  | { type: 'leave'; room: RoomKey }
  | { type: 'state'; room: RoomKey; state: MemberState }
  /** An SDP description or ICE candidate for one member, relayed as it is. */
  | { type: 'signal'; room: RoomKey; to: string; payload: unknown }
  | { type: 'ring'; callId: string; to: string; displayName?: string; state: MemberState }
  | { type: 'cancel'; callId: string }
  | { type: 'accept'; callId: string; state: MemberState }
  | { type: 'decline'; callId: string };

export type ServerMessage =
  | { type: 'welcome'; session: string; userId: string; resumed: boolean; iceServers: unknown[] }
  | { type: 'joined'; room: RoomKey; members: Member[] }
  | { type: 'join-failed'; room: RoomKey; reason: 'room-full' | 'not-invited' }
  | { type: 'member-joined'; room: RoomKey; member: Member }
  | { type: 'member-left'; room: RoomKey; userId: string; reason: 'left' | 'dropped' | 'replaced' }
  | { type: 'member-state'; room: RoomKey; userId: string; state: MemberState }
  | { type: 'signal'; room: RoomKey; from: string; payload: unknown }
  | { type: 'incoming'; callId: string; from: string; displayName?: string }
  /** The ringing stopped on the callee's side: the caller gave up, nobody answered, or another tab took it. */
  | { type: 'ring-ended'; callId: string; reason: 'canceled' | 'no-answer' | 'answered-elsewhere' }
  /** The caller's call ended before it was answered. */
  | { type: 'call-ended'; callId: string; reason: 'declined' | 'no-answer' }
  | { type: 'error'; message: string };

const ROOM_KEY = /^(group|room|call):[\w.~-]{1,200}$/;

/** Reads a client frame; undefined for anything that is not one (the sender gets an `error`). */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const fields = message as Record<string, unknown>;
  const nonEmpty = (name: string) => {
    const value = fields[name];
    return typeof value === 'string' && value.length > 0 && value.length <= 8192;
  };
  const room = () => typeof fields.room === 'string' && ROOM_KEY.test(fields.room);
  const state = () => isMemberState(fields.state);
  const valid: Record<string, () => boolean> = {
    hello: () => nonEmpty('token'),
    join: () => room() && state(),
    leave: room,
    state: () => room() && state(),
    signal: () => room() && nonEmpty('to') && fields.payload !== undefined,
    ring: () => nonEmpty('callId') && nonEmpty('to') && state(),
    cancel: () => nonEmpty('callId'),
    accept: () => nonEmpty('callId') && state(),
    decline: () => nonEmpty('callId'),
  };
  const check = typeof fields.type === 'string' ? valid[fields.type] : undefined;
  return check?.() ? (message as ClientMessage) : undefined;
}

function isMemberState(value: unknown): value is MemberState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const streams = (typeof state.streams === 'object' && state.streams !== null ? state.streams : {}) as Record<string, unknown>;
  return (
    typeof state.muted === 'boolean' &&
    typeof state.handRaised === 'boolean' &&
    typeof state.video === 'boolean' &&
    typeof state.screenSharing === 'boolean' &&
    (state.displayName === undefined || (typeof state.displayName === 'string' && state.displayName.length <= 256)) &&
    typeof streams.camera === 'string' &&
    typeof streams.screen === 'string'
  );
}
