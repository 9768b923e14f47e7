import type {
  AddPhoneNumberOptions,
  CallAgent,
  CallEndReason,
  CallerInfo,
  CallState,
  CallDirection,
  ConnectionStateChangedEvent,
  DataChannelCallFeature,
  DeviceManager,
  DominantSpeakersCallFeature,
  DtmfTone,
  GroupLocator,
  LocalVideoStream,
  RaiseHandCallFeature,
  RecordingCallFeature,
  RemoteParticipant,
  RemoteVideoStream,
  RoomLocator,
  TeamsMeetingLinkLocator,
  TranscriptionCallFeature,
} from '@azure/communication-calling';
import type { CommunicationIdentifier, CommunicationTokenCredential, PhoneNumberIdentifier } from '@azure/communication-common';

/*
 * The part of @azure/communication-calling the elements use, and nothing more. The real SDK's
 * objects are assignable to these types (checked in `sdk-engine.ts`) and the scripted engine in
 * `src/calling/engines/` implements them, so an SDK release that changes a member we use breaks the
 * build on both sides. Members are picked from the SDK's own declarations where they carry no
 * SDK class (classes have private fields, which no other implementation can match); events are
 * redeclared so their arguments are these narrow types too.
 */

/** A change notification without arguments, as the SDK sends for property changes. */
export type Changed = () => void;
/** The SDK's collection-updated event, over our narrow item type. */
export type Updated<T> = (args: { added: T[]; removed: T[] }) => void;

export type EngineRemoteVideoStream = Pick<RemoteVideoStream, 'id' | 'mediaStreamType' | 'isAvailable' | 'getMediaStream'> & {
  on(event: 'isAvailableChanged', listener: Changed): void;
  off(event: 'isAvailableChanged', listener: Changed): void;
};

