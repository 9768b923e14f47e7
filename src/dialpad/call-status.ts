import { html, nothing, type TemplateResult } from 'lit';
import type { CallState } from '../calling/call-engine.js';
import { callPhase, type CallPhase } from '../calling/call-phase.js';
import { formatDuration } from '../calling/format-duration.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { DialpadCallView } from './dialpad-controller.js';

type DialpadStrings = AcsStrings['dialpad'];

/** The status line of a call: `{number}` is the dialled number, formatted. */
const PHASE_TEXT: Record<CallPhase, keyof DialpadStrings> = {
  connecting: 'dialing',
  ringing: 'ringing',
  'in-lobby': 'dialing',
  connected: 'connected',
  'on-hold': 'onHold',
  ended: 'ended',
};

/** The call's state in words, with the dialled number (`Calling (425) 555-0100…`). */
export function statusText(state: CallState, number: string, strings: DialpadStrings): string {
  return format(strings[PHASE_TEXT[callPhase(state)]], { number });
}

/**
 * During the pad's own call: its state, timer and the other party's name; after it: how it ended
 * (`endText`). `number` is the dialled number, formatted.
 */
export function renderCallStatus(view: DialpadCallView, number: string, endText: string, strings: AcsStrings): TemplateResult | typeof nothing {
  const { call, ended } = view;
  if (view.phase === 'in-call' && call) {
    const remote = call.participants[0]?.name;
    const connected = call.connectedAt !== undefined && call.callState !== 'Disconnecting' && call.callState !== 'Disconnected';
    return html`<div class="call-status" part="call-status">
      <p class="state">${statusText(call.callState, number, strings.dialpad)}</p>
      ${connected ? html`<time class="timer" part="timer" aria-label=${strings.call.duration}>${formatDuration(view.elapsedSeconds)}</time>` : nothing}
      ${remote && remote !== view.phoneNumber ? html`<p class="remote" part="remote-name" dir="auto">${remote}</p>` : nothing}
    </div>`;
  }
  if (view.phase === 'ended' && ended) {
    return html`<div class="call-status" part="call-status">
      <p class="state">${strings.dialpad.ended}</p>
      <p class="reason">${endText}</p>
    </div>`;
  }
  return nothing;
}
