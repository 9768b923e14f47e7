import { html, nothing, type TemplateResult } from 'lit';
import type { AcsStrings } from '../core/i18n/strings.js';
import type { DialpadCallView } from './dialpad-controller.js';
import type { DialpadMode } from './key-router.js';

export interface CallControlsView {
  readonly mode: DialpadMode;
  readonly call: DialpadCallView;
  /** The number typed is a valid one. */
  readonly dialable: boolean;
  readonly tonesOn: boolean;
}

export interface CallControlsIntents {
  dial(): void;
  hangUp(): void;
  mute(muted: boolean): void;
  hold(on: boolean): void;
  setTones(on: boolean): void;
}

/** The row under the keypad: call (or add to call) that becomes hang-up, mute and hold during a call, and the key tones. */
export function renderCallControls(
  { mode, call: view, dialable, tonesOn }: CallControlsView,
  allStrings: AcsStrings,
  intents: CallControlsIntents,
): TemplateResult {
  const strings = allStrings.dialpad;
  const inCall = mode === 'own-call';
  const ready = mode === 'linked' || view.agentReady;
  const callState = view.call?.callState;
  const muted = view.call?.muted ?? false;
  const onHold = callState === 'LocalHold';
  // One button that swaps call for hang-up, so that focus stays on it across the change.
  const label = inCall ? strings.hangUp : !ready ? allStrings.call.gettingReady : mode === 'linked' ? strings.addToCall : strings.call;
  return html`<div class="controls" part="controls">
    <button
      type="button"
      class=${inCall ? 'primary hang-up' : 'primary call'}
      part=${inCall ? 'hang-up-button' : 'call-button'}
      ?disabled=${!inCall && (!ready || !dialable)}
      aria-busy=${ready ? 'false' : 'true'}
      @click=${() => (inCall ? intents.hangUp() : intents.dial())}
    >
      ${label}
    </button>
    ${
      inCall
        ? html`<button type="button" class="toggle" part="control mute-button" aria-pressed=${muted ? 'true' : 'false'} @click=${() => intents.mute(!muted)}>
              ${muted ? strings.unmute : strings.mute}
            </button>
            <button
              type="button"
              class="toggle"
              part="control hold-button"
              aria-pressed=${onHold ? 'true' : 'false'}
              ?disabled=${callState !== 'Connected' && !onHold}
              @click=${() => intents.hold(!onHold)}
            >
              ${onHold ? strings.resume : strings.hold}
            </button>`
        : nothing
    }
    <button type="button" class="toggle" part="control key-tones-button" aria-pressed=${tonesOn ? 'true' : 'false'} @click=${() => intents.setTones(!tonesOn)}>
      ${strings.keyTones}
    </button>
  </div>`;
}
