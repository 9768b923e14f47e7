import type {
  AddPhoneNumberOptions,
  CallDirection,
  CallEndReason,
  CallerInfo,
  CallState,
  ConnectionState,
  DtmfTone,
  RaisedHand,
} from '@azure/communication-calling';
import type { CommunicationIdentifierKind, PhoneNumberIdentifier } from '@azure/communication-common';
import type { Changed, EngineCall, EngineCallChange, EngineCallLocator, EngineLocalVideoStream, EngineRemoteParticipant, Updated } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { callEndReasons } from './call-end-reasons.js';
import { DTMF_DIGITS } from './dtmf-digits.js';
import { Emitter, type Listener } from './emitter.js';
import type { FakeCallContext } from './fake-call-engine-options.js';
import type { FakeCallFeatures } from './fake-call-features.js';
import type { FakeCallPlacement } from './fake-call-placement.js';
import { FakeCallingError, holdFailed, resumeFailed, screenShareNotConnected } from './fake-calling-error.js';
import { FakeDataChannel } from './fake-data-channel.js';
import type { SentDataMessage } from './fake-data-channel-sender.js';
import { FakeDominantSpeakers } from './fake-dominant-speakers.js';
import { FakeLocalVideoStream } from './fake-local-video-stream.js';
import { FakeRaiseHand } from './fake-raise-hand.js';
import { FakeRecording } from './fake-recording.js';
import { FakeRemoteParticipant, type FakeParticipantInit } from './fake-remote-participant.js';
import { FakeTranscription } from './fake-transcription.js';
import { identifierFromRawId, randomAcsUserId } from './identifiers.js';
import { sleep } from './sleep.js';
import { stopTracks } from './stop-tracks.js';

/** What a call needs from its agent (`FakeCallAgent`). */
export interface FakeCallOwner {
  readonly userId: string;
  callEnded(call: FakeCall): void;
  setConnectionState(state: ConnectionState): void;
}

/** How long, in latencies, a dialled phone rings before it answers or gives up. */
const RINGS_BEFORE_ANSWER = 2;
const RINGS_BEFORE_NO_ANSWER = 20;

type CallEvents = Record<EngineCallChange, []> & {
  remoteParticipantsUpdated: [{ added: FakeRemoteParticipant[]; removed: FakeRemoteParticipant[] }];
};

/**
 * A call of the fake engine. Besides the SDK's members it has a scripting side, for tests to play
 * the rest of the world:
 *
 * - `addRemoteParticipant(init)` / `removeRemoteParticipant(participant)`: someone joins / is removed;
 * - `end(reason)`: the call fails with an ACS end reason (see `callEndReasons`);
 * - `dropConnection()` / `restoreConnection()`: the network goes away and comes back;
 * - `setRecording(active)` / `setTranscription(active)`: the service starts or stops them;
 * - `receiveData(from, data, channelId)`: a participant sends bytes on a data channel;
 * - `sentTones`, `sentData`, `raisedHands`: what this user sent and who has a hand up.
 *
 * ```ts
 * const call = await engine.nextCall();
 * const ana = call.addRemoteParticipant({ displayName: 'Ana', video: true });
 * ana.speak();
 * call.receiveData(ana, new TextEncoder().encode('hello'));
 * call.end(callEndReasons.networkLost);
 * ```
 */
export class FakeCall implements EngineCall {
  readonly direction: CallDirection;
  readonly callerInfo: CallerInfo;
  /** The group, room or meeting given to `join`; undefined for other calls. */
  readonly locator: EngineCallLocator | undefined;
  readonly features: FakeCallFeatures;
  /** Every tone `sendDtmf` sent, in order. */
  readonly sentTones: DtmfTone[] = [];
  /** Every message this user's data channel senders sent, in order. */
  readonly sentData: SentDataMessage[] = [];
  readonly #agent: FakeCallOwner;
  readonly #engine: FakeCallContext;
  readonly #endsWithLastParticipant: boolean;
  readonly #events = new Emitter<CallEvents>();
  #id = crypto.randomUUID();
  #state: CallState = 'Connecting';
  #stateBeforeDrop: CallState | undefined;
  #callEndReason: CallEndReason | undefined;
  #isMuted: boolean;
  #remoteParticipants: FakeRemoteParticipant[] = [];
  #localVideoStreams: EngineLocalVideoStream[];
  #screenShare: MediaStream | undefined;

