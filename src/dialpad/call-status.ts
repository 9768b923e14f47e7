import { html, nothing, type TemplateResult } from 'lit';
import type { CallState } from '../calling/call-engine.js';
import { callPhase, type CallPhase } from '../calling/call-phase.js';
import { formatDuration } from '../calling/format-duration.js';
import type { DialpadCallView } from './dialpad-controller.js';
import type { DialpadStrings, DialpadTable } from './i18n/dialpad-strings.js';

const PHASE_TEXT: Record<CallPhase, keyof DialpadStrings> = {
  connecting: 'dialing',
  ringing: 'ringing',
  'in-lobby': 'dialing',
  connected: 'connected',
  'on-hold': 'onHold',
  ended: 'ended',
};

/** The call's state in words (`Calling…`, `Connected`). */
export function statusText(state: CallState, strings: DialpadStrings): string {
  return strings[PHASE_TEXT[callPhase(state)]];
}

function timer(seconds: number, strings: DialpadTable): TemplateResult {
  return html` · <time class="timer" part="timer" aria-label=${strings.call.duration}>${formatDuration(seconds)}</time>`;
}

/**
 * Under the number called (the read-only field): during the pad's own call its state and duration
 * (`Connected · 0:12`) and, discreetly, the keys sent as tones; after it, how long it lasted
 * (when it connected) and why it ended (`endText`).
 */
export function renderCallStatus(view: DialpadCallView, endText: string, strings: DialpadTable): TemplateResult | typeof nothing {
  const { call, ended } = view;
  if (view.phase === 'in-call' && call) {
    const connected = call.connectedAt !== undefined && call.callState !== 'Disconnecting' && call.callState !== 'Disconnected';
    return html`<div class="call-status" part="call-status">
      <p class="state">${statusText(call.callState, strings.dialpad)}${connected ? timer(view.elapsedSeconds, strings) : nothing}</p>
      ${view.sentKeys ? html`<p part="sent-keys" dir="ltr">${view.sentKeys}</p>` : nothing}
    </div>`;
  }
  if (view.phase === 'ended' && ended) {
    return html`<div class="call-status" part="call-status">
      <p class="state">${strings.dialpad.ended}${view.connected ? timer(ended.durationSeconds, strings) : nothing}</p>
      <p class="reason">${endText}</p>
    </div>`;
  }
  return nothing;
}
