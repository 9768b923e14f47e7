import type { ConnectionState, ConnectionStateChangedEvent } from '@azure/communication-calling';
import type { CommunicationIdentifier, CommunicationTokenCredential } from '@azure/communication-common';
import type {
  EngineCall,
  EngineCallAgent,
  EngineCallLocator,
  EngineDeviceManager,
  EngineIncomingCall,
  EngineJoinOptions,
  EngineStartCallOptions,
} from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { callEndReasons } from './call-end-reasons.js';
import { Emitter, type Listener } from './emitter.js';
import { FakeCallingError } from './fake-calling-error.js';
import { identifierFromRawId } from './identifiers.js';
import { LocalCall, type LocalCallPlacement } from './local-call.js';
import { localEndReasons } from './local-end-reasons.js';
import { LocalIncomingCall } from './local-incoming-call.js';
import type { ClientMessage, ServerMessage } from './local-protocol.js';
import { LocalSignal } from './local-signal.js';

interface AgentEvents {
  incomingCall: [{ incomingCall: EngineIncomingCall }];
  connectionStateChanged: Parameters<ConnectionStateChangedEvent>;
}

export interface LocalCallAgentInit {
  endpoint: string;
  credential: CommunicationTokenCredential;
  displayName: string | undefined;
  deviceManager: Promise<EngineDeviceManager>;
  /** The emulator's simulated calls, for what has no other browser at the end: phone numbers and Teams meetings. */
  simulated: Promise<EngineCallAgent>;
  /** The demo bot's agent: no microphone opened, nobody played. */
  headless?: boolean;
}

/**
 * The call agent of the local engine: calls between browsers over the emulator's signalling, and
 * phone numbers and Teams meetings handed to the emulator's simulated calls (there is no phone
 * network or Teams to reach), so one agent serves `<acs-call>` and `<acs-dialpad>` alike.
 */
export class LocalCallAgent implements EngineCallAgent {
  readonly displayName: string | undefined;
  readonly hearsOthers: boolean;
  readonly #signal: LocalSignal;
  readonly #simulated: EngineCallAgent;
  readonly #deviceManager: Promise<EngineDeviceManager>;
  readonly #events = new Emitter<AgentEvents>();
  readonly #incoming = new Map<string, LocalIncomingCall>();
  #calls: LocalCall[] = [];
  #connectionState: ConnectionState = 'Connected';
  #disposed = false;

