import { rawIdOf } from '../core/raw-id.js';
import type {
  CallEndReason,
  CallEngine,
  CallState,
  DtmfTone,
  EngineCall,
  EngineCallAgent,
  EngineCallFeatures,
  EngineLocalVideoStream,
  EngineRemoteParticipant,
  EngineRemoteVideoStream,
} from './call-engine.js';

export interface ParticipantView {
  /** Raw id (`8:acs:…`, `4:+1…`). */
  readonly id: string;
  readonly name: string;
  readonly connected: boolean;
  readonly muted: boolean;
  readonly speaking: boolean;
  readonly dominant: boolean;
  readonly handRaised: boolean;
  readonly video: EngineRemoteVideoStream | undefined;
  readonly screen: EngineRemoteVideoStream | undefined;
}

export interface ActiveCallState {
  readonly callState: CallState;
  /** The network dropped during the call and the SDK is getting it back. */
  readonly reconnecting: boolean;
  readonly muted: boolean;
  readonly cameraOn: boolean;
  readonly screenSharing: boolean;
  readonly onHold: boolean;
  readonly handRaised: boolean;
  readonly recording: boolean;
  readonly transcribing: boolean;
  readonly participants: readonly ParticipantView[];
  /** `Date.now()` when the call first connected. */
  readonly connectedAt: number | undefined;
  readonly endReason: CallEndReason | undefined;
}

export interface ActiveCallCallbacks {
  onChange(state: ActiveCallState, previous: ActiveCallState): void;
  onEnded(state: ActiveCallState): void;
  onData(from: string, data: Uint8Array): void;
}

/** The channel `sendData()` and `acs-data-received` use; any participant's app on the same id reads it. */
export const DATA_CHANNEL_ID = 1000;

/**
 * One call in progress, turned into a plain state object: it listens to the call, its
 * participants, their streams and the call features, and forgets every listener on dispose.
 * Shared by `<acs-call>` and `<acs-dialpad>`.
 */
export class ActiveCall {
  state: ActiveCallState;
  private readonly features: EngineCallFeatures;
  private readonly cleanups: (() => void)[] = [];
  private readonly participantCleanups = new Map<EngineRemoteParticipant, () => void>();
  private connectedAt: number | undefined;
  private droppedConnection = false;
  private ended = false;
  private dataSender: ReturnType<EngineCallFeatures['dataChannel']['createDataChannelSender']> | undefined;

  constructor(
    readonly call: EngineCall,
    engine: CallEngine,
    private readonly agent: EngineCallAgent,
    private readonly callbacks: ActiveCallCallbacks,
  ) {
    this.features = engine.features(call);
    this.state = this.read();
    for (const change of ['stateChanged', 'isMutedChanged', 'isScreenSharingOnChanged', 'isLocalVideoStartedChanged'] as const) {
      this.watch(
        () => call.on(change, this.refresh),
        () => call.off(change, this.refresh),
      );
    }
    this.watch(
      () => call.on('remoteParticipantsUpdated', this.onParticipantsUpdated),
      () => call.off('remoteParticipantsUpdated', this.onParticipantsUpdated),
    );
    this.watch(
      () => agent.on('connectionStateChanged', this.onConnectionStateChanged),
      () => agent.off('connectionStateChanged', this.onConnectionStateChanged),
    );
    this.watchFeatures();
    for (const participant of call.remoteParticipants) this.watchParticipant(participant);
    this.refresh();
  }

  mute(muted: boolean): Promise<void> {
    return muted ? this.call.mute() : this.call.unmute();
  }

  startVideo(stream: EngineLocalVideoStream): Promise<void> {
    return this.call.startVideo(stream);
  }

  async stopVideo(): Promise<void> {
    // A camera stream built from a MediaStream is 'RawMedia' to the SDK, one from a camera device 'Video'.
    await Promise.all(this.call.localVideoStreams.filter((stream) => stream.mediaStreamType !== 'ScreenSharing').map((stream) => this.call.stopVideo(stream)));
  }

