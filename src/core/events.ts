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
}

export interface AcsMessageSentDetail {
  messageId: string;
  content: string;
}

export interface AcsMessageReceivedDetail {
  messageId: string;
  senderId: string;
  senderDisplayName: string;
  content: string;
}

export interface AcsUnreadChangedDetail {
  count: number;
}

export interface AcsConnectionChangedDetail {
  status: 'connected' | 'reconnecting' | 'offline';
}

export interface AcsCallStateChangedDetail {
  /** The SDK's call state: `Connecting`, `Ringing`, `Connected`, `LocalHold`, `RemoteHold`, `InLobby`, `Disconnecting`, `Disconnected`, … */
  state: string;
}

export interface AcsIncomingCallDetail {
  /** Raw id of the caller (`8:acs:…`, `4:+1…`). */
  from: string;
  displayName: string;
}

export interface AcsCallEndedDetail {
  /** Why, in plain words: `hung-up`, `remote-hung-up`, `declined`, `no-answer`, `busy`, `removed`, `network`, `not-reachable`, `not-allowed`, `failed`. */
  reason: string;
  /** ACS's call end code and subcode, for support. */
  code: number;
  subCode: number;
  durationSeconds: number;
}

export interface AcsParticipant {
  id: string;
  displayName: string;
}

export interface AcsParticipantsChangedDetail {
  participants: AcsParticipant[];
  joined: AcsParticipant[];
  left: AcsParticipant[];
}

export interface AcsDataReceivedDetail {
  /** Raw id of the sender. */
  from: string;
  data: Uint8Array;
  /** The data as text when it is valid UTF-8. */
  text: string | undefined;
}

export interface AcsDialDetail {
  /** E.164. */
  phoneNumber: string;
}

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
  // Typed `addEventListener('acs-…')` on any element.
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface HTMLElementEventMap extends AcsCustomEvents {}
}
