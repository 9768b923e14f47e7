export * from './chat.js';
export * from './call.js';
export * from './dialpad.js';
export { AcsError, ERROR_CODES, type AcsErrorCode } from './core/errors.js';
export type {
  AcsCallEndedDetail,
  AcsCallStateChangedDetail,
  AcsConnectionChangedDetail,
  AcsDataReceivedDetail,
  AcsDialDetail,
  AcsDtmfDetail,
  AcsErrorDetail,
  AcsEventMap,
  AcsIncomingCallDetail,
  AcsMessageReceivedDetail,
  AcsMessageSentDetail,
  AcsParticipant,
  AcsParticipantsChangedDetail,
  AcsReadyDetail,
  AcsUnreadChangedDetail,
} from './core/events.js';
export type { AcsSession, SessionResponse, TokenProvider } from './core/session.js';
export type { AcsStrings, AcsStringOverrides } from './core/i18n/strings.js';
export type { AcsTheme } from './core/acs-element.js';
