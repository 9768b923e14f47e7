import type { CallEndReason, RemoteParticipantState } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { Changed, EngineRemoteParticipant, EngineRemoteVideoStream, Updated } from '../call-engine.js';
import { Emitter, type Listener } from './emitter.js';
import { identifierFromRawId } from './identifiers.js';
import type { MemberState } from './local-protocol.js';
import { LocalRemoteVideoStream } from './local-remote-video-stream.js';

interface ParticipantEvents {
  stateChanged: [];
  isMutedChanged: [];
  isSpeakingChanged: [];
  displayNameChanged: [];
  videoStreamsUpdated: [{ added: LocalRemoteVideoStream[]; removed: LocalRemoteVideoStream[] }];
}

/**
 * Another member of a local call, as the SDK shows a remote participant: what they say about
 * themselves through the emulator (name, mute, camera, screen), the tracks their browser sends,
 * and whether the connection to them is up.
 */
export class LocalRemoteParticipant implements EngineRemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
  readonly #events = new Emitter<ParticipantEvents>();
  #member: MemberState;
  #state: RemoteParticipantState = 'Connecting';
  #callEndReason: CallEndReason | undefined;
  #isSpeaking = false;
  #videoStreams: LocalRemoteVideoStream[] = [];
  /** The audio track, played by the call; kept to mute playback while the member is muted. */
  audioTrack: MediaStreamTrack | undefined;

  constructor(
    readonly userId: string,
    member: MemberState,
  ) {
    this.identifier = identifierFromRawId(userId);
    this.#member = member;
  }

  get displayName(): string | undefined {
    return this.#member.displayName;
  }

  get state(): RemoteParticipantState {
    return this.#state;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  get isMuted(): boolean {
    return this.#member.muted;
  }

  get isSpeaking(): boolean {
    return this.#isSpeaking;
  }

  get videoStreams(): readonly LocalRemoteVideoStream[] {
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

  /** @internal What the member says about themselves changed. */
  setMember(member: MemberState): void {
    const before = this.#member;
    this.#member = member;
    if (before.displayName !== member.displayName) this.#events.emit('displayNameChanged');
    if (before.muted !== member.muted) {
      if (member.muted) this.setSpeaking(false);
      this.#events.emit('isMutedChanged');
    }
    this.#updateAvailability();
  }

  /** @internal A track of theirs arrived, in the stream of `streamId`. */
  addTrack(track: MediaStreamTrack, streamId: string): void {
    if (track.kind === 'audio') {
      this.audioTrack = track;
      return;
    }
    const type = streamId === this.#member.streams.screen ? 'ScreenSharing' : streamId === this.#member.streams.camera ? 'Video' : undefined;
    if (!type || this.#videoStreams.some((stream) => stream.mediaStreamType === type)) return;
    const stream = new LocalRemoteVideoStream(type, track);
    this.#videoStreams = [...this.#videoStreams, stream];
    this.#events.emit('videoStreamsUpdated', { added: [stream], removed: [] });
    this.#updateAvailability();
  }

  /** @internal A callee being rung. */
  ring(): void {
    this.#setState('Ringing');
  }

  /** @internal */
  setConnected(connected: boolean): void {
    this.#setState(connected ? 'Connected' : this.#state === 'Connected' ? 'Connecting' : this.#state);
  }

  /** @internal */
  setSpeaking(speaking: boolean): void {
    if (this.#isSpeaking === speaking) return;
    this.#isSpeaking = speaking;
    this.#events.emit('isSpeakingChanged');
  }

  /** @internal They left the call, or this user did. */
  leave(reason: CallEndReason): void {
    if (this.#state === 'Disconnected') return;
    this.#callEndReason = reason;
    for (const stream of this.#videoStreams) stream.setAvailable(false);
    this.#setState('Disconnected');
  }

  #updateAvailability(): void {
    for (const stream of this.#videoStreams) {
      stream.setAvailable(this.#state !== 'Disconnected' && (stream.mediaStreamType === 'Video' ? this.#member.video : this.#member.screenSharing));
    }
  }

  #setState(state: RemoteParticipantState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#events.emit('stateChanged');
  }
}