  shareScreen(on: boolean): Promise<void> {
    return on ? this.call.startScreenSharing() : this.call.stopScreenSharing();
  }

  hold(on: boolean): Promise<void> {
    return on ? this.call.hold() : this.call.resume();
  }

  raiseHand(up: boolean): Promise<void> {
    return up ? this.features.raiseHand.raiseHand() : this.features.raiseHand.lowerHand();
  }

  sendDtmf(tone: DtmfTone): Promise<void> {
    return this.call.sendDtmf(tone);
  }

  /** Sends bytes to everyone in the call on the element's data channel. */
  sendData(data: Uint8Array): Promise<void> {
    this.dataSender ??= this.features.dataChannel.createDataChannelSender({ channelId: DATA_CHANNEL_ID, reliability: 'Durable', priority: 'Normal' });
    return this.dataSender.sendMessage(data);
  }

  hangUp(): Promise<void> {
    return this.call.hangUp();
  }

  /** Stops listening; the call itself is left as it is. */
  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const cleanup of this.participantCleanups.values()) cleanup();
    this.participantCleanups.clear();
    this.dataSender?.close();
    this.dataSender = undefined;
  }

  private watch(subscribe: () => void, unsubscribe: () => void): void {
    subscribe();
    this.cleanups.push(unsubscribe);
  }

  private watchFeatures(): void {
    const { dominantSpeakers, raiseHand, recording, transcription, dataChannel } = this.features;
    // Not every call offers every feature (a Teams meeting has no data channel): a missing one is simply not shown.
    const tryWatch = (subscribe: () => void, unsubscribe: () => void) => {
      try {
        this.watch(subscribe, unsubscribe);
      } catch {
        /* feature not available in this call */
      }
    };
    tryWatch(
      () => dominantSpeakers.on('dominantSpeakersChanged', this.refresh),
      () => dominantSpeakers.off('dominantSpeakersChanged', this.refresh),
    );
    tryWatch(
      () => raiseHand.on('raisedHandEvent', this.refresh),
      () => raiseHand.off('raisedHandEvent', this.refresh),
    );
    tryWatch(
      () => raiseHand.on('loweredHandEvent', this.refresh),
      () => raiseHand.off('loweredHandEvent', this.refresh),
    );
    tryWatch(
      () => recording.on('isRecordingActiveChanged', this.refresh),
      () => recording.off('isRecordingActiveChanged', this.refresh),
    );
    tryWatch(
      () => transcription.on('isTranscriptionActiveChanged', this.refresh),
      () => transcription.off('isTranscriptionActiveChanged', this.refresh),
    );
    tryWatch(
      () => dataChannel.on('dataChannelReceiverCreated', this.onDataReceiver),
      () => dataChannel.off('dataChannelReceiverCreated', this.onDataReceiver),
    );
  }

  private watchParticipant(participant: EngineRemoteParticipant): void {
    const streamCleanups = new Map<EngineRemoteVideoStream, () => void>();
    const watchStream = (stream: EngineRemoteVideoStream) => {
      stream.on('isAvailableChanged', this.refresh);
      streamCleanups.set(stream, () => stream.off('isAvailableChanged', this.refresh));
    };
    const onStreams = ({ added, removed }: { added: EngineRemoteVideoStream[]; removed: EngineRemoteVideoStream[] }) => {
      for (const stream of removed) {
        streamCleanups.get(stream)?.();
        streamCleanups.delete(stream);
      }
      added.forEach(watchStream);
      this.refresh();
    };
    const changes = ['stateChanged', 'isMutedChanged', 'isSpeakingChanged', 'displayNameChanged'] as const;
    for (const change of changes) participant.on(change, this.refresh);
    participant.on('videoStreamsUpdated', onStreams);
    participant.videoStreams.forEach(watchStream);
    this.participantCleanups.set(participant, () => {
      for (const change of changes) participant.off(change, this.refresh);
      participant.off('videoStreamsUpdated', onStreams);
      for (const cleanup of streamCleanups.values()) cleanup();
    });
  }

  private readonly onParticipantsUpdated = ({ added, removed }: { added: EngineRemoteParticipant[]; removed: EngineRemoteParticipant[] }) => {
    for (const participant of removed) {
      this.participantCleanups.get(participant)?.();
      this.participantCleanups.delete(participant);
    }
    added.forEach((participant) => this.watchParticipant(participant));
    this.refresh();
  };

  private readonly onConnectionStateChanged = () => {
    this.droppedConnection = this.agent.connectionState === 'Disconnected';
    this.refresh();
  };

  private readonly onDataReceiver = (receiver: Parameters<Parameters<EngineCallFeatures['dataChannel']['on']>[1]>[0]) => {
    if (receiver.channelId !== DATA_CHANNEL_ID) return;
    const from = rawIdOf(receiver.senderParticipantIdentifier);
    const onMessage = () => {
      for (let message = receiver.readMessage(); message; message = receiver.readMessage()) this.callbacks.onData(from, message.data);
    };
    const onClose = () => {
      receiver.off('messageReady', onMessage);
      receiver.off('close', onClose);
    };
    receiver.on('messageReady', onMessage);
    receiver.on('close', onClose);
    this.cleanups.push(onClose);
  };

  private readonly refresh = () => {
    const previous = this.state;
    this.state = this.read();
    if (this.ended) return;
    this.callbacks.onChange(this.state, previous);
    if (this.state.callState === 'Disconnected') {
      this.ended = true;
      this.callbacks.onEnded(this.state);
    }
  };

  private read(): ActiveCallState {
    const { call } = this;
    if (call.state === 'Connected' && this.connectedAt === undefined) this.connectedAt = Date.now();
    const dominant = new Set(this.optional(() => this.features.dominantSpeakers.dominantSpeakers.speakersList.map(rawIdOf), []));
    const raisedHands = new Set(this.optional(() => this.features.raiseHand.getRaisedHands().map((hand) => rawIdOf(hand.identifier)), []));
    const participants = call.remoteParticipants
      .filter((participant) => participant.state !== 'Disconnected')
      .map((participant): ParticipantView => {
        const id = rawIdOf(participant.identifier);
        const available = (type: 'Video' | 'ScreenSharing') => participant.videoStreams.find((stream) => stream.mediaStreamType === type && stream.isAvailable);
        return {
          id,
          // `||`, not `??`: an empty name (and no phone number) falls through to the next.
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          name: participant.displayName || phoneNumberOf(id) || id,
          connected: participant.state === 'Connected',
          muted: participant.isMuted,
          speaking: participant.isSpeaking,
          dominant: dominant.has(id),
          handRaised: raisedHands.has(id),
          video: available('Video'),
          screen: available('ScreenSharing'),
        };
      });
    return {
      callState: call.state,
      // The SDK keeps a dropped call alive while it reconnects; a call that had connected and goes back to connecting is the same story.
      reconnecting: call.state !== 'Disconnected' && this.connectedAt !== undefined && (this.droppedConnection || call.state === 'Connecting'),
      muted: call.isMuted,
      cameraOn: call.isLocalVideoStarted,
      screenSharing: call.isScreenSharingOn,
      onHold: call.state === 'LocalHold' || call.state === 'RemoteHold',
      // Raised hands list everyone, this user included; the others are the call's remote participants.
      handRaised: [...raisedHands].some((id) => !call.remoteParticipants.some((participant) => rawIdOf(participant.identifier) === id)),
      recording: this.optional(() => this.features.recording.isRecordingActive, false),
      transcribing: this.optional(() => this.features.transcription.isTranscriptionActive, false),
      participants,
      connectedAt: this.connectedAt,
      endReason: call.callEndReason,
    };
  }

  private optional<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch {
      return fallback;
    }
  }
}

function phoneNumberOf(rawId: string): string | undefined {
  return rawId.startsWith('4:') ? rawId.slice(2) : undefined;
}
