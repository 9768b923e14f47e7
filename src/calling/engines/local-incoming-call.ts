import type { CallEndReason, CallerInfo } from '@azure/communication-calling';
import type { EngineIncomingCall, EngineJoinOptions } from '../call-engine.js';
import { callEndReasons } from './call-end-reasons.js';
import { Emitter } from './emitter.js';
import { FakeCallingError } from './fake-calling-error.js';
import { identifierFromRawId } from './identifiers.js';
import type { LocalCall } from './local-call.js';
import { localEndReasons } from './local-end-reasons.js';
import type { ServerMessage } from './local-protocol.js';

/** What an incoming call needs from the agent it rings (`LocalCallAgent`). */
export interface LocalRingingAgent {
  answer(incoming: LocalIncomingCall, options: EngineJoinOptions): LocalCall;
  decline(callId: string): void;
}

type RingEnd = Extract<ServerMessage, { type: 'ring-ended' }>['reason'];

const RING_END_REASONS: Record<RingEnd, CallEndReason> = {
  canceled: callEndReasons.callerCanceled,
  'no-answer': localEndReasons.noAnswer,
  // Another tab of this user took the call: for this one, the caller stopped ringing it.
  'answered-elsewhere': callEndReasons.callerCanceled,
};

/** Another browser's user calling this one by raw id, through the emulator. */
export class LocalIncomingCall implements EngineIncomingCall {
  readonly callerInfo: CallerInfo;
  readonly #agent: LocalRingingAgent;
  readonly #events = new Emitter<{ callEnded: [{ callEndReason: CallEndReason }] }>();
  #settled = false;

  constructor(
    agent: LocalRingingAgent,
    readonly id: string,
    from: string,
    displayName: string | undefined,
  ) {
    this.#agent = agent;
    this.callerInfo = { identifier: identifierFromRawId(from), displayName };
  }

  /** Resolves with the call at once; it connects when the browsers have found each other. */
  // eslint-disable-next-line @typescript-eslint/require-await -- async so that its errors reject, as the SDK's do
  async accept(options: EngineJoinOptions = {}): Promise<LocalCall> {
    if (this.#settled) {
      throw new FakeCallingError('Failed to handle incoming call notification. The call was either canceled by caller or timed out', 400, 3095);
    }
    this.#settled = true;
    return this.#agent.answer(this, options);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that its errors reject, as the SDK's do
  async reject(): Promise<void> {
    if (this.#settled) return;
    this.#agent.decline(this.id);
    this.#ended(callEndReasons.declined);
  }

  on(event: 'callEnded', listener: (args: { callEndReason: CallEndReason }) => void): void {
    this.#events.on(event, listener);
  }

  off(event: 'callEnded', listener: (args: { callEndReason: CallEndReason }) => void): void {
    this.#events.off(event, listener);
  }

  /** @internal The emulator stopped the ringing. */
  ringEnded(reason: RingEnd): void {
    this.#ended(RING_END_REASONS[reason]);
  }

  #ended(callEndReason: CallEndReason): void {
    this.#settled = true;
    this.#events.emit('callEnded', { callEndReason });
  }
}
