import type {
  AddPhoneNumberOptions,
  AudioDeviceInfo,
  CallDirection,
  CallEndReason,
  CallerInfo,
  CallState,
  ConnectionState,
  ConnectionStateChangedEvent,
  DataChannelMessage,
  DataChannelReceiver,
  DataChannelSender,
  DataChannelSenderOpenOptions,
  DominantSpeakersInfo,
  DtmfTone,
  LoweredHandListener,
  RaisedHand,
  RaisedHandChangedEvent,
  RaisedHandListener,
  RemoteParticipantState,
  VideoDeviceInfo,
} from '@azure/communication-calling';
import type {
  CommunicationIdentifier,
  CommunicationIdentifierKind,
  CommunicationTokenCredential,
  CommunicationUserKind,
  PhoneNumberIdentifier,
} from '@azure/communication-common';
import { decodeJwt } from 'jose';
import type {
  CallEngine,
  Changed,
  EngineCall,
  EngineCallAgent,
  EngineCallChange,
  EngineCallClient,
  EngineCallFeatures,
  EngineCallLocator,
  EngineDataChannel,
  EngineDeviceManager,
  EngineDominantSpeakers,
  EngineIncomingCall,
  EngineJoinOptions,
  EngineLocalVideoStream,
  EngineRaiseHand,
  EngineRecording,
  EngineRemoteParticipant,
  EngineRemoteVideoStream,
  EngineStartCallOptions,
  EngineTranscription,
  Updated,
} from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';

/*
 * A stand-in for @azure/communication-calling behind the `CallEngine` contract, for headless tests
 * and demos: no network, no 1.8 MB SDK (only its types are imported). Calls go through the SDK's
 * state names, events, end reasons and error codes, a little later than asked, as real ones do;
 * tests script the other side of the call (see `FakeCall` and `FakeRemoteParticipant`).
 */

/**
 * The `callEndReason`s ACS documents for what the fake simulates, from "Troubleshooting call end
 * response codes" (learn.microsoft.com/azure/communication-services/resources/troubleshooting/
 * voice-video-calling/troubleshooting-codes): its calling-SDK and PSTN tables.
 */
export const callEndReasons = {
  /** This user hung up. */
  hungUp: { code: 0, subCode: 0 },
  /** The phone at the other end hung up. */
  remotePhoneHungUp: { code: 0, subCode: 560000 },
  /** Another participant removed this one from the call. */
  removed: { code: 0, subCode: 5300 },
  /** The callee declined. */
  declined: { code: 603, subCode: 0 },
  /** The caller gave up before the call was answered. */
  callerCanceled: { code: 487, subCode: 0 },
  /** The dialled number was busy. */
  phoneBusy: { code: 486, subCode: 560486 },
  /** Nobody answered the dialled number. */
  phoneNoAnswer: { code: 480, subCode: 560480 },
  /** The call dropped: the client's network failed. */
  networkLost: { code: 410, subCode: 3101 },
  /** A phone number was called without `alternateCallerId`. */
  missingAlternateCallerId: { code: 403, subCode: 510403 },
} as const satisfies Record<string, CallEndReason>;

/** What the person at a dialled number does. */
export type PhoneCalleeAnswer = 'answer' | 'busy' | 'no-answer';

export interface FakeCallEngineOptions {
  /** How long each simulated network step takes (connecting, ringing, muting…). Default 50 ms. */
  latencyMs?: number;
  /** How long `createCallAgent` takes once it has the token. Default: `latencyMs`. */
  agentDelayMs?: number;
  /** How long `getDeviceManager` takes. Default: `latencyMs`. */
  deviceManagerDelayMs?: number;
  /** How the dialled phone number responds. Default: every number answers. */
  phoneCallee?: (phoneNumber: string) => PhoneCalleeAnswer;
  /** What screen sharing captures. Default: the browser's screen picker; tests pass a canvas stream. */
  screenShareSource?: () => Promise<MediaStream>;
}

/** Who calls in `FakeCallEngine.ringIncoming`: a user by raw id (`8:acs:…`), or a phone number. */
export type FakeCaller = { rawId: string; displayName?: string } | { phoneNumber: string };

/** A participant for `FakeCall.addRemoteParticipant`. */
export interface FakeParticipantInit {
  /** Default: a new ACS user. `4:+1…` makes a phone participant, `8:orgid:…` a Teams user. */
  rawId?: string;
  displayName: string;
  /** Joins with the camera on. */
  video?: boolean;
  muted?: boolean;
}

/** One message sent by this user's data channel sender. */
export interface SentDataMessage {
  channelId: number;
  data: Uint8Array;
  /** The sender's recipients; empty for everyone in the call. */
  participants: readonly CommunicationIdentifier[];
}

/** Shaped like the SDK's `CallingCommunicationError`: its message, `code` and `subCode`. */
export class FakeCallingError extends Error {
  override readonly name = 'CallingCommunicationError';