  private constructor(signal: LocalSignal, simulated: EngineCallAgent, init: LocalCallAgentInit) {
    this.#signal = signal;
    this.#simulated = simulated;
    this.#deviceManager = init.deviceManager;
    this.displayName = init.displayName;
    this.hearsOthers = !init.headless;
    // A closing tab leaves its calls at once (and so releases its camera and microphone), rather than dropping out of them 5 seconds later.
    addEventListener('pagehide', this.#leaveAll);
  }

  static async create(init: LocalCallAgentInit): Promise<LocalCallAgent> {
    // The socket may speak before the agent exists; nothing it says then concerns a call yet.
    const created: { agent?: LocalCallAgent } = {};
    const signal = await LocalSignal.open(init.endpoint, init.credential, {
      message: (message) => created.agent?.handle(message),
      connection: (state) => created.agent?.setConnectionState(state),
      sessionLost: () => created.agent?.endCalls(callEndReasons.networkLost),
    });
    created.agent = new LocalCallAgent(signal, await init.simulated, init);
    return created.agent;
  }

  get userId(): string {
    return this.#signal.userId;
  }

  get iceServers(): RTCIceServer[] {
    return this.#signal.iceServers;
  }

  get connectionState(): ConnectionState {
    return this.#connectionState;
  }

  get calls(): readonly EngineCall[] {
    return [...this.#calls, ...this.#simulated.calls];
  }

  /** Rings another user by raw id; phone numbers go to the emulator's simulated phone network. */
  startCall(participants: CommunicationIdentifier[], options: EngineStartCallOptions = {}): EngineCall {
    const callees = participants.map((participant) => identifierFromRawId(rawIdOf(participant)));
    if (callees.some((callee) => callee.kind !== 'communicationUser')) return this.#simulated.startCall(participants, options);
    if (callees.length !== 1) throw new FakeCallingError('The emulator calls one user at a time: invite the others to a group call.', 400, 41001);
    return this.#place({ kind: 'ring', callId: crypto.randomUUID(), callee: callees[0] }, options);
  }

  /** Joins a group call or room with the other browsers in it; a Teams meeting is simulated. */
  join(locator: EngineCallLocator, options: EngineJoinOptions = {}): EngineCall {
    if ('groupId' in locator) return this.#place({ kind: 'join', room: `group:${locator.groupId}` }, options);
    if ('roomId' in locator) return this.#place({ kind: 'join', room: `room:${locator.roomId}` }, options);
    return this.#simulated.join(locator, options);
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

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    removeEventListener('pagehide', this.#leaveAll);
    this.#leaveAll();
    this.#signal.close();
    await this.#simulated.dispose();
  }

  /** @internal */
  send(message: ClientMessage): void {
    this.#signal.send(message);
  }

  /** @internal */
  async openMicrophone(): Promise<MediaStreamTrack | undefined> {
    if (!this.hearsOthers) return undefined;
    const selected = (await this.#deviceManager.catch(() => undefined))?.selectedMicrophone?.id.replace(/^microphone:/, '');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: selected ? { deviceId: { exact: selected } } : true });
      return stream.getAudioTracks()[0];
    } catch {
      // No microphone, or it is denied: the call goes on without sound from this side, as the SDK's does.
      return undefined;
    }
  }

  /** @internal */
  callEnded(call: LocalCall): void {
    this.#calls = this.#calls.filter((live) => live !== call);
  }

  /** @internal */
  answer(incoming: LocalIncomingCall, options: EngineJoinOptions): LocalCall {
    this.#incoming.delete(incoming.id);
    return this.#place({ kind: 'answer', callId: incoming.id, callerInfo: incoming.callerInfo }, options);
  }

  /** @internal */
  decline(callId: string): void {
    this.#incoming.delete(callId);
    this.#signal.send({ type: 'decline', callId });
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'incoming': {
        const incoming = new LocalIncomingCall(this, message.callId, message.from, message.displayName);
        this.#incoming.set(message.callId, incoming);
        this.#events.emit('incomingCall', { incomingCall: incoming });
        break;
      }
      case 'ring-ended':
        this.#incoming.get(message.callId)?.ringEnded(message.reason);
        this.#incoming.delete(message.callId);
        break;
      case 'call-ended':
        this.#calls.find((call) => call.callId === message.callId)?.end(message.reason === 'declined' ? callEndReasons.declined : localEndReasons.noAnswer);
        break;
      case 'welcome':
      case 'error':
        break;
      default:
        for (const call of this.#calls) if (call.room === message.room) call.handle(message);
    }
  }

  private setConnectionState(newValue: ConnectionState): void {
    const oldValue = this.#connectionState;
    if (newValue === oldValue) return;
    this.#connectionState = newValue;
    this.#events.emit('connectionStateChanged', newValue === 'Disconnected' ? { newValue, oldValue, reason: 'connectionIssue' } : { newValue, oldValue });
    for (const call of this.#calls) call.connectionChanged(newValue === 'Connected');
  }

  private endCalls(reason: typeof callEndReasons.networkLost): void {
    for (const call of [...this.#calls]) call.end(reason);
  }

  #place(placement: LocalCallPlacement, options: EngineJoinOptions): LocalCall {
    if (this.#disposed) throw new FakeCallingError('Call Agent is already disposed', 409, 40203);
    const call = new LocalCall(this, placement, { muted: options.audioOptions?.muted ?? false, video: options.videoOptions?.localVideoStreams ?? [] });
    this.#calls = [...this.#calls, call];
    return call;
  }

  readonly #leaveAll = () => {
    for (const call of [...this.#calls]) void call.hangUp();
  };
}
