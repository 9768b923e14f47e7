import type { CallStrings } from '../../calling/i18n/calling-strings.js';
import type { SharedStrings } from '../../core/i18n/strings.js';

declare module '../../calling/i18n/calling-strings.js' {
  interface CallStrings {
    label: string;
    /** Heading of the lobby. */
    lobbyTitle: string;
    /** Accessible name of the camera preview. */
    preview: string;
    cameraOff: string;
    /** Shown in the preview while the camera starts. */
    cameraStarting: string;
    camera: string;
    microphone: string;
    speaker: string;
    /** A device the browser gives no name: `{number}` counts them. */
    unnamedCamera: string;
    unnamedMicrophone: string;
    unnamedSpeaker: string;
    /** Accessible name of the microphone level meter. */
    microphoneLevel: string;
    /** Toggles: one name each, `aria-pressed` says the camera is off / the microphone is muted. */
    turnCameraOff: string;
    mute: string;
    join: string;
    /** The join button when the target is people rather than a meeting. */
    startCall: string;
    cameraDenied: string;
    microphoneDenied: string;
    cameraUnavailable: string;
    microphoneUnavailable: string;
    /** Live announcements and the status line, by call state. */
    connecting: string;
    ringing: string;
    inLobby: string;
    connected: string;
    onHold: string;
    reconnecting: string;
    hangUp: string;
    /** The button of the menu with hold, raise hand, device settings and shortcuts. */
    more: string;
    deviceSettings: string;
    shareScreen: string;
    hold: string;
    raiseHand: string;
    /** The participants button and list; `{count}` people in the call. */
    participants: string;
    /** Accessible name of the video gallery. */
    gallery: string;
    /** The last gallery tile when more people are in the call than fit: `{count}` not shown. */
    moreParticipants: string;
    /** This user's own tile; `{name}` is their display name. */
    you: string;
    muted: string;
    handRaised: string;
    /** `{name}` is sharing a screen. */
    sharingScreen: string;
    recording: string;
    transcribing: string;
    /** Announcements: `{name}` joined / left. */
    participantJoined: string;
    participantLeft: string;
    /** `{name}` is calling. */
    incomingCall: string;
    acceptVideo: string;
    acceptAudio: string;
    decline: string;
    ended: string;
    /** `{duration}` as m:ss or h:mm:ss. */
    endedAfter: string;
    rejoin: string;
    /** The end screen's way back to the lobby. */
    close: string;
    /** Heading of the keyboard shortcut list. */
    shortcuts: string;
    shortcutMute: string;
    shortcutCamera: string;
    shortcutHangUp: string;
  }
}

export type CallTable = SharedStrings & { call: CallStrings };