  constructor(
    message: string,
    readonly code: number,
    readonly subCode: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const DEFAULT_LATENCY_MS = 50;
/** How long, in latencies, a dialled phone rings before it answers or gives up. */
const RINGS_BEFORE_ANSWER = 2;
const RINGS_BEFORE_NO_ANSWER = 20;
/** The SDK's `maxMessageSize` for data channel messages. */
const MAX_DATA_CHANNEL_MESSAGE_BYTES = 32 * 1024;
/** Without a `channelId` the SDK picks a free one from this range. */
const FIRST_RANDOM_CHANNEL_ID = 1024;
const LAST_CHANNEL_ID = 65535;
const FRAME_RATE = 15;
/** The resource `createTestToken` puts in its tokens. */
const TEST_RESOURCE_ID = '00000000-0000-0000-0000-000000000000';

const DTMF_DIGITS: Record<DtmfTone, string> = {
  Num0: '0',
  Num1: '1',
  Num2: '2',
  Num3: '3',
  Num4: '4',
  Num5: '5',
  Num6: '6',
  Num7: '7',
  Num8: '8',
  Num9: '9',
  Star: '*',
  Pound: '#',
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  Flash: 'Flash',
};

type Listener = (...args: never[]) => void;

/** The SDK's `on`/`off` for one object; `Events` types the arguments `emit` sends. */
class Emitter<Events extends Record<string, unknown[]>> {
  readonly #listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): void {
    let listeners = this.#listeners.get(event);
    if (!listeners) this.#listeners.set(event, (listeners = new Set()));
    listeners.add(listener);
  }

  off(event: string, listener: Listener): void {
    this.#listeners.get(event)?.delete(listener);
  }

  emit<E extends keyof Events & string>(event: E, ...args: Events[E]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        Reflect.apply(listener, undefined, args);
      } catch (error) {
        // A failing listener must neither starve the others nor leave the fake half-way through a
        // change; rethrown on its own task, it still shows up as the page's (or test's) error.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function randomAcsUserId(): string {
  return `8:acs:${TEST_RESOURCE_ID}_${crypto.randomUUID()}`;
}

/** The user a token is for (its `skypeid` claim), as the SDK reads it. */
function userIdOf(token: string): string {
  try {
    const { skypeid } = decodeJwt(token);
    if (typeof skypeid === 'string') return `8:${skypeid}`;
  } catch {
    // Tests may pass any string as a token, and there is no service here to refuse it.
  }
  return randomAcsUserId();
}

function identifierFromRawId(rawId: string): CommunicationIdentifierKind {
  if (rawId.startsWith('4:')) return { kind: 'phoneNumber', phoneNumber: rawId.slice('4:'.length), rawId };
  if (rawId.startsWith('8:orgid:')) return { kind: 'microsoftTeamsUser', microsoftTeamsUserId: rawId.slice('8:orgid:'.length), rawId };
  if (rawId.startsWith('8:')) return { kind: 'communicationUser', communicationUserId: rawId };
  return { kind: 'unknown', id: rawId };
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The fake calling SDK. Give it to an element before it connects, then script the call from the
 * test:
 *
 * ```ts
 * const engine = new FakeCallEngine({ latencyMs: 5 });
 * element.callEngine = engine;
 * const call = await engine.nextCall();
 * call.addRemoteParticipant({ displayName: 'Ana', video: true });
 * ```
 */
export class FakeCallEngine implements CallEngine {
  readonly latencyMs: number;
  readonly agentDelayMs: number;
  readonly deviceManagerDelayMs: number;
  readonly phoneCallee: (phoneNumber: string) => PhoneCalleeAnswer;
  readonly screenShareSource: () => Promise<MediaStream>;
  readonly #agents: FakeCallAgent[] = [];
  readonly #calls: FakeCall[] = [];
  #callWaiters: ((call: FakeCall) => void)[] = [];

  constructor(options: FakeCallEngineOptions = {}) {
    this.latencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
    this.agentDelayMs = options.agentDelayMs ?? this.latencyMs;
    this.deviceManagerDelayMs = options.deviceManagerDelayMs ?? this.latencyMs;
    this.phoneCallee = options.phoneCallee ?? (() => 'answer');
    this.screenShareSource = options.screenShareSource ?? (() => navigator.mediaDevices.getDisplayMedia({ video: true }));
  }

  /** The agents created and not disposed yet. */
  get agents(): readonly FakeCallAgent[] {
    return [...this.#agents];
  }

  /** Every call started, joined or accepted on this engine, ended ones included. */
  get calls(): readonly FakeCall[] {
    return [...this.#calls];
  }

  createCallClient(): FakeCallClient {
    return new FakeCallClient(this);
  }

  /** Like the SDK, a stream made from a `MediaStream` is 'RawMedia', not a camera device's 'Video'. */
  createLocalVideoStream(source: MediaStream): FakeLocalVideoStream {
    return new FakeLocalVideoStream(source, 'RawMedia');
  }

  features(call: EngineCall): FakeCallFeatures {
    if (!(call instanceof FakeCall)) throw new TypeError('FakeCallEngine.features() takes a call made by a FakeCallEngine.');
    return call.features;
  }

  /** The next call started, joined or accepted on this engine. */
  nextCall(): Promise<FakeCall> {
    return new Promise((resolve) => this.#callWaiters.push(resolve));
  }

  /**
   * Rings every live agent with a call from `from`. With several agents (several users on one
   * page), the call is accepted on the first one still live.
   */
  ringIncoming({ from }: { from: FakeCaller }): FakeIncomingCall {
    if (this.#agents.length === 0) throw new Error('ringIncoming() needs a call agent: let the element create one first.');
    const incoming = new FakeIncomingCall([...this.#agents], from, this.latencyMs);
    for (const agent of this.#agents) agent.ring(incoming);
    return incoming;
  }

  /** @internal */
  agentCreated(agent: FakeCallAgent): void {
    this.#agents.push(agent);
  }

  /** @internal */
  agentDisposed(agent: FakeCallAgent): void {
    this.#agents.splice(this.#agents.indexOf(agent), 1);
  }

  /** @internal */
  callPlaced(call: FakeCall): void {
    this.#calls.push(call);
    const waiters = this.#callWaiters;
    this.#callWaiters = [];
    for (const resolve of waiters) resolve(call);
  }
}

export class FakeCallClient implements EngineCallClient {
  readonly #engine: FakeCallEngine;
  #creatingAgent = false;
  #agent: FakeCallAgent | undefined;
  #deviceManager: Promise<FakeDeviceManager> | undefined;

  constructor(engine: FakeCallEngine) {
    this.#engine = engine;
  }

  async createCallAgent(credential: CommunicationTokenCredential, options: { displayName?: string } = {}): Promise<FakeCallAgent> {
    // Checked before the first await: the SDK refuses a second agent while the first is on its way too.
    if (this.#creatingAgent || (this.#agent && !this.#agent.disposed)) {
      throw new FakeCallingError('CallClient instance can support only one CallAgent or TeamsCallAgent create new CallClient instance to create new CallAgent or TeamsCallAgent', 400, 40008);
    }
    this.#creatingAgent = true;
    try {
      let token: string;
      try {
        ({ token } = await credential.getToken());
      } catch (cause) {
        throw new FakeCallingError('Failed to get AccessToken', 401, 44110, { cause });
      }
      await sleep(this.#engine.agentDelayMs);
      const agent = new FakeCallAgent(this.#engine, userIdOf(token), options.displayName);
      this.#agent = agent;
      this.#engine.agentCreated(agent);
      return agent;
    } finally {
      this.#creatingAgent = false;
    }
  }

  getDeviceManager(): Promise<FakeDeviceManager> {
    return (this.#deviceManager ??= sleep(this.#engine.deviceManagerDelayMs).then(() => FakeDeviceManager.create()));
  }

  async dispose(): Promise<void> {
    await this.#agent?.dispose();
  }
}

type AgentEvents = {
  incomingCall: [{ incomingCall: FakeIncomingCall }];
  connectionStateChanged: Parameters<ConnectionStateChangedEvent>;
};

/** What an agent needs to place a call; see `FakeCallAgent.place`. */
export interface FakeCallPlacement {
  direction: CallDirection;
  options: EngineJoinOptions;
  callerInfo?: CallerInfo;
  locator?: EngineCallLocator;
  /** A one-to-one call ends when its last remote participant leaves; a group call goes on. */
  endsWithLastParticipant: boolean;
}

export class FakeCallAgent implements EngineCallAgent {
  /** The signed-in user's raw id, from the token's `skypeid` claim (a made-up ACS user for a token that is not a JWT). */
  readonly userId: string;
  /** The name given to `createCallAgent`, which the other side of a call would see. */
  readonly displayName: string | undefined;
  readonly #engine: FakeCallEngine;
  readonly #events = new Emitter<AgentEvents>();
  #calls: FakeCall[] = [];
  #connectionState: ConnectionState = 'Connected';
  #disposed = false;

  constructor(engine: FakeCallEngine, userId: string, displayName: string | undefined) {
    this.#engine = engine;
    this.userId = userId;
    this.displayName = displayName;
  }

  get connectionState(): ConnectionState {
    return this.#connectionState;
  }

  /** The calls not ended yet. */
  get calls(): readonly FakeCall[] {
    return this.#calls;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Calls users or phone numbers: one callee rings and answers (see `FakeCallEngineOptions.phoneCallee`). */
  startCall(participants: CommunicationIdentifier[], options: EngineStartCallOptions = {}): FakeCall {
    if (participants.length === 0) throw new TypeError('startCall() needs at least one participant.');
    const call = this.place({ direction: 'Outgoing', options, endsWithLastParticipant: true });
    for (const participant of participants) call.dial(identifierFromRawId(rawIdOf(participant)), options.alternateCallerId);
    return call;
  }

  /** Joins a group call, room or Teams meeting: connected after the engine's latency. */
  join(locator: EngineCallLocator, options: EngineJoinOptions = {}): FakeCall {
    const call = this.place({ direction: 'Outgoing', options, locator, endsWithLastParticipant: false });
    call.connectSoon();
    return call;
  }

  on(event: 'incomingCall', listener: (args: { incomingCall: EngineIncomingCall }) => void): void;
  on(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  on(event: keyof AgentEvents, listener: Listener): void {
    this.#events.on(event, listener);
  }

  off(event: 'incomingCall', listener: (args: { incomingCall: EngineIncomingCall }) => void): void;
  off(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  off(event: keyof AgentEvents, listener: Listener): void {
    this.#events.off(event, listener);
  }

  /** Ends this agent's calls, as the SDK's `dispose` does. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const call of this.#calls) call.end(callEndReasons.hungUp);
    this.#engine.agentDisposed(this);
  }

  /** @internal */
  place(placement: FakeCallPlacement): FakeCall {
    if (this.#disposed) throw new FakeCallingError('Call Agent is already disposed', 409, 40203);
    const call = new FakeCall(this, placement, this.#engine);
    this.#calls = [...this.#calls, call];
    this.#engine.callPlaced(call);
    return call;
  }

  /** @internal */
  ring(incomingCall: FakeIncomingCall): void {
    this.#events.emit('incomingCall', { incomingCall });
  }

  /** @internal */
  callEnded(call: FakeCall): void {
    this.#calls = this.#calls.filter((live) => live !== call);
  }

  /** @internal */
  setConnectionState(newValue: ConnectionState): void {
    const oldValue = this.#connectionState;
    if (newValue === oldValue) return;
    this.#connectionState = newValue;
    this.#events.emit('connectionStateChanged', newValue === 'Disconnected' ? { newValue, oldValue, reason: 'connectionIssue' } : { newValue, oldValue });
    for (const call of this.#calls) call.connectionChanged(newValue === 'Connected');
  }
}

type CallEvents = {
  [change in EngineCallChange]: [];
} & {
  remoteParticipantsUpdated: [{ added: FakeRemoteParticipant[]; removed: FakeRemoteParticipant[] }];
};

/** The features of a fake call, as `engine.features(call)` returns them. */
export interface FakeCallFeatures extends EngineCallFeatures {
  readonly raiseHand: FakeRaiseHand;
  readonly dominantSpeakers: FakeDominantSpeakers;
  readonly recording: FakeRecording;
  readonly transcription: FakeTranscription;
  readonly dataChannel: FakeDataChannel;
}

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
  readonly #agent: FakeCallAgent;
  readonly #engine: FakeCallEngine;
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

  constructor(agent: FakeCallAgent, placement: FakeCallPlacement, engine: FakeCallEngine) {
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
    if (this.#state !== 'Connected') {
      throw new FakeCallingError('Failed to hold the call. Please try again, if the issue persists, gather browser console logs and contact Azure Communication Services support.', 500, 41033);
    }
    await sleep(this.#engine.latencyMs);
    if (this.#state === 'Connected') this.#setState('LocalHold');
  }

  async resume(): Promise<void> {
    if (this.#state !== 'LocalHold') {
      throw new FakeCallingError('Failed to resume the call.Please try again, if the issue persists, gather browser console logs and contact Azure Communication Services support.', 500, 41034);
    }
    await sleep(this.#engine.latencyMs);
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
    const notConnected = () =>
      new FakeCallingError("Failed to start screen share, call is not in Connected state. Subscribe to the Call's 'statteChanged' event to know when the call is connected.", 412, 41071);
    if (this.#state !== 'Connected') throw notConnected();
    const screen = await this.#engine.screenShareSource();
    if (this.#state !== 'Connected') {
      stopTracks(screen);
      throw notConnected();
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

type IncomingCallEvents = { callEnded: [{ callEndReason: CallEndReason }] };

/** A call ringing this user. Scripting: `callerHangsUp()` before it is answered. */
export class FakeIncomingCall implements EngineIncomingCall {
  readonly id = crypto.randomUUID();
  readonly callerInfo: CallerInfo;
  readonly #agents: readonly FakeCallAgent[];
  readonly #caller: CommunicationIdentifierKind;
  readonly #latencyMs: number;
  readonly #events = new Emitter<IncomingCallEvents>();
  #answered = false;
  #ended = false;

  constructor(agents: readonly FakeCallAgent[], from: FakeCaller, latencyMs: number) {
    this.#agents = agents;
    this.#latencyMs = latencyMs;
    this.#caller = 'phoneNumber' in from ? identifierFromRawId(`4:${from.phoneNumber}`) : identifierFromRawId(from.rawId);
    this.callerInfo = { identifier: this.#caller, displayName: 'displayName' in from ? from.displayName : undefined };
  }

  /** Resolves with the call once it is 'Connected', the caller as its remote participant. */
  async accept(options: EngineJoinOptions = {}): Promise<FakeCall> {
    if (this.#answered || this.#ended) {
      throw new FakeCallingError('Failed to handle incoming call notification. The call was either canceled by caller or timed out', 400, 3095);
    }
    const agent = this.#agents.find((candidate) => !candidate.disposed);
    if (!agent) throw new FakeCallingError('Call Agent is already disposed', 409, 40203);
    this.#answered = true;
    const call = agent.place({ direction: 'Incoming', options, callerInfo: this.callerInfo, endsWithLastParticipant: true });
    await call.answer(this.#caller, this.callerInfo.displayName);
    return call;
  }

  async reject(): Promise<void> {
    if (this.#answered || this.#ended) return;
    this.#ended = true;
    await sleep(this.#latencyMs);
    this.#events.emit('callEnded', { callEndReason: callEndReasons.declined });
  }

  /** The caller gives up before this user answers. */
  callerHangsUp(): void {
    if (this.#answered) throw new Error("The call was answered: end it with call.end() or the caller participant's leave().");
    if (this.#ended) return;
    this.#ended = true;
    this.#events.emit('callEnded', { callEndReason: callEndReasons.callerCanceled });
  }

  on(event: 'callEnded', listener: (args: { callEndReason: CallEndReason }) => void): void {
    this.#events.on(event, listener);
  }

  off(event: 'callEnded', listener: (args: { callEndReason: CallEndReason }) => void): void {
    this.#events.off(event, listener);
  }
}

type ParticipantEvents = {
  stateChanged: [];
  isMutedChanged: [];
  isSpeakingChanged: [];
  displayNameChanged: [];
  videoStreamsUpdated: [{ added: FakeRemoteVideoStream[]; removed: FakeRemoteVideoStream[] }];
};

/**
 * A remote participant. Scripting: `speak()`, `setMuted()`, `startVideo()` / `stopVideo()`,
 * `startScreenShare()` / `stopScreenShare()`, `raiseHand()` / `lowerHand()`, `leave()`.
 */
export class FakeRemoteParticipant implements EngineRemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
  readonly #call: FakeCall;
  readonly #latencyMs: number;
  readonly #events = new Emitter<ParticipantEvents>();
  #displayName: string | undefined;
  #state: RemoteParticipantState = 'Connecting';
  #callEndReason: CallEndReason | undefined;
  #isMuted: boolean;
  #isSpeaking = false;
  #videoStreams: FakeRemoteVideoStream[] = [];
  #heardDigits: string[] = [];

  constructor(call: FakeCall, identifier: CommunicationIdentifierKind, displayName: string | undefined, muted: boolean, latencyMs: number) {
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

let lastRemoteStreamId = 0;

/**
 * A remote camera or screen: an animated canvas (the participant's initials, or a slide naming
 * them, on a colour of their own) captured as a real `MediaStream`, so a `<video>` plays it.
 */
export class FakeRemoteVideoStream implements EngineRemoteVideoStream {
  readonly id = ++lastRemoteStreamId;
  readonly mediaStreamType: 'Video' | 'ScreenSharing';
  readonly #label: string;
  readonly #events = new Emitter<{ isAvailableChanged: [] }>();
  #isAvailable = false;
  #stopped = false;
  #painting: PaintedStream | undefined;

  constructor(mediaStreamType: 'Video' | 'ScreenSharing', label: string) {
    this.mediaStreamType = mediaStreamType;
    this.#label = label;
  }

  get isAvailable(): boolean {
    return this.#isAvailable;
  }

  async getMediaStream(): Promise<MediaStream> {
    if (this.#stopped) {
      throw new FakeCallingError('The remote video stream is no longer available to subscribe to. Wait for a remoteVideoAvailable event before subscribing.', 412, 60246);
    }
    this.#painting ??= paintStream(this.#label, this.mediaStreamType);
    return this.#painting.stream;
  }

  on(event: 'isAvailableChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isAvailableChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  /** @internal */
  setAvailable(available: boolean): void {
    if (this.#stopped || this.#isAvailable === available) return;
    this.#isAvailable = available;
    this.#events.emit('isAvailableChanged');
  }

  /** @internal Ends the tracks and the animation. */
  stop(): void {
    this.#stopped = true;
    this.#isAvailable = false;
    this.#painting?.stop();
  }
}

interface PaintedStream {
  readonly stream: MediaStream;
  stop(): void;
}

function paintStream(label: string, type: 'Video' | 'ScreenSharing'): PaintedStream {
  const screen = type === 'ScreenSharing';
  const canvas = document.createElement('canvas');
  canvas.width = screen ? 1280 : 640;
  canvas.height = screen ? 720 : 360;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('A fake video stream needs a 2D canvas.');
  const hue = [...label].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 360, 0);
  const text = screen ? `${label} · screen` : initialsOf(label);
  const { width, height } = canvas;
  const paint = () => {
    context.fillStyle = `hsl(${hue} 45% ${screen ? 92 : 32}%)`;
    context.fillRect(0, 0, width, height);
    // Canvas capture only sends a frame when the canvas changed: the moving bar keeps frames coming.
    context.fillStyle = `hsl(${hue} 70% 55%)`;
    context.fillRect(((performance.now() / 8) % (width + 120)) - 120, height - 16, 120, 16);
    context.fillStyle = screen ? `hsl(${hue} 45% 20%)` : 'white';
    context.font = `600 ${screen ? 64 : 140}px system-ui, sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(text, width / 2, height / 2);
  };
  paint();
  const timer = setInterval(paint, 1000 / FRAME_RATE);
  const stream = canvas.captureStream(FRAME_RATE);
  return {
    stream,
    stop: () => {
      clearInterval(timer);
      stopTracks(stream);
    },
  };
}

function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length === 0 ? '?' : words.slice(0, 2).map((word) => [...word][0]!.toUpperCase()).join('');
}

/** A camera or screen this user sends, over a `MediaStream` the page captured. */
export class FakeLocalVideoStream implements EngineLocalVideoStream {
  readonly mediaStreamType: 'RawMedia' | 'ScreenSharing';
  #source: MediaStream;

  constructor(source: MediaStream, mediaStreamType: 'RawMedia' | 'ScreenSharing') {
    this.#source = source;
    this.mediaStreamType = mediaStreamType;
  }

  async getMediaStream(): Promise<MediaStream> {
    return this.#source;
  }

  async setMediaStream(source: MediaStream): Promise<void> {
    this.#source = source;
  }

  /** Nothing to release: the tracks belong to whoever captured them. */
  dispose(): void {}
}

/** The browser's own devices (`enumerateDevices`), in the SDK's shapes and `camera:…` style ids. */
export class FakeDeviceManager implements EngineDeviceManager {
  readonly isSpeakerSelectionAvailable = 'setSinkId' in HTMLMediaElement.prototype;
  #selectedMicrophone: AudioDeviceInfo | undefined;
  #selectedSpeaker: AudioDeviceInfo | undefined;

  /** A device manager with the system's default microphone and speaker selected. */
  static async create(): Promise<FakeDeviceManager> {
    const manager = new FakeDeviceManager();
    const [microphones, speakers] = await Promise.all([manager.getMicrophones(), manager.getSpeakers()]);
    manager.#selectedMicrophone = microphones.find((device) => device.isSystemDefault) ?? microphones[0];
    manager.#selectedSpeaker = speakers.find((device) => device.isSystemDefault) ?? speakers[0];
    return manager;
  }

  get selectedMicrophone(): AudioDeviceInfo | undefined {
    return this.#selectedMicrophone;
  }

  get selectedSpeaker(): AudioDeviceInfo | undefined {
    return this.#selectedSpeaker;
  }

  async getCameras(): Promise<VideoDeviceInfo[]> {
    return (await devicesOfKind('videoinput')).map((device) => ({ id: `camera:${device.deviceId}`, name: device.label, deviceType: 'UsbCamera' }));
  }

  async getMicrophones(): Promise<AudioDeviceInfo[]> {
    return (await devicesOfKind('audioinput')).map((device) => audioDevice(device, 'Microphone'));
  }

  async getSpeakers(): Promise<AudioDeviceInfo[]> {
    return (await devicesOfKind('audiooutput')).map((device) => audioDevice(device, 'Speaker'));
  }

  async selectMicrophone(microphone: AudioDeviceInfo): Promise<void> {
    this.#selectedMicrophone = microphone;
  }

  async selectSpeaker(speaker: AudioDeviceInfo): Promise<void> {
    this.#selectedSpeaker = speaker;
  }
}

async function devicesOfKind(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  return (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === kind);
}

function audioDevice(device: MediaDeviceInfo, deviceType: 'Microphone' | 'Speaker'): AudioDeviceInfo {
  const prefix = deviceType === 'Microphone' ? 'microphone' : 'speaker';
  return { id: `${prefix}:${device.deviceId}`, name: device.label, deviceType, isSystemDefault: device.deviceId === 'default' };
}

type RaiseHandEvents = { raisedHandEvent: [RaisedHandChangedEvent]; loweredHandEvent: [RaisedHandChangedEvent] };

/** Raised hands. Scripting: `raise(identifier)` / `lower(identifier)`, as the service announces them. */
export class FakeRaiseHand implements EngineRaiseHand {
  readonly #call: FakeCall;
  readonly #localUser: CommunicationUserKind;
  readonly #latencyMs: number;
  readonly #events = new Emitter<RaiseHandEvents>();
  #hands: RaisedHand[] = [];
  #lastOrder = 0;

  constructor(call: FakeCall, localUser: CommunicationUserKind, latencyMs: number) {
    this.#call = call;
    this.#localUser = localUser;
    this.#latencyMs = latencyMs;
  }

  async raiseHand(): Promise<void> {
    await this.#changeOwnHand();
    this.raise(this.#localUser);
  }

  async lowerHand(): Promise<void> {
    await this.#changeOwnHand();
    this.lower(this.#localUser);
  }

  getRaisedHands(): RaisedHand[] {
    return [...this.#hands];
  }

  on(event: 'raisedHandEvent', listener: RaisedHandListener): void;
  on(event: 'loweredHandEvent', listener: LoweredHandListener): void;
  on(event: keyof RaiseHandEvents, listener: Listener): void {
    this.#events.on(event, listener);
  }

  off(event: 'raisedHandEvent', listener: RaisedHandListener): void;
  off(event: 'loweredHandEvent', listener: LoweredHandListener): void;
  off(event: keyof RaiseHandEvents, listener: Listener): void {
    this.#events.off(event, listener);
  }

  raise(identifier: CommunicationIdentifierKind): void {
    if (identifier.kind !== 'communicationUser' && identifier.kind !== 'microsoftTeamsUser') throw new TypeError('Only ACS and Teams users can raise a hand.');
    if (this.#indexOf(identifier) >= 0) return;
    this.#hands = [...this.#hands, { identifier, order: ++this.#lastOrder }];
    this.#events.emit('raisedHandEvent', { identifier });
  }

  lower(identifier: CommunicationIdentifierKind): void {
    const index = this.#indexOf(identifier);
    if (index < 0) return;
    const [hand] = this.#hands.splice(index, 1);
    this.#hands = [...this.#hands];
    this.#events.emit('loweredHandEvent', { identifier: hand!.identifier });
  }

  async #changeOwnHand(): Promise<void> {
    if (this.#call.state !== 'Connected') throw new FakeCallingError('Could not change a participant state.', 500, 45752);
    await sleep(this.#latencyMs);
  }

  #indexOf(identifier: CommunicationIdentifierKind): number {
    const rawId = rawIdOf(identifier);
    return this.#hands.findIndex((hand) => rawIdOf(hand.identifier) === rawId);
  }
}

/** Dominant speakers. Scripting: `setSpeakers(list)`; `FakeRemoteParticipant.speak()` uses it. */
export class FakeDominantSpeakers implements EngineDominantSpeakers {
  readonly #events = new Emitter<{ dominantSpeakersChanged: [] }>();
  #info: DominantSpeakersInfo = { speakersList: [], timestamp: new Date() };

  get dominantSpeakers(): DominantSpeakersInfo {
    return this.#info;
  }

  on(event: 'dominantSpeakersChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'dominantSpeakersChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  /** The service names the dominant speakers, most dominant first. */
  setSpeakers(speakersList: readonly CommunicationIdentifierKind[]): void {
    this.#info = { speakersList: [...speakersList], timestamp: new Date() };
    this.#events.emit('dominantSpeakersChanged');
  }
}

/** Recording. Scripting: `setActive(active)`, or `FakeCall.setRecording`. */
export class FakeRecording implements EngineRecording {
  readonly #events = new Emitter<{ isRecordingActiveChanged: [] }>();
  #active = false;

  get isRecordingActive(): boolean {
    return this.#active;
  }

  on(event: 'isRecordingActiveChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isRecordingActiveChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  setActive(active: boolean): void {
    if (this.#active === active) return;
    this.#active = active;
    this.#events.emit('isRecordingActiveChanged');
  }
}

/** Transcription. Scripting: `setActive(active)`, or `FakeCall.setTranscription`. */
export class FakeTranscription implements EngineTranscription {
  readonly #events = new Emitter<{ isTranscriptionActiveChanged: [] }>();
  #active = false;

  get isTranscriptionActive(): boolean {
    return this.#active;
  }

  on(event: 'isTranscriptionActiveChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isTranscriptionActiveChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  setActive(active: boolean): void {
    if (this.#active === active) return;
    this.#active = active;
    this.#events.emit('isTranscriptionActiveChanged');
  }
}

/**
 * Data channels. What this user sends lands in `FakeCall.sentData`; scripting: `receive(...)`, or
 * `FakeCall.receiveData`, delivers a message from a participant.
 */
export class FakeDataChannel implements EngineDataChannel {
  readonly #call: FakeCall;
  readonly #events = new Emitter<{ dataChannelReceiverCreated: [FakeDataChannelReceiver] }>();
  readonly #senders = new Map<number, FakeDataChannelSender>();
  readonly #receivers = new Map<string, FakeDataChannelReceiver>();

  constructor(call: FakeCall) {
    this.#call = call;
  }

  /** Like the SDK: no `channelId` picks a free one, and a new sender on a channel closes the previous one. */
  createDataChannelSender(options: DataChannelSenderOpenOptions): FakeDataChannelSender {
    const channelId = options.channelId || this.#freeChannelId();
    if (!Number.isInteger(channelId) || channelId < 0 || channelId > LAST_CHANNEL_ID) throw new FakeCallingError(`Invalid channel id ${channelId}`, 400, 45303);
    this.#senders.get(channelId)?.close();
    const sender = new FakeDataChannelSender(this.#call, channelId, options.participants ?? []);
    this.#senders.set(channelId, sender);
    return sender;
  }

  on(event: 'dataChannelReceiverCreated', listener: (receiver: DataChannelReceiver) => void): void {
    this.#events.on(event, listener);
  }

  off(event: 'dataChannelReceiverCreated', listener: (receiver: DataChannelReceiver) => void): void {
    this.#events.off(event, listener);
  }

  /** `sender` sends `data` on `channelId`; the first message announces the receiver. */
  receive(sender: CommunicationIdentifierKind, channelId: number, data: Uint8Array): void {
    const key = `${rawIdOf(sender)} ${channelId}`;
    let receiver = this.#receivers.get(key);
    if (!receiver) {
      receiver = new FakeDataChannelReceiver(channelId, sender);
      this.#receivers.set(key, receiver);
      this.#events.emit('dataChannelReceiverCreated', receiver);
    }
    receiver.deliver(data);
  }

  /** Closes the receivers of `sender`'s messages (they left), or every receiver (the call ended). */
  closeReceivers(sender?: CommunicationIdentifierKind): void {
    for (const [key, receiver] of this.#receivers) {
      if (sender && rawIdOf(receiver.senderParticipantIdentifier) !== rawIdOf(sender)) continue;
      this.#receivers.delete(key);
      receiver.close();
    }
  }

  #freeChannelId(): number {
    for (;;) {
      const channelId = FIRST_RANDOM_CHANNEL_ID + Math.floor(Math.random() * (LAST_CHANNEL_ID - FIRST_RANDOM_CHANNEL_ID + 1));
      if (!this.#senders.has(channelId)) return channelId;
    }
  }
}

export class FakeDataChannelSender implements DataChannelSender {
  readonly channelId: number;
  readonly maxMessageSize = MAX_DATA_CHANNEL_MESSAGE_BYTES;
  readonly #call: FakeCall;
  #participants: readonly CommunicationIdentifier[];
  #closed = false;

  constructor(call: FakeCall, channelId: number, participants: readonly CommunicationIdentifier[]) {
    this.#call = call;
    this.channelId = channelId;
    this.#participants = [...participants];
  }

  /** Sends to these participants only; an empty list sends to everyone. */
  setParticipants(participants: CommunicationIdentifier[]): void {
    this.#participants = [...participants];
  }

  async sendMessage(data: Uint8Array): Promise<void> {
    if (this.#closed) throw new FakeCallingError('The sender has been closed', 400, 45312);
    if (this.#call.state !== 'Connected') throw new FakeCallingError('Sender is not ready', 500, 45301);
    if (data.byteLength === 0) throw new FakeCallingError('Message data is empty', 400, 45308);
    if (data.byteLength > this.maxMessageSize) throw new FakeCallingError('The size of message data is too large', 400, 45309);
    this.#call.sentData.push({ channelId: this.channelId, data: data.slice(), participants: this.#participants });
  }

  close(): void {
    this.#closed = true;
  }
}

export class FakeDataChannelReceiver implements DataChannelReceiver {
  readonly channelId: number;
  readonly senderParticipantIdentifier: CommunicationIdentifierKind;
  readonly #events = new Emitter<{ messageReady: []; close: [] }>();
  readonly #messages: DataChannelMessage[] = [];
  #lastSequenceNumber = 0;

  constructor(channelId: number, sender: CommunicationIdentifierKind) {
    this.channelId = channelId;
    this.senderParticipantIdentifier = sender;
  }

  on(event: 'messageReady' | 'close', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'messageReady' | 'close', listener: Changed): void {
    this.#events.off(event, listener);
  }

  readMessage(): DataChannelMessage | undefined {
    return this.#messages.shift();
  }

  /** @internal */
  deliver(data: Uint8Array): void {
    this.#messages.push({ sequenceNumber: ++this.#lastSequenceNumber, data: data.slice() });
    this.#events.emit('messageReady');
  }

  /** @internal */
  close(): void {
    this.#events.emit('close');
  }
}
