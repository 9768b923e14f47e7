import type { AcsErrorCode } from '../errors.js';

/**
 * Every visible string and accessible name of the elements. A locale supplies all of them;
 * the `strings` property of an element overrides any subset.
 */
export interface AcsStrings {
  /** Shown while the element signs in and loads its SDK. */
  connecting: string;
  /** The button that retries after an error. */
  retry: string;
  /** Heading of the error panel. */
  errorTitle: string;
  /** Follows an error that the service explained; `{reason}` is its own words. */
  serviceSaid: string;
  /** Follows an unreachable `token-url` on another origin; `{origin}` is this page's. */
  crossOriginHint: string;
  /** One readable sentence per error code; `token-url` errors may use `{url}`, `{status}` and `{origin}`. */
  errors: Record<AcsErrorCode, string>;
  chat: {
    label: string;
    /** The button that shows who is in the thread; `{count}` people. */
    participants: string;
    /** Beside a participant who is typing. */
    typingNow: string;
    /** Label of the text field. */
    messageField: string;
    placeholder: string;
    send: string;
    save: string;
    cancel: string;
    edit: string;
    delete: string;
    retry: string;
    sending: string;
    /** An own message waiting for the connection to come back. */
    queued: string;
    failed: string;
    /** An own message someone else has read. */
    read: string;
    edited: string;
    deleted: string;
    reconnecting: string;
    offline: string;
    loadingOlder: string;
    startOfConversation: string;
    /** `{count}` unread messages below the visible part. */
    newMessages: string;
    typingOne: string;
    typingTwo: string;
    typingMany: string;
    joined: string;
    left: string;
    topicChanged: string;
    /** Hint under the field: Enter sends, Shift+Enter starts a new line. */
    keyboardHint: string;
    editingHint: string;
    /** Why a message cannot be sent: it is over ACS's 28 KB limit. */
    tooLong: string;
    /** Under the field while its text is over the limit; `{count}` bytes too many. */
    overLimit: string;
    /** Under the field near the limit; `{count}` bytes left. */
    remaining: string;
    /** Drops a failed message. */
    discard: string;
    /** The button that opens an own message's actions (edit, delete). */
    more: string;
    /** The banner above the field while a sent message is edited. */
    editing: string;
    /** Beside the signed-in user in the participants list. */
    you: string;
  };
  call: {
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
    /** The join button, before the call agent exists. */
    gettingReady: string;
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
    /** Accessible name of the call timer. */
    duration: string;
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
    endHungUp: string;
    /** The other side of a one-to-one or phone call hung up. */
    endRemoteHungUp: string;
    endDeclined: string;
    endNoAnswer: string;
    endBusy: string;
    endRemoved: string;
    endNetwork: string;
    endNotReachable: string;
    endNotAllowed: string;
    endFailed: string;
    /** A call between browsers in the emulator already holds the most it can. */
    endRoomFull: string;
    /** Heading of the keyboard shortcut list. */
    shortcuts: string;
    shortcutMute: string;
    shortcutCamera: string;
    shortcutHangUp: string;
  };
  dialpad: {
    label: string;
    /** Label of the number field. */
    number: string;
    country: string;
    /** Accessible name of the group of keys. */
    keypad: string;
    /** A digit key's name: `{digit}` and its `{letters}`. */
    keyWithLetters: string;
    star: string;
    pound: string;
    /** The 0 key: a long press types +. */
    zeroKey: string;
    /** The backspace key; a long press clears the number. */
    backspace: string;
    call: string;
    /** The call button inside a running `<acs-call>` (`for` attribute). */
    addToCall: string;
    hangUp: string;
    /** The mute toggle (pressed: muted). */
    mute: string;
    /** The hold toggle (pressed: on hold). */
    hold: string;
    /** Toggle for the local key-press tones. */
    keyTones: string;
    /** Status line under the number called, by call state (the duration follows). */
    dialing: string;
    ringing: string;
    connected: string;
    onHold: string;
    ended: string;
    /** Validation messages. */
    empty: string;
    tooShort: string;
    tooLong: string;
    invalid: string;
    invalidCountry: string;
    /** A paste with no phone number in it (the field keeps what it had). */
    noNumberInPaste: string;
    /** Under the number: the `{digits}` of an extension pasted with it, sent as tones once the call connects. */
    extension: string;
    /** The button that drops that extension. */
    removeExtension: string;
  };
}

/** A partial table, for the `strings` property. */
export type AcsStringOverrides = Partial<Omit<AcsStrings, 'errors' | 'chat' | 'call' | 'dialpad'>> & {
  errors?: Partial<AcsStrings['errors']>;
  chat?: Partial<AcsStrings['chat']>;
  call?: Partial<AcsStrings['call']>;
  dialpad?: Partial<AcsStrings['dialpad']>;
};

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a typo shows. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** Applies `overrides` on top of `base`, one level deep for the grouped tables. */
export function withOverrides(base: AcsStrings, overrides: AcsStringOverrides | undefined): AcsStrings {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    errors: { ...base.errors, ...overrides.errors },
    chat: { ...base.chat, ...overrides.chat },
    call: { ...base.call, ...overrides.call },
    dialpad: { ...base.dialpad, ...overrides.dialpad },
  };
}