  constructor(agent: FakeCallOwner, placement: FakeCallPlacement, engine: FakeCallContext) {
    this.#agent = agent;
    this.#engine = engine;
    this.direction = placement.direction;
    this.callerInfo = placement.callerInfo ?? { identifier: undefined };
    this.locator = placement.locator;
    this.#endsWithLastParticipant = placement.endsWithLastParticipant;
    this.#isMuted = placement.options.audioOptions?.muted ?? false;
    this.#localVideoStreams = [...(placement.options.videoOptions?.localVideoStreams ?? [])];
    this.features = {
      raiseHand: new FakeRaiseHand(this, { kind: 'communicationUser', communicationUserId: agent.userId }, engine.latencyMs),
      dominantSpeakers: new FakeDominantSpeakers(),
      recording: new FakeRecording(),
      transcription: new FakeTranscription(),
      dataChannel: new FakeDataChannel(this),
    };
  }

  get id(): string {
    return this.#id;
  }

  get state(): CallState {
    return this.#state;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  get isMuted(): boolean {
    return this.#isMuted;
  }

  get isScreenSharingOn(): boolean {
    return this.#screenShare !== undefined;
  }

  get isLocalVideoStarted(): boolean {
    return this.#localVideoStreams.some((stream) => stream.mediaStreamType !== 'ScreenSharing');
  }

  get remoteParticipants(): readonly FakeRemoteParticipant[] {
    return this.#remoteParticipants;
  }

  get localVideoStreams(): readonly EngineLocalVideoStream[] {
    return this.#localVideoStreams;
  }

  /** Who has a hand up, this user included, in the order they raised it. */
  get raisedHands(): RaisedHand[] {
    return this.features.raiseHand.getRaisedHands();
  }

