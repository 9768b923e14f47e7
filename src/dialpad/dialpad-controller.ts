import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ActiveCall, type ActiveCallState } from '../core/calls/active-call.js';
import { leaseCallAgent, type CallAgentLease } from '../core/calls/call-agents.js';
import { callEndedView, type CallEndedView } from '../core/calls/call-end-reason.js';
import type { CallEngine, CallState, DtmfTone, EngineCallAgent } from '../core/calls/call-engine.js';
import { AcsError, toAcsError } from '../core/errors.js';
import type { AcsSession } from '../core/session.js';

/** What `<acs-dialpad>` shows of its own phone call. */
export interface DialpadCallView {
  /** The shared call agent exists: calls can be placed. */
  readonly agentReady: boolean;
  /** `idle` before the first call, `in-call` from dialling to hang-up, `ended` after a call. */
  readonly phase: 'idle' | 'in-call' | 'ended';
  /** The call in progress. */
  readonly call: ActiveCallState | undefined;
  /** The E.164 number of the call in progress or of the last one. */
  readonly phoneNumber: string | undefined;
  /** Seconds since the call connected, ticking while it is connected. */
  readonly elapsedSeconds: number;
  /** How the last call ended, until the next one starts. */
  readonly ended: CallEndedView | undefined;
}

export interface DialpadControllerCallbacks {
  onCallStateChanged(state: CallState): void;
  onCallEnded(ended: CallEndedView): void;
}

export interface DialpadAttachOptions {
  engine: CallEngine;
  session: AcsSession;
  displayName: string | undefined;
  signal: AbortSignal;
}

/**
 * Everything of one `<acs-dialpad>` that is not DOM: its share of the user's call agent (the same
 * one an `<acs-call>` of that user holds), its phone call and the DTMF tones sent into it, in order.
 */
export class DialpadController implements ReactiveController {
  state: DialpadCallView = { agentReady: false, phase: 'idle', call: undefined, phoneNumber: undefined, elapsedSeconds: 0, ended: undefined };
  private lease: CallAgentLease | undefined;
  private engine: CallEngine | undefined;
  private agent: EngineCallAgent | undefined;
  private active: ActiveCall | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** The tones go out one after the other: each `sendDtmf` waits for the previous one to settle. */
  private tones: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: DialpadControllerCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    const call = this.active?.call;
    this.closeCall();
    // Leaving the page leaves the call: nobody should stay on a call they can no longer see.
    if (call && call.state !== 'Disconnected') call.hangUp().catch(() => undefined);
    if (this.state.phase === 'in-call') this.setState({ phase: 'idle', call: undefined });
    this.detach();
  }

  /** Leases the call agent of `session`'s user; settles once calls can be placed. */
  async attach({ engine, session, displayName, signal }: DialpadAttachOptions): Promise<void> {
    this.detach();
    const lease = leaseCallAgent(engine, session, displayName);
    this.lease = lease;
    this.engine = engine;
    signal.addEventListener('abort', () => this.lease === lease && this.detach(), { once: true });
    const agent = await lease.agent;
    if (this.lease !== lease) return;
    this.agent = agent;
    this.setState({ agentReady: true });
  }

  /** Calls `phoneNumber` (E.164) showing `callerId`; resolves once the SDK has the call, not when it connects. */
  async dial(phoneNumber: string, callerId: string): Promise<void> {
    if (this.active) return;
    const agent = this.agent ?? (this.lease ? await this.lease.agent : undefined);
    if (!agent || !this.engine) throw new AcsError('call-failed', 'The call agent is not ready.');
    try {
      const call = agent.startCall([{ phoneNumber }], { alternateCallerId: { phoneNumber: callerId } });
      this.tones = Promise.resolve();
      this.active = new ActiveCall(call, this.engine, agent, {
        onChange: (state, previous) => {
          this.setState({ call: state });
          if (state.callState !== previous.callState) this.callbacks.onCallStateChanged(state.callState);
        },
        onEnded: (state) => this.onEnded(state),
        onData: () => undefined,
      });
      this.ticker = setInterval(() => this.tick(), 1000);
      this.setState({ phase: 'in-call', call: this.active.state, phoneNumber, elapsedSeconds: 0, ended: undefined });
      this.callbacks.onCallStateChanged(call.state);
    } catch (error) {
      throw toAcsError(error, 'call-failed');
    }
  }

  /** True while a call can take DTMF (the SDK refuses tones before it connects and on hold). */
  get acceptsTones(): boolean {
    return this.active?.state.callState === 'Connected';
  }

  /**
   * Queues `tone` behind the tones still on their way; settles when this one is sent. A failed
   * tone does not stop the ones after it.
   */
  sendDtmf(tone: DtmfTone): Promise<void> {
    const active = this.active;
    if (!active) return Promise.reject(new AcsError('not-in-call', 'sendDtmf() needs a call in progress.'));
    const sent = this.tones.then(() => active.sendDtmf(tone));
    this.tones = sent.catch(() => undefined);
    return sent;
  }

  async hangUp(): Promise<void> {
    await this.active?.hangUp();
  }

  async mute(muted: boolean): Promise<void> {
    await this.active?.mute(muted);
  }

  async hold(on: boolean): Promise<void> {
    await this.active?.hold(on);
  }

  private onEnded(state: ActiveCallState): void {
    const ended = callEndedView(state);
    this.closeCall();
    this.setState({ phase: 'ended', call: undefined, ended });
    this.callbacks.onCallEnded(ended);
  }

  private closeCall(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.active?.dispose();
    this.active = undefined;
  }

  private detach(): void {
    this.lease?.release();
    this.lease = undefined;
    this.agent = undefined;
    if (this.state.agentReady) this.setState({ agentReady: false });
  }

  private tick(): void {
    const connectedAt = this.active?.state.connectedAt;
    if (connectedAt !== undefined) this.setState({ elapsedSeconds: Math.floor((Date.now() - connectedAt) / 1000) });
  }

  private setState(change: Partial<DialpadCallView>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }
}
