import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActiveCallState } from '../calling/active-call.js';
import { callEndedView, type CallEndedView } from '../calling/call-end-reason.js';
import { CallSlot, type AttachOptions } from '../calling/call-slot.js';
import type { CallState, DtmfTone } from '../calling/call-engine.js';
import { AcsError, toAcsError } from '../core/errors.js';
import { ToneQueue } from './dtmf.js';

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

/**
 * Everything of one `<acs-dialpad>` that is not DOM: its share of the user's call agent (the same
 * one an `<acs-call>` of that user holds), its phone call and the DTMF tones sent into it, in order.
 */
export class DialpadController implements ReactiveController {
  state: DialpadCallView = { agentReady: false, phase: 'idle', call: undefined, phoneNumber: undefined, elapsedSeconds: 0, ended: undefined };
  private readonly slot = new CallSlot({
    onAgentChanged: (agent) => this.setState({ agentReady: agent !== undefined }),
    onTick: (elapsedSeconds) => this.setState({ elapsedSeconds }),
    onChange: (state, previous) => {
      this.setState({ call: state });
      if (state.callState !== previous.callState) this.callbacks.onCallStateChanged(state.callState);
    },
    onEnded: (state) => this.onEnded(state),
    onData: () => undefined,
  });
  private waitingForAgent = false;
  private tones = new ToneQueue();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: DialpadControllerCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.slot.leaveCall();
    if (this.state.phase === 'in-call') this.setState({ phase: 'idle', call: undefined });
    this.slot.detach();
  }

  /** Leases the call agent of `session`'s user; settles once calls can be placed. */
  async attach(options: AttachOptions): Promise<void> {
    await this.slot.attach(options);
  }

  /** Calls `phoneNumber` (E.164) showing `callerId`; resolves once the SDK has the call, not when it connects. */
  async dial(phoneNumber: string, callerId: string): Promise<void> {
    // Enter pressed again while the agent is still on its way must not place a second call.
    if (this.slot.active || this.waitingForAgent) return;
    this.waitingForAgent = true;
    const agent = await this.slot.agentWhenReady().finally(() => (this.waitingForAgent = false));
    try {
      const call = agent.startCall([{ phoneNumber }], { alternateCallerId: { phoneNumber: callerId } });
      this.tones = new ToneQueue();
      const active = this.slot.follow(call);
      this.setState({ phase: 'in-call', call: active.state, phoneNumber, elapsedSeconds: 0, ended: undefined });
      this.callbacks.onCallStateChanged(call.state);
    } catch (error) {
      throw toAcsError(error, 'call-failed');
    }
  }

  /** True while a call can take DTMF (the SDK refuses tones before it connects and on hold). */
  get acceptsTones(): boolean {
    return this.slot.active?.state.callState === 'Connected';
  }

  /**
   * Queues `tone` behind the tones still on their way; settles when this one is sent. A failed
   * tone does not stop the ones after it.
   */
  sendDtmf(tone: DtmfTone): Promise<void> {
    const active = this.slot.active;
    if (!active) return Promise.reject(new AcsError('not-in-call', 'sendDtmf() needs a call in progress.'));
    return this.tones.send(() => active.sendDtmf(tone));
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

  private onEnded(state: ActiveCallState): void {
    const ended = callEndedView(state);
    this.slot.closeCall();
    this.setState({ phase: 'ended', call: undefined, ended });
    this.callbacks.onCallEnded(ended);
  }

  private setState(change: Partial<DialpadCallView>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }
}
