import type { AcsErrorCode } from './errors.js';

/** Detail of `acs-ready`: the element is connected and usable. */
export interface AcsReadyDetail {
  /** The ACS user id (raw id, `8:acs:…`) the element signed in as. */
  userId: string;
}

/** Detail of `acs-error`. Never contains a token. */
export interface AcsErrorDetail {
  code: AcsErrorCode;
  /** A readable message in the element's language. */
  message: string;
  /** The HTTP status a failed request was answered with (a `token-url` failure). */
  status?: number;
  /** The URL of a failed request, without its query string. */
  url?: string;
  /** The underlying error's own message (an SDK's, a network failure's), for developers; never a token. */
  cause?: string;
}

/** Detail of `acs-message-sent`: the service accepted a message this user sent. */
export interface AcsMessageSentDetail {
  /** The service's id of the new message. */
  messageId: string;
  /** The message as sent. */
  content: string;
}

/** Detail of `acs-message-received`: someone else's message arrived. */
export interface AcsMessageReceivedDetail {
  messageId: string;
  senderId: string;
  senderDisplayName: string;
  content: string;
}

/** Detail of `acs-unread-changed`. */
export interface AcsUnreadChangedDetail {
  /** Messages from others this user has not seen yet. */
  count: number;
}

/** Detail of `acs-connection-changed`: the chat's real-time connection. */
export interface AcsConnectionChangedDetail {
  status: 'connected' | 'reconnecting' | 'offline';
}

/** Detail of `acs-call-state-changed`. */
export interface AcsCallStateChangedDetail {
  /** The SDK's call state: `Connecting`, `Ringing`, `Connected`, `LocalHold`, `RemoteHold`, `InLobby`, `Disconnecting`, `Disconnected`, … */
  state: string;
}

/** Detail of `acs-incoming-call`: someone is calling this user. */
export interface AcsIncomingCallDetail {
  /** Raw id of the caller (`8:acs:…`, `4:+1…`). */
  from: string;
  displayName: string;
}

/** Detail of `acs-call-ended`. */
export interface AcsCallEndedDetail {
  /** Why, in plain words: `hung-up`, `remote-hung-up`, `declined`, `no-answer`, `busy`, `room-full` (emulator mode: a call between browsers holds 8), `removed`, `network`, `not-reachable`, `not-allowed`, `failed`. */
  reason: string;
  /** ACS's call end code and subcode, for support. */
  code: number;
  subCode: number;
  durationSeconds: number;
}

/** A person in a call. */
export interface AcsParticipant {
  id: string;
  displayName: string;
}

/** Detail of `acs-participants-changed`: who is in the call now, and who joined or left. */
export interface AcsParticipantsChangedDetail {
  participants: AcsParticipant[];
  joined: AcsParticipant[];
  left: AcsParticipant[];
}

/** Detail of `acs-data-received`: a message on the call's data channel. */
export interface AcsDataReceivedDetail {
  /** Raw id of the sender. */
  from: string;
  data: Uint8Array;
  /** The data as text when it is valid UTF-8. */
  text: string | undefined;
}

/** Detail of `acs-dial`: the dial pad is calling a number. */
export interface AcsDialDetail {
  /** E.164. */
  phoneNumber: string;
}

/** Detail of `acs-dtmf`: a key tone sent during a call. */
export interface AcsDtmfDetail {
  /** The SDK's tone name: `Num0`…`Num9`, `Star`, `Pound`. */
  tone: string;
}

/** Every `acs-*` event an element may dispatch, with the type of its `detail`. */
export interface AcsEventMap {
  'acs-ready': AcsReadyDetail;
  'acs-error': AcsErrorDetail;
  'acs-message-sent': AcsMessageSentDetail;
  'acs-message-received': AcsMessageReceivedDetail;
  'acs-unread-changed': AcsUnreadChangedDetail;
  'acs-connection-changed': AcsConnectionChangedDetail;
  'acs-call-state-changed': AcsCallStateChangedDetail;
  'acs-incoming-call': AcsIncomingCallDetail;
  'acs-call-ended': AcsCallEndedDetail;
  'acs-participants-changed': AcsParticipantsChangedDetail;
  'acs-data-received': AcsDataReceivedDetail;
  'acs-dial': AcsDialDetail;
  'acs-dtmf': AcsDtmfDetail;
}

/**
 * Dispatches a typed `acs-*` CustomEvent that crosses shadow roots (`bubbles` + `composed`),
 * so a page can listen on the element or on any ancestor.
 */
export function emit<K extends keyof AcsEventMap>(target: EventTarget, name: K, detail: AcsEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}

type AcsCustomEvents = { [K in keyof AcsEventMap]: CustomEvent<AcsEventMap[K]> };

declare global {
  // Typed `addEventListener('acs-…')` on elements, documents and windows: the events are
  // composed and bubble, so any ancestor hears them. HTMLElementEventMap, DocumentEventMap and
  // WindowEventMap all extend this map.
  interface GlobalEventHandlersEventMap extends AcsCustomEvents {}
  // A listener on a shadow root (a page's own component around the element) uses this map.
  interface ShadowRootEventMap extends AcsCustomEvents {}
}
