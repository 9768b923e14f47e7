import type { CallEndReason, CallerInfo } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { EngineIncomingCall, EngineJoinOptions } from '../call-engine.js';
import { callEndReasons } from './call-end-reasons.js';
import { Emitter } from './emitter.js';
import type { FakeCall } from './fake-call.js';
import type { FakeCallPlacement } from './fake-call-placement.js';
import { FakeCallingError } from './fake-calling-error.js';
import { identifierFromRawId } from './identifiers.js';
import { sleep } from './sleep.js';

/** What an incoming call needs from the agents it rings (`FakeCallAgent`). */
export interface FakeRingingAgent {
  readonly disposed: boolean;
  place(placement: FakeCallPlacement): FakeCall;
}

/** Who calls in `FakeCallEngine.ringIncoming`: a user by raw id (`8:acs:…`), or a phone number. */
export type FakeCaller = { rawId: string; displayName?: string } | { phoneNumber: string };

interface IncomingCallEvents {
  callEnded: [{ callEndReason: CallEndReason }];
}

/** A call ringing this user. Scripting: `callerHangsUp()` before it is answered. */
export class FakeIncomingCall implements EngineIncomingCall {
  readonly id = crypto.randomUUID();
  readonly callerInfo: CallerInfo;
  readonly #agents: readonly FakeRingingAgent[];
  readonly #caller: CommunicationIdentifierKind;
  readonly #latencyMs: number;
  readonly #events = new Emitter<IncomingCallEvents>();
  #answered = false;
  #ended = false;

  constructor(agents: readonly FakeRingingAgent[], from: FakeCaller, latencyMs: number) {
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
