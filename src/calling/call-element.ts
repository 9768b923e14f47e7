import type { PropertyDeclarations } from 'lit';
import { AcsElement } from '../core/acs-element.js';
import { ActionFeedback } from '../core/action-feedback.js';
import { emit } from '../core/events.js';
import type { AcsSession } from '../core/session.js';
import type { CallingTable } from './i18n/calling-strings.js';
import { callEndText, type CallEndedView } from './call-end-reason.js';
import type { CallEngine, CallState } from './call-engine.js';
import type { CallSlotController, CallSlotEvents, CallSlotView } from './call-slot-controller.js';

/**
 * What `<acs-call>` and `<acs-dialpad>` share: the `callEngine` property, signing in to the user's
 * shared call agent through the element's controller, the feedback of the actions taken (why the
 * last one failed, what just happened) and the `acs-call-state-changed` and `acs-call-ended` events.
 * Each element keeps what differs: its controller, its view, and what it says about its call.
 */
export abstract class CallElement<T extends CallingTable> extends AcsElement<T> {
  // Declared without a decorator: each chunk that uses decorators carries its own copy of their helper.
  static override properties: PropertyDeclarations = { callEngine: { attribute: false } };

  /**
   * The calling implementation: by default ACS's real calling SDK, or the fake
   * engine in emulator mode. Tests set `new FakeCallEngine()` from `acs-elements/testing`.
   */
  declare callEngine?: CallEngine;

  protected readonly feedback = new ActionFeedback(this, { report: (error) => this.reportError(error), fallback: 'call-failed' });

  /** The element's call controller: it owns the engine, the agent lease and the call. */
  protected abstract readonly calls: CallSlotController<CallSlotView>;

  /** For the controller: its call changed state or ended. The element tells the page and announces it. */
  protected readonly callEvents: CallSlotEvents = {
    onCallStateChanged: (state) => {
      emit(this, 'acs-call-state-changed', { state });
      this.feedback.announce(this.callStateText(state));
    },
    onCallEnded: (ended) => {
      emit(this, 'acs-call-ended', ended);
      this.feedback.announce(this.callEndedText(ended));
    },
  };

  /** What is announced when the call's state changes to `state`. */
  protected abstract callStateText(state: CallState): string;

  /** What is announced when the call has ended. */
  protected abstract callEndedText(ended: CallEndedView): string;

  protected override async prepare(session: AcsSession, signal: AbortSignal): Promise<void> {
    await this.calls.attach({ session, callEngine: this.callEngine, displayName: this.displayName ?? session.displayName, signal });
  }

  /** Why the call ended, in the element's language. */
  protected endText(ended: CallEndedView): string {
    return callEndText(ended.reason, this.localize.strings);
  }
}
