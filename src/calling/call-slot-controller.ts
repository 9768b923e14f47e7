import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AcsSession } from '../core/session.js';
import { AcsError } from '../core/errors.js';
import type { ActiveCall, ActiveCallState } from './active-call.js';
import { callEndedView, type CallEndedView } from './call-end-reason.js';
import { callEngineFor } from './call-engine-for.js';
import type { CallEngine, CallState, DtmfTone, EngineCall, EngineCallAgent } from './call-engine.js';
import { CallSlot, type AttachOptions } from './call-slot.js';

/** What both call elements show of their call; each element's view adds its own fields and phases. */
export interface CallSlotView {
  /** `in-call` from placing or joining the call to its end, `ended` after it; the element adds its own phases before a call. */
  readonly phase: string;
  /** The shared call agent exists: calls can be placed. */
  readonly agentReady: boolean;
  /** The call in progress. */
  readonly call: ActiveCallState | undefined;
  /** Seconds since the call connected, ticking while it is connected. */
  readonly elapsedSeconds: number;
  /** How the last call ended, until the next one starts. */
  readonly ended: CallEndedView | undefined;
}

/** What a call element hears from its controller: the `acs-call-state-changed` and `acs-call-ended` moments. */
export interface CallSlotEvents {
  onCallStateChanged(state: CallState): void;
  onCallEnded(ended: CallEndedView): void;
}

export interface CallAttachOptions {
  session: AcsSession;
  /** The element's `callEngine`: a test's fake; else the emulator's or the real SDK, by the session. */
  callEngine: CallEngine | undefined;
  displayName: string | undefined;
  /** Aborted when the element signs out or leaves the page: the lease is given back. */
  signal: AbortSignal;
}

/**
 * What `<acs-call>`'s and `<acs-dialpad>`'s controllers share: the choice of calling engine, the
 * element's slot on the user's shared call agent, the one call it follows (hang up, mute, hold,
 * DTMF) and the immutable view state the element renders. Subclasses add what only they do (the
 * lobby's media and incoming calls; phone numbers and queued tones).
 */
export abstract class CallSlotController<View extends CallSlotView> implements ReactiveController {
  protected readonly slot = new CallSlot({
    onAgentChanged: (agent) => this.onAgentChanged(agent),
    onTick: (elapsedSeconds) => this.setState({ elapsedSeconds } as Partial<View>),
    onChange: (state, previous) => this.onCallChange(state, previous),
    onEnded: (state) => this.onCallEnded(state),
    onData: (from, data) => this.onData?.(from, data),
  });

  /** Data from another participant's `sendData()`; only elements that show it listen. */
  protected onData?(from: string, data: Uint8Array): void;

  /** What the element renders: replaced on every change, never mutated. */
  state: View;

  /**
   * Registers with `host`. Made in the element's field initializers, before the element connects:
   * a subclass's own fields are not set yet when this runs.
   */
  constructor(
    protected readonly host: ReactiveControllerHost,
    protected readonly events: CallSlotEvents,
    initial: View,
  ) {
    this.state = initial;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.slot.leaveCall();
    this.slot.detach();
  }

  /**
   * Leases the call agent of `session`'s user on the engine for the session (the SDK, the
   * emulator's, or the element's own); settles with the agent once calls can be placed, or
   * undefined when signing in was superseded meanwhile.
   */
  async attach(options: CallAttachOptions): Promise<EngineCallAgent | undefined> {
    const engine = await callEngineFor(options.session, options.callEngine);
    options.signal.throwIfAborted();
    return this.attachEngine({ ...options, engine });
  }

  /** Takes the lease on `engine`'s agent (synchronously, before the first await) and waits for the agent. */
  protected attachEngine(options: AttachOptions): Promise<EngineCallAgent | undefined> {
    return this.slot.attach(options);
  }

  async hangUp(): Promise<void> {
    await this.slot.active?.hangUp();
  }

  async mute(muted: boolean): Promise<void> {
    await this.slot.active?.mute(muted);
  }

  async hold(on: boolean): Promise<void> {
    await this.slot.active?.hold(on);
  }

  /** Sends `tone` into the call in progress. */
  sendDtmf(tone: DtmfTone): Promise<void> {
    const active = this.slot.active;
    if (!active) return Promise.reject(new AcsError('not-in-call', 'sendDtmf() needs a call in progress.'));
    return this.sendTone(active, tone);
  }

  protected sendTone(active: ActiveCall, tone: DtmfTone): Promise<void> {
    return active.sendDtmf(tone);
  }

  /** Follows `call`, just placed, joined or answered: the element shows it from now on. */
  protected follow(call: EngineCall, change: Partial<View> = {}): ActiveCall {
    const active = this.slot.follow(call);
    this.setState({ phase: 'in-call', call: active.state, elapsedSeconds: 0, ...change });
    this.events.onCallStateChanged(call.state);
    return active;
  }

  protected onAgentChanged(agent: EngineCallAgent | undefined): void {
    this.setState({ agentReady: agent !== undefined } as Partial<View>);
  }

  protected onCallChange(state: ActiveCallState, previous: ActiveCallState): void {
    this.setState({ call: state } as Partial<View>);
    if (state.callState !== previous.callState) this.events.onCallStateChanged(state.callState);
  }

  /** The call ended: stop following it, show how it ended (`beforeShown` runs first), tell the element. */
  protected onCallEnded(state: ActiveCallState, beforeShown?: () => void): void {
    const ended = callEndedView(state);
    this.closeCall();
    beforeShown?.();
    this.setState({ phase: 'ended', call: undefined, ended } as Partial<View>);
    this.events.onCallEnded(ended);
  }

  protected closeCall(): void {
    this.slot.closeCall();
  }

  protected setState(change: Partial<View>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }
}
