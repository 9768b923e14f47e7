import type { ConnectionState, ConnectionStateChangedEvent } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';
import type { EngineCallAgent, EngineCallLocator, EngineIncomingCall, EngineJoinOptions, EngineStartCallOptions } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { callEndReasons } from './call-end-reasons.js';
import { Emitter, type Listener } from './emitter.js';
import { FakeCall } from './fake-call.js';
import type { FakeCallContext } from './fake-call-engine-options.js';
import type { FakeCallPlacement } from './fake-call-placement.js';
import { FakeCallingError } from './fake-calling-error.js';
import type { FakeIncomingCall } from './fake-incoming-call.js';
import { identifierFromRawId } from './identifiers.js';

/** What an agent needs from its engine (`FakeCallEngine`): what its calls read, and where to report. */
export interface FakeCallAgentHost extends FakeCallContext {
  agentDisposed(agent: FakeCallAgent): void;
  callPlaced(call: FakeCall): void;
}

interface AgentEvents {
  incomingCall: [{ incomingCall: FakeIncomingCall }];
  connectionStateChanged: Parameters<ConnectionStateChangedEvent>;
}

export class FakeCallAgent implements EngineCallAgent {
  /** The signed-in user's raw id, from the token's `skypeid` claim (a made-up ACS user for a token that is not a JWT). */
  readonly userId: string;
  /** The name given to `createCallAgent`, which the other side of a call would see. */
  readonly displayName: string | undefined;
  readonly #engine: FakeCallAgentHost;
  readonly #events = new Emitter<AgentEvents>();
  #calls: FakeCall[] = [];
  #connectionState: ConnectionState = 'Connected';
  #disposed = false;

  constructor(engine: FakeCallAgentHost, userId: string, displayName: string | undefined) {
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
  // eslint-disable-next-line @typescript-eslint/require-await -- async so that its errors reject, as the SDK's do
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
