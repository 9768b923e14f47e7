import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DtmfTone } from '../calling/call-engine.js';
import { ToneQueue } from './dtmf.js';

/**
 * What `<acs-dialpad for="…">` needs of the element it is the keypad of: `<acs-call>`'s public
 * API, declared here so that the dial pad does not import the call element.
 */
export interface LinkedCall extends HTMLElement {
  /** The SDK's state of the call in progress, or undefined between calls. */
  readonly callState: string | undefined;
  sendDtmf(tone: DtmfTone): Promise<void>;
  addParticipant(phoneNumber: string): Promise<void>;
}

function isLinkedCall(element: Element | null): element is LinkedCall {
  const candidate = element as Partial<LinkedCall> | null;
  return typeof candidate?.sendDtmf === 'function' && typeof candidate.addParticipant === 'function' && 'callState' in candidate;
}

/**
 * Follows the element named by the host's `for` attribute, in the host's own document or shadow
 * root. The element is looked up each time (it may be added, replaced or removed later), and the
 * host re-renders whenever any call in that root changes state.
 */
export class LinkedCallController implements ReactiveController {
  private root: Document | ShadowRoot | undefined;
  private readonly tones = new ToneQueue();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly id: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.root = this.host.getRootNode() as Document | ShadowRoot;
    this.root.addEventListener('acs-call-state-changed', this.onCallChanged);
    this.root.addEventListener('acs-call-ended', this.onCallChanged);
  }

  hostDisconnected(): void {
    this.root?.removeEventListener('acs-call-state-changed', this.onCallChanged);
    this.root?.removeEventListener('acs-call-ended', this.onCallChanged);
    this.root = undefined;
  }

  /** The linked element while it has a call in progress; else undefined. */
  get call(): LinkedCall | undefined {
    const id = this.id();
    if (!id || !this.root) return undefined;
    const element = this.root.getElementById(id);
    if (!isLinkedCall(element)) return undefined;
    const state = element.callState;
    return state && state !== 'Disconnected' ? element : undefined;
  }

  /** Sends `tone` into the linked call after the tones before it; the call element reports its own failures. */
  sendDtmf(call: LinkedCall, tone: DtmfTone): Promise<void> {
    return this.tones.send(() => call.sendDtmf(tone));
  }

  private readonly onCallChanged = (event: Event) => {
    // The dial pad's own events bubble through the same root: only the linked element matters.
    if (event.target !== this.host) this.host.requestUpdate();
  };
}
