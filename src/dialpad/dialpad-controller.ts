import type { ActiveCall, ActiveCallState } from '../calling/active-call.js';
import type { DtmfTone, EngineCallAgent } from '../calling/call-engine.js';
import { CallSlotController, type CallAttachOptions, type CallSlotEvents, type CallSlotView } from '../calling/call-slot-controller.js';
import { AcsError, toAcsError } from '../core/errors.js';
import type { ReactiveControllerHost } from 'lit';
import { isDialKey, toDtmfTone, ToneQueue, type DialKey } from './dtmf.js';
import { isValidCallerId } from './phone-number.js';

/** Why the pad cannot place phone calls of its own: it needs an `alternate-caller-id`. */
export function missingCallerId(): AcsError {
  return new AcsError('missing-caller-id', 'alternate-caller-id must be an ACS phone number in E.164 (+18005550100).');
}

/** What `<acs-dialpad>` shows of its own phone call. */
export interface DialpadCallView extends CallSlotView {
  /** `idle` before the first call, `in-call` from dialling to hang-up, `ended` after a call. */
  readonly phase: 'idle' | 'in-call' | 'ended';
  /** The keys sent as tones into the call in progress, in order. */
  readonly sentKeys: string;
  /** The last call connected before it ended: its duration means something. */
  readonly connected: boolean;
  /** A call was asked for and waits for the call agent (the calling SDK is on its way). */
  readonly waitingForAgent: boolean;
}

export interface DialpadControllerCallbacks extends CallSlotEvents {
  /** A call to `phoneNumber` is about to be placed: the caller id is fine (`acs-dial`). */
  onDial(phoneNumber: string): void;
  /** A key of the extension dialled with the number went into the call as a tone (`acs-dtmf`). */
  onExtensionTone(tone: DtmfTone): void;
}

/** How long after the call connects its extension is dialled: a dialler's `,` pause, for the far end's menu to start listening. */
export const EXTENSION_PAUSE_MS = 2000;

/**
 * Everything of one `<acs-dialpad>` that is not DOM: its share of the user's call agent (the same
 * one an `<acs-call>` of that user holds), its phone call and the DTMF tones sent into it, in order.
 */
export class DialpadController extends CallSlotController<DialpadCallView> {
  /** Signing in is done; the call agent (and the 1.8 MB calling SDK under it) waits for the first intent to call. */
  private deferred: CallAttachOptions | undefined;
  private waking: Promise<EngineCallAgent | undefined> | undefined;
  private tones = new ToneQueue();
  /** The extension of the call placed, until it connects. */
  private extension = '';
  private extensionTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: DialpadControllerCallbacks,
  ) {
    super(host, callbacks, {
      agentReady: false,
      phase: 'idle',
      call: undefined,
      sentKeys: '',
      connected: false,
      elapsedSeconds: 0,
      ended: undefined,
      waitingForAgent: false,
    });
  }

  /** Keeps the sign-in for later: nothing is downloaded until `wake()`. */
  override attach(options: CallAttachOptions): Promise<EngineCallAgent | undefined> {
    this.deferred = options;
    this.waking = undefined;
    // A call asked for while signing in was still going on waits for this agent.
    if (this.state.waitingForAgent) this.wake().catch(() => undefined);
    return Promise.resolve(undefined);
  }

  /**
   * The first sign of intent (focus in the number, a key, a paste, `dial()`): the calling SDK loads
   * and the agent is created now. Settles with the agent; a failure lets the next intent try again.
   */
  wake(): Promise<EngineCallAgent | undefined> {
    const options = this.deferred;
    if (!options) return Promise.resolve(undefined);
    this.waking ??= super.attach(options).catch((error: unknown) => {
      this.waking = undefined;
      throw error;
    });
    return this.waking;
  }

  override hostDisconnected(): void {
    clearTimeout(this.extensionTimer);
    super.hostDisconnected();
    if (this.state.phase === 'in-call') this.setState({ phase: 'idle', call: undefined });
  }

  /**
   * Calls `phoneNumber` (E.164) showing `alternateCallerId`, which must be an ACS phone number in
   * E.164, and dials `extension`'s digits as tones once the call connects; resolves once the SDK
   * has the call, not when it connects.
   */
  async dial(phoneNumber: string, alternateCallerId: string | undefined, extension = ''): Promise<void> {
    const callerId = alternateCallerId?.trim();
    if (!isValidCallerId(callerId)) throw missingCallerId();
    this.callbacks.onDial(phoneNumber);
    // Enter pressed again while the agent is still on its way must not place a second call.
    if (this.slot.active || this.state.waitingForAgent) return;
    this.setState({ waitingForAgent: true });
    let agent: EngineCallAgent;
    try {
      await this.wake();
      agent = await this.slot.agentWhenReady();
    } finally {
      this.setState({ waitingForAgent: false });
    }
    try {
      const call = agent.startCall([{ phoneNumber }], { alternateCallerId: { phoneNumber: callerId } });
      this.tones = new ToneQueue();
      this.extension = extension;
      this.follow(call, { sentKeys: '', ended: undefined });
    } catch (error) {
      throw toAcsError(error, 'call-failed');
    }
  }

  /** True while a call can take DTMF (the SDK refuses tones before it connects and on hold). */
  get acceptsTones(): boolean {
    return this.slot.active?.state.callState === 'Connected';
  }

  /** Sends `key`'s tone into the call in progress; the key joins the ones shown as sent. */
  sendKey(key: DialKey): Promise<void> {
    this.setState({ sentKeys: this.state.sentKeys + key });
    return this.sendDtmf(toDtmfTone(key));
  }

  protected override onCallChange(state: ActiveCallState, previous: ActiveCallState): void {
    super.onCallChange(state, previous);
    const keys = this.extension;
    if (!keys || state.callState !== 'Connected') return;
    this.extension = '';
    const digits: string[] = keys.match(/\d/g) ?? [];
    this.extensionTimer = setTimeout(() => {
      for (const key of digits.filter(isDialKey)) {
        this.sendKey(key).catch(() => undefined);
        this.callbacks.onExtensionTone(toDtmfTone(key));
      }
    }, EXTENSION_PAUSE_MS);
  }

  protected override onCallEnded(state: ActiveCallState): void {
    clearTimeout(this.extensionTimer);
    this.extension = '';
    this.setState({ connected: state.connectedAt !== undefined });
    super.onCallEnded(state);
  }

  /** Queues the tone behind the tones still on their way: a failed tone does not stop the ones after it. */
  protected override sendTone(active: ActiveCall, tone: DtmfTone): Promise<void> {
    return this.tones.send(() => active.sendDtmf(tone));
  }
}