  async hangUp(): Promise<void> {
    if (this.#state === 'Disconnecting' || this.#state === 'Disconnected') return;
    this.#setState('Disconnecting');
    await sleep(this.#engine.latencyMs);
    this.end(callEndReasons.hungUp);
  }

  async mute(): Promise<void> {
    await this.#setMutedSoon(true);
  }

  async unmute(): Promise<void> {
    await this.#setMutedSoon(false);
  }

  async hold(): Promise<void> {
    if (this.#state !== 'Connected') throw holdFailed();
    await sleep(this.#engine.latencyMs);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the state may have changed during the await, which narrowing cannot see
    if (this.#state === 'Connected') this.#setState('LocalHold');
  }

  async resume(): Promise<void> {
    if (this.#state !== 'LocalHold') throw resumeFailed();
    await sleep(this.#engine.latencyMs);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the state may have changed during the await, which narrowing cannot see
    if (this.#state === 'LocalHold') this.#setState('Connected');
  }

  /** Records the tone in `sentTones`; a phone participant who answered reads it back in its display name. */
  async sendDtmf(tone: DtmfTone): Promise<void> {
    if (!Object.hasOwn(DTMF_DIGITS, tone)) throw new FakeCallingError('Invalid value passed to DtfmTone', 422, 41023);
    if (this.#state !== 'Connected') throw new FakeCallingError('Failed to send DTMF tone', 400, 41022);
    this.sentTones.push(tone);
    await sleep(this.#engine.latencyMs);
    for (const participant of this.#remoteParticipants) participant.hear(DTMF_DIGITS[tone]);
  }

  async startVideo(stream: EngineLocalVideoStream): Promise<void> {
    if (this.isLocalVideoStarted) throw new FakeCallingError('Failed to start video, video is already started.', 400, 41027);
    await sleep(this.#engine.latencyMs);
    this.#localVideoStreams = [...this.#localVideoStreams, stream];
    this.#events.emit('isLocalVideoStartedChanged');
  }

  async stopVideo(stream: EngineLocalVideoStream): Promise<void> {
    if (!this.#localVideoStreams.includes(stream)) throw new FakeCallingError('Failed to stop video, video is already stopped.', 400, 41030);
    await sleep(this.#engine.latencyMs);
    this.#localVideoStreams = this.#localVideoStreams.filter((started) => started !== stream);
    this.#events.emit('isLocalVideoStartedChanged');
  }

  /** Shares what the engine's `screenShareSource` captures. */
  async startScreenSharing(): Promise<void> {
    if (this.#screenShare) throw new FakeCallingError('Failed to start screen share, screen share is already started.', 400, 41035);
    if (this.#state !== 'Connected') throw screenShareNotConnected();
    const screen = await this.#engine.screenShareSource();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the state may have changed during the await, which narrowing cannot see
    if (this.#state !== 'Connected') {
      stopTracks(screen);
      throw screenShareNotConnected();
    }
    this.#screenShare = screen;
    this.#localVideoStreams = [...this.#localVideoStreams, new FakeLocalVideoStream(screen, 'ScreenSharing')];
    // The browser's own "Stop sharing" button ends the track; the SDK then stops sharing too.
    screen.getVideoTracks()[0]?.addEventListener('ended', () => this.#endScreenShare(screen), { once: true });
    this.#events.emit('isScreenSharingOnChanged');
  }

  /** Stops sharing and stops the captured tracks. */
  async stopScreenSharing(): Promise<void> {
    const screen = this.#screenShare;
    if (!screen) throw new FakeCallingError('Failed to stop screen share, screen share is already stopped.', 400, 41041);
    await sleep(this.#engine.latencyMs);
    this.#endScreenShare(screen);
  }

  /** Dials a phone number into the call; it answers, is busy or does not answer per `phoneCallee`. */
  addParticipant(identifier: PhoneNumberIdentifier, options?: AddPhoneNumberOptions): FakeRemoteParticipant {
    if (this.#state !== 'Connected') throw new FakeCallingError('Failed to add participant. Call must be in connected state', 412, 41089);
    return this.dial(identifierFromRawId(rawIdOf(identifier)), options?.alternateCallerId);
  }

  on(event: EngineCallChange, listener: Changed): void;
  on(event: 'remoteParticipantsUpdated', listener: Updated<EngineRemoteParticipant>): void;
  on(event: keyof CallEvents, listener: Listener): void {
    this.#events.on(event, listener);
  }

  off(event: EngineCallChange, listener: Changed): void;
  off(event: 'remoteParticipantsUpdated', listener: Updated<EngineRemoteParticipant>): void;
  off(event: keyof CallEvents, listener: Listener): void {
    this.#events.off(event, listener);
  }

  /** Someone joins: 'Connecting', then 'Connected' after the engine's latency. */
  addRemoteParticipant({ rawId = randomAcsUserId(), displayName, video = false, muted = false }: FakeParticipantInit): FakeRemoteParticipant {
    const participant = this.#add(identifierFromRawId(rawId), displayName, muted);
    this.#later(() => participant.changeState('Connected'));
    if (video) participant.startVideo();
    return participant;
  }

  /** Another participant (or the service) removes `participant` from the call. */
  removeRemoteParticipant(participant: FakeRemoteParticipant): void {
    participant.leave(callEndReasons.removed);
  }

  /** The call ends now with `reason`, as when the service ends or fails it. */
  end(reason: CallEndReason): void {
    if (this.#state === 'Disconnected') return;
    this.#callEndReason = reason;
    if (this.#screenShare) this.#endScreenShare(this.#screenShare);
    for (const participant of this.#remoteParticipants) participant.stopMedia();
    this.features.dataChannel.closeReceivers();
    this.#agent.callEnded(this);
    this.#setState('Disconnected');
  }

  /** The agent loses its connection: it reports 'Disconnected' and its calls go back to 'Connecting'. */
  dropConnection(): void {
    this.#agent.setConnectionState('Disconnected');
  }

  /** The connection is back: the agent is 'Connected' and its calls are where they were. */
  restoreConnection(): void {
    this.#agent.setConnectionState('Connected');
  }

  setRecording(active: boolean): void {
    this.features.recording.setActive(active);
  }

  setTranscription(active: boolean): void {
    this.features.transcription.setActive(active);
  }

  /** `from` sends `data` on `channelId`: its receiver is announced on first use, then gets 'messageReady'. */
  receiveData(from: FakeRemoteParticipant, data: Uint8Array, channelId = 1000): void {
    if (!this.#remoteParticipants.includes(from)) throw new Error(`${from.displayName ?? from.rawId} is not in this call.`);
    this.features.dataChannel.receive(from.identifier, channelId, data);
  }

  /** @internal Adds a callee who rings, then answers, is busy or does not answer. */
  dial(identifier: CommunicationIdentifierKind, alternateCallerId: PhoneNumberIdentifier | undefined): FakeRemoteParticipant {
    const participant = this.#add(identifier, undefined, false);
    const latency = this.#engine.latencyMs;
    if (identifier.kind === 'phoneNumber' && !alternateCallerId) {
      this.#later(() => participant.leave(callEndReasons.missingAlternateCallerId));
      return participant;
    }
    const answer = identifier.kind === 'phoneNumber' ? this.#engine.phoneCallee(identifier.phoneNumber) : 'answer';
    this.#later(() => {
      participant.changeState('Ringing');
      if (this.#state === 'Connecting' && !this.#stateBeforeDrop) this.#setState('Ringing');
      if (answer === 'busy') this.#later(() => participant.leave(callEndReasons.phoneBusy));
      else if (answer === 'no-answer') this.#later(() => participant.leave(callEndReasons.phoneNoAnswer), RINGS_BEFORE_NO_ANSWER * latency);
      else {
        this.#later(() => {
          participant.changeState('Connected');
          if (participant.state === 'Connected') this.#connect();
        }, RINGS_BEFORE_ANSWER * latency);
      }
    });
    return participant;
  }

  /** @internal */
  connectSoon(): void {
    this.#later(() => this.#connect());
  }

  /** @internal The caller of an accepted incoming call is in it at once; the call connects after the latency. */
  async answer(caller: CommunicationIdentifierKind, displayName: string | undefined): Promise<void> {
    const participant = this.#add(caller, displayName, false);
    await sleep(this.#engine.latencyMs);
    participant.changeState('Connected');
    this.#connect();
  }

  /** @internal */
  participantLeft(participant: FakeRemoteParticipant): void {
    if (!this.#remoteParticipants.includes(participant)) return;
    this.#remoteParticipants = this.#remoteParticipants.filter((present) => present !== participant);
    this.features.raiseHand.lower(participant.identifier);
    this.features.dataChannel.closeReceivers(participant.identifier);
    this.#events.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
    if (this.#endsWithLastParticipant && this.#remoteParticipants.length === 0) this.end(participant.callEndReason ?? callEndReasons.hungUp);
  }

  /** @internal */
  connectionChanged(connected: boolean): void {
    if (!connected && (this.#state === 'Connected' || this.#state === 'LocalHold')) {
      this.#stateBeforeDrop = this.#state;
      this.#setState('Connecting');
    } else if (connected && this.#stateBeforeDrop && this.#state === 'Connecting') {
      const state = this.#stateBeforeDrop;
      this.#stateBeforeDrop = undefined;
      this.#setState(state);
    }
  }

  #add(identifier: CommunicationIdentifierKind, displayName: string | undefined, muted: boolean): FakeRemoteParticipant {
    const participant = new FakeRemoteParticipant(this, identifier, displayName, muted, this.#engine.latencyMs);
    this.#remoteParticipants = [...this.#remoteParticipants, participant];
    this.#events.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
    return participant;
  }

  #connect(): void {
    // A dropped call is 'Connecting' too, but only restoreConnection() brings it back.
    if ((this.#state !== 'Connecting' && this.#state !== 'Ringing') || this.#stateBeforeDrop) return;
    // A real call can change id while it is set up; doing it on every fake call keeps elements honest.
    this.#id = crypto.randomUUID();
    this.#events.emit('idChanged');
    this.#setState('Connected');
  }

  /** Runs `step` later unless the call has ended by then. */
  #later(step: () => void, ms = this.#engine.latencyMs): void {
    setTimeout(() => {
      if (this.#state !== 'Disconnected') step();
    }, ms);
  }

  #setState(state: CallState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#events.emit('stateChanged');
  }

  async #setMutedSoon(muted: boolean): Promise<void> {
    await sleep(this.#engine.latencyMs);
    if (this.#isMuted === muted) return;
    this.#isMuted = muted;
    this.#events.emit('isMutedChanged');
  }

  #endScreenShare(screen: MediaStream): void {
    if (this.#screenShare !== screen) return;
    this.#screenShare = undefined;
    stopTracks(screen);
    this.#localVideoStreams = this.#localVideoStreams.filter((stream) => stream.mediaStreamType !== 'ScreenSharing');
    this.#events.emit('isScreenSharingOnChanged');
  }
}
