import type { AcsSession } from '../core/session.js';
import { ActiveCall, type ActiveCallCallbacks } from './active-call.js';
import { leaseCallAgent, type CallAgentLease } from './call-agents.js';
import type { CallEngine, EngineCall, EngineCallAgent, EngineDeviceManager } from './call-engine.js';

export interface CallSlotCallbacks extends ActiveCallCallbacks {
  /** The agent exists (calls can be placed), or the lease was given back (whether or not the agent had come). */
  onAgentChanged(agent: EngineCallAgent | undefined): void;
  /** Every second of a connected call: seconds since it connected. */
  onTick(elapsedSeconds: number): void;
}

export interface AttachOptions {
  engine: CallEngine;
  session: AcsSession;
  displayName: string | undefined;
  /** Aborted when the element signs out or leaves the page: the lease is given back. */
  signal: AbortSignal;
}

/**
 * What a call element holds to make calls: its lease on the user's shared call agent, and the one
 * call it has in progress (with its ticking timer). `<acs-call>` and `<acs-dialpad>` each hold one.
 */
export class CallSlot {
  engine: CallEngine | undefined;
  agent: EngineCallAgent | undefined;
  active: ActiveCall | undefined;
  private lease: CallAgentLease | undefined;
  /** Calls placed before signing in has finished wait for the agent. */
  private agentWaiters: ((agent: EngineCallAgent) => void)[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly callbacks: CallSlotCallbacks) {}

  /** Leases the call agent of `session`'s user; settles with it, or undefined if superseded meanwhile. */
  async attach({ engine, session, displayName, signal }: AttachOptions): Promise<EngineCallAgent | undefined> {
    this.detach();
    const lease = leaseCallAgent(engine, session, displayName);
    this.lease = lease;
    this.engine = engine;
    signal.addEventListener('abort', () => this.lease === lease && this.detach(), { once: true });
    const agent = await lease.agent;
    if (this.lease !== lease) return undefined;
    this.agent = agent;
    this.callbacks.onAgentChanged(agent);
    for (const resolve of this.agentWaiters.splice(0)) resolve(agent);
    return agent;
  }

  /** The SDK's device manager of the leased agent's client, once it is ready. */
  get deviceManager(): Promise<EngineDeviceManager> | undefined {
    return this.lease?.deviceManager;
  }

  /** True while `deviceManager` belongs to the current lease. */
  holds(deviceManager: Promise<EngineDeviceManager>): boolean {
    return this.lease?.deviceManager === deviceManager;
  }

  /** The agent, waiting for it if signing in has not finished. */
  agentWhenReady(): Promise<EngineCallAgent> {
    return this.agent ? Promise.resolve(this.agent) : new Promise((resolve) => this.agentWaiters.push(resolve));
  }

  /** Follows `call`, made by this slot's agent, until it ends or `closeCall()`. */
  follow(call: EngineCall): ActiveCall {
    if (!this.engine || !this.agent) throw new Error('A call can only be followed once the agent exists.');
    this.closeCall();
    const active = new ActiveCall(call, this.engine, this.agent, this.callbacks);
    this.active = active;
    this.ticker = setInterval(() => {
      const { connectedAt } = active.state;
      if (connectedAt !== undefined) this.callbacks.onTick(Math.floor((Date.now() - connectedAt) / 1000));
    }, 1000);
    return active;
  }

  /** Stops following the call in progress (the call itself goes on). */
  closeCall(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.active?.dispose();
    this.active = undefined;
  }

  /** Hangs up the call in progress and stops following it: for an element leaving the page. */
  leaveCall(): void {
    const call = this.active?.call;
    this.closeCall();
    // Nobody should stay on a call they can no longer see.
    if (call && call.state !== 'Disconnected') call.hangUp().catch(() => undefined);
  }

  /** Gives the agent lease back; the last one disposes the agent. */
  detach(): void {
    if (!this.lease) return;
    this.lease.release();
    this.lease = undefined;
    this.agent = undefined;
    this.callbacks.onAgentChanged(undefined);
  }
}
