import type { CallEndReason, RemoteParticipantState } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { Changed, EngineRemoteParticipant, EngineRemoteVideoStream, Updated } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { callEndReasons } from './call-end-reasons.js';
import { Emitter, type Listener } from './emitter.js';
import type { FakeCallFeatures } from './fake-call-features.js';
import { FakeRemoteVideoStream } from './fake-remote-video-stream.js';

/** What a participant needs from its call (`FakeCall`). */
export interface FakeParticipantCall {
  readonly features: Pick<FakeCallFeatures, 'dominantSpeakers' | 'raiseHand'>;
  participantLeft(participant: FakeRemoteParticipant): void;
}

/** A participant for `FakeCall.addRemoteParticipant`. */
export interface FakeParticipantInit {
  /** Default: a new ACS user. `4:+1…` makes a phone participant, `8:orgid:…` a Teams user. */
  rawId?: string;
  displayName: string;
  /** Joins with the camera on. */
  video?: boolean;
  muted?: boolean;
}

interface ParticipantEvents {
  stateChanged: [];
  isMutedChanged: [];
  isSpeakingChanged: [];
  displayNameChanged: [];
  videoStreamsUpdated: [{ added: FakeRemoteVideoStream[]; removed: FakeRemoteVideoStream[] }];
}

/**
 * A remote participant. Scripting: `speak()`, `setMuted()`, `startVideo()` / `stopVideo()`,
 * `startScreenShare()` / `stopScreenShare()`, `raiseHand()` / `lowerHand()`, `leave()`.
 */
export class FakeRemoteParticipant implements EngineRemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
  readonly #call: FakeParticipantCall;
  readonly #latencyMs: number;
  readonly #events = new Emitter<ParticipantEvents>();
  #displayName: string | undefined;
  #state: RemoteParticipantState = 'Connecting';
  #callEndReason: CallEndReason | undefined;
  #isMuted: boolean;
  #isSpeaking = false;
  #videoStreams: FakeRemoteVideoStream[] = [];
  #heardDigits: string[] = [];

  constructor(call: FakeParticipantCall, identifier: CommunicationIdentifierKind, displayName: string | undefined, muted: boolean, latencyMs: number) {
    this.#call = call;
    this.identifier = identifier;
    this.#displayName = displayName ?? (identifier.kind === 'phoneNumber' ? identifier.phoneNumber : undefined);
    this.#isMuted = muted;
    this.#latencyMs = latencyMs;
  }

  get rawId(): string {
    return rawIdOf(this.identifier);
  }

  get displayName(): string | undefined {
    return this.#displayName;
  }

  get state(): RemoteParticipantState {
    return this.#state;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  get isMuted(): boolean {
    return this.#isMuted;
  }

  get isSpeaking(): boolean {
    return this.#isSpeaking;
  }

  get videoStreams(): readonly FakeRemoteVideoStream[] {
    return this.#videoStreams;
  }

  on(event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged', listener: Changed): void;
  on(event: 'videoStreamsUpdated', listener: Updated<EngineRemoteVideoStream>): void;
  on(event: keyof ParticipantEvents, listener: Listener): void {
    this.#events.on(event, listener);
  }

  off(event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged', listener: Changed): void;
  off(event: 'videoStreamsUpdated', listener: Updated<EngineRemoteVideoStream>): void;
  off(event: keyof ParticipantEvents, listener: Listener): void {
    this.#events.off(event, listener);
  }

  /** Starts (or stops) speaking; starting makes this participant the call's dominant speaker. */
  speak(on = true): void {
    if (this.#isSpeaking !== on) {
      this.#isSpeaking = on;
      this.#events.emit('isSpeakingChanged');
    }
    if (on) this.#call.features.dominantSpeakers.setSpeakers([this.identifier]);
  }

  setMuted(muted: boolean): void {
    if (muted) this.speak(false);
    if (this.#isMuted === muted) return;
    this.#isMuted = muted;
    this.#events.emit('isMutedChanged');
  }

  /** Turns the camera on: a 'Video' stream of the participant's initials, available after the latency. */
  startVideo(): FakeRemoteVideoStream {
    return this.#startStream('Video');
  }

  stopVideo(): void {
    this.#stopStream('Video');
  }

  /** Starts sharing a screen: a 'ScreenSharing' stream, available after the latency. */
  startScreenShare(): FakeRemoteVideoStream {
    return this.#startStream('ScreenSharing');
  }

  stopScreenShare(): void {
    this.#stopStream('ScreenSharing');
  }

  raiseHand(): void {
    this.#call.features.raiseHand.raise(this.identifier);
  }

  lowerHand(): void {
    this.#call.features.raiseHand.lower(this.identifier);
  }

  /** Leaves the call: 'Disconnected' with `reason` (by default a normal hang-up) and out of the call's list. */
  leave(reason: CallEndReason = this.identifier.kind === 'phoneNumber' ? callEndReasons.remotePhoneHungUp : callEndReasons.hungUp): void {
    if (this.#state === 'Disconnected') return;
    this.#callEndReason = reason;
    this.stopMedia();
    this.#setState('Disconnected');
    this.#call.participantLeft(this);
  }

  /** @internal */
  changeState(state: 'Ringing' | 'Connected'): void {
    if (this.#state !== 'Disconnected') this.#setState(state);
  }

  /** @internal A phone that answered reads back every DTMF digit it hears, in its display name. */
  hear(digit: string): void {
    if (this.identifier.kind !== 'phoneNumber' || this.#state !== 'Connected') return;
    this.#heardDigits.push(digit);
    this.#displayName = `${this.identifier.phoneNumber} · heard ${this.#heardDigits.join(' ')}`;
    this.#events.emit('displayNameChanged');
  }

  /** @internal */
  stopMedia(): void {
    for (const stream of this.#videoStreams) stream.stop();
  }

  #setState(state: RemoteParticipantState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#events.emit('stateChanged');
  }

  #startStream(type: 'Video' | 'ScreenSharing'): FakeRemoteVideoStream {
    const started = this.#videoStreams.find((stream) => stream.mediaStreamType === type);
    if (started) return started;
    const stream = new FakeRemoteVideoStream(type, this.#displayName ?? this.rawId);
    this.#videoStreams = [...this.#videoStreams, stream];
    this.#events.emit('videoStreamsUpdated', { added: [stream], removed: [] });
    // The SDK can list a stream before it is available: elements must wait for isAvailable.
    setTimeout(() => {
      if (this.#videoStreams.includes(stream)) stream.setAvailable(true);
    }, this.#latencyMs);
    return stream;
  }

  #stopStream(type: 'Video' | 'ScreenSharing'): void {
    const stream = this.#videoStreams.find((started) => started.mediaStreamType === type);
    if (!stream) return;
    stream.setAvailable(false);
    this.#videoStreams = this.#videoStreams.filter((started) => started !== stream);
    this.#events.emit('videoStreamsUpdated', { added: [], removed: [stream] });
    stream.stop();
  }
}