export type EngineRemoteParticipant = Pick<RemoteParticipant, 'identifier' | 'displayName' | 'state' | 'isMuted' | 'isSpeaking' | 'callEndReason'> & {
  readonly videoStreams: readonly EngineRemoteVideoStream[];
  on(event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged', listener: Changed): void;
  on(event: 'videoStreamsUpdated', listener: Updated<EngineRemoteVideoStream>): void;
  off(event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged', listener: Changed): void;
  off(event: 'videoStreamsUpdated', listener: Updated<EngineRemoteVideoStream>): void;
};

/** A camera or screen stream sent by this user; built from a `MediaStream` the element already holds. */
export type EngineLocalVideoStream = Pick<LocalVideoStream, 'mediaStreamType' | 'getMediaStream' | 'setMediaStream' | 'dispose'>;

export interface EngineJoinOptions {
  videoOptions?: { localVideoStreams?: EngineLocalVideoStream[] };
  audioOptions?: { muted?: boolean };
}

export interface EngineStartCallOptions extends EngineJoinOptions {
  /** Required for calls to phone numbers: an ACS-acquired number. */
  alternateCallerId?: PhoneNumberIdentifier;
}

/** The call events the elements listen to. */
export type EngineCallChange = 'stateChanged' | 'idChanged' | 'isMutedChanged' | 'isScreenSharingOnChanged' | 'isLocalVideoStartedChanged';

export interface EngineCall {
  readonly id: string;
  readonly state: CallState;
  readonly direction: CallDirection;
  readonly callEndReason?: CallEndReason;
  readonly callerInfo: CallerInfo;
  readonly isMuted: boolean;
  readonly isScreenSharingOn: boolean;
  readonly isLocalVideoStarted: boolean;
  readonly remoteParticipants: readonly EngineRemoteParticipant[];
  readonly localVideoStreams: readonly EngineLocalVideoStream[];
  hangUp(options?: { forEveryone: boolean }): Promise<void>;
  mute(): Promise<void>;
  unmute(): Promise<void>;
  hold(): Promise<void>;
  resume(): Promise<void>;
  sendDtmf(tone: DtmfTone): Promise<void>;
  startVideo(stream: EngineLocalVideoStream): Promise<void>;
  stopVideo(stream: EngineLocalVideoStream): Promise<void>;
  startScreenSharing(): Promise<void>;
  stopScreenSharing(): Promise<void>;
  addParticipant(identifier: PhoneNumberIdentifier, options?: AddPhoneNumberOptions): EngineRemoteParticipant;
  on(event: EngineCallChange, listener: Changed): void;
  on(event: 'remoteParticipantsUpdated', listener: Updated<EngineRemoteParticipant>): void;
  off(event: EngineCallChange, listener: Changed): void;
  off(event: 'remoteParticipantsUpdated', listener: Updated<EngineRemoteParticipant>): void;
}

export interface EngineIncomingCall {
  readonly id: string;
  readonly callerInfo: CallerInfo;
  accept(options?: EngineJoinOptions): Promise<EngineCall>;
  reject(): Promise<void>;
  on(event: 'callEnded', listener: (args: { callEndReason: CallEndReason }) => void): void;
  off(event: 'callEnded', listener: (args: { callEndReason: CallEndReason }) => void): void;
}

export type EngineCallLocator = GroupLocator | TeamsMeetingLinkLocator | RoomLocator;

export type EngineCallAgent = Pick<CallAgent, 'connectionState' | 'dispose'> & {
  readonly calls: readonly EngineCall[];
  startCall(participants: CommunicationIdentifier[], options?: EngineStartCallOptions): EngineCall;
  join(locator: EngineCallLocator, options?: EngineJoinOptions): EngineCall;
  on(event: 'incomingCall', listener: (args: { incomingCall: EngineIncomingCall }) => void): void;
  on(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  off(event: 'incomingCall', listener: (args: { incomingCall: EngineIncomingCall }) => void): void;
  off(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
};

export type EngineDeviceManager = Pick<
  DeviceManager,
  | 'getCameras'
  | 'getMicrophones'
  | 'getSpeakers'
  | 'selectMicrophone'
  | 'selectSpeaker'
  | 'selectedMicrophone'
  | 'selectedSpeaker'
  | 'isSpeakerSelectionAvailable'
>;

export interface EngineCallClient {
  createCallAgent(credential: CommunicationTokenCredential, options?: { displayName?: string }): Promise<EngineCallAgent>;
  getDeviceManager(): Promise<EngineDeviceManager>;
  dispose(): Promise<void>;
}

export type EngineRaiseHand = Pick<RaiseHandCallFeature, 'raiseHand' | 'lowerHand' | 'getRaisedHands' | 'on' | 'off'>;
export type EngineDominantSpeakers = Pick<DominantSpeakersCallFeature, 'dominantSpeakers' | 'on' | 'off'>;
export type EngineRecording = Pick<RecordingCallFeature, 'isRecordingActive'> & {
  on(event: 'isRecordingActiveChanged', listener: Changed): void;
  off(event: 'isRecordingActiveChanged', listener: Changed): void;
};
export type EngineTranscription = Pick<TranscriptionCallFeature, 'isTranscriptionActive'> & {
  on(event: 'isTranscriptionActiveChanged', listener: Changed): void;
  off(event: 'isTranscriptionActiveChanged', listener: Changed): void;
};
export type EngineDataChannel = Pick<DataChannelCallFeature, 'createDataChannelSender' | 'on' | 'off'>;

/** The call features the elements use, as `call.feature(Features.X)` returns them. */
export interface EngineCallFeatures {
  readonly raiseHand: EngineRaiseHand;
  readonly dominantSpeakers: EngineDominantSpeakers;
  readonly recording: EngineRecording;
  readonly transcription: EngineTranscription;
  readonly dataChannel: EngineDataChannel;
}

/**
 * What `<acs-call>` and `<acs-dialpad>` need from a calling implementation: the real SDK
 * (`sdk-engine.ts`) or the fake one (`acs-elements/testing`).
 */
export interface CallEngine {
  createCallClient(): EngineCallClient;
  /** A camera stream for the SDK, from a `MediaStream` the lobby already shows (no second camera prompt). */
  createLocalVideoStream(source: MediaStream): EngineLocalVideoStream;
  /** The features of one call of this engine. */
  features(call: EngineCall): EngineCallFeatures;
}

export type { CallEndReason, CallState, DtmfTone };
