import type { CallEngine, EngineCall } from '../call-engine.js';
import { FakeCall } from './fake-call.js';
import type { FakeCallAgent } from './fake-call-agent.js';
import { FakeCallClient } from './fake-call-client.js';
import type { FakeCallEngineOptions, PhoneCalleeAnswer } from './fake-call-engine-options.js';
import type { FakeCallFeatures } from './fake-call-features.js';
import { FakeIncomingCall, type FakeCaller } from './fake-incoming-call.js';
import { FakeLocalVideoStream } from './fake-local-video-stream.js';

const DEFAULT_LATENCY_MS = 50;

/**
 * The fake calling SDK. Give it to an element before it connects, then script the call from the
 * test:
 *
 * ```ts
 * const engine = new FakeCallEngine({ latencyMs: 5 });
 * element.callEngine = engine;
 * const call = await engine.waitForCall();
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
  /** How many of `#calls` have been handed out by `nextCall` or `waitForCall`, or passed over by the latter. */
  #callsTaken = 0;
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

  /**
   * The next call started, joined or accepted on this engine, after this method is called: a call
   * placed before is not returned, so ask first, then make the element call. Use `waitForCall` when
   * the element may have placed its call already.
   */
  nextCall(): Promise<FakeCall> {
    return new Promise((resolve) => this.#callWaiters.push(resolve));
  }

  /**
   * The call the element placed, whether it did so before this method is called or does later: the
   * latest call not yet taken (handed out by `waitForCall` or `nextCall`), else the next one placed.
   * Taking the latest call passes over older ones never taken, so each call waits for the call the
   * element placed last.
   *
   * ```ts
   * await element.start(); // the call may be placed already
   * const call = await engine.waitForCall();
   * ```
   */
  waitForCall(): Promise<FakeCall> {
    const latest = this.#calls.at(-1);
    if (!latest || this.#callsTaken === this.#calls.length) return this.nextCall();
    this.#callsTaken = this.#calls.length;
    return Promise.resolve(latest);
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
    if (waiters.length > 0) this.#callsTaken = this.#calls.length;
    for (const resolve of waiters) resolve(call);
  }
}
