/*
 * The frames of the emulator's call signalling, as `server/emulator/calls/protocol.ts` defines
 * them (the browser cannot import server code; that file is the reference).
 */

/** Where the emulator takes call signalling, on its own origin. */
export const SIGNALLING_PATH = '/emulator/calling';
/** The emulator keeps a dropped session's seats this long: reconnecting within it resumes. */
export const RESUME_WINDOW_MS = 5000;

/** What a member shows the others besides media. */
export interface MemberState {
  displayName?: string;
  muted: boolean;
  handRaised: boolean;
  video: boolean;
  screenSharing: boolean;
  /** The ids of the `MediaStream`s the camera and the screen are sent in. */
  streams: { camera: string; screen: string };
}

export interface Member {
  userId: string;
  state: MemberState;
}

/** What one browser sends another through the emulator: its SDP, an ICE candidate. */
export interface PeerSignal {
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit | null;
}

export type ClientMessage =
  | { type: 'hello'; token: string; resume?: string }
  | { type: 'join'; room: string; state: MemberState }
  | { type: 'leave'; room: string }
  | { type: 'state'; room: string; state: MemberState }
  | { type: 'signal'; room: string; to: string; payload: PeerSignal }
  | { type: 'ring'; callId: string; to: string; state: MemberState }
  | { type: 'cancel'; callId: string }
  | { type: 'accept'; callId: string; state: MemberState }
  | { type: 'decline'; callId: string };

export type ServerMessage =
  | { type: 'welcome'; session: string; userId: string; resumed: boolean; iceServers: RTCIceServer[] }
  | { type: 'joined'; room: string; members: Member[] }
  | { type: 'join-failed'; room: string; reason: 'room-full' | 'not-invited' }
  | { type: 'member-joined'; room: string; member: Member }
  | { type: 'member-left'; room: string; userId: string; reason: 'left' | 'dropped' | 'replaced' }
  | { type: 'member-state'; room: string; userId: string; state: MemberState }
  | { type: 'signal'; room: string; from: string; payload: PeerSignal }
  | { type: 'incoming'; callId: string; from: string; displayName?: string }
  | { type: 'ring-ended'; callId: string; reason: 'canceled' | 'no-answer' | 'answered-elsewhere' }
  | { type: 'call-ended'; callId: string; reason: 'declined' | 'no-answer' }
  | { type: 'error'; message: string };

/** The frames about one room, which its call handles. */
export type RoomMessage = Extract<ServerMessage, { room: string }>;
