import { html, nothing, type TemplateResult } from 'lit';
import { micIcon, micOffIcon, pauseIcon, phoneIcon, phoneOffIcon, volume2Icon, volumeXIcon } from '../core/icons.js';
import type { DialpadCallView } from './dialpad-controller.js';
import type { DialpadMode } from './key-router.js';
import type { DialpadTable } from './i18n/dialpad-strings.js';

export interface CallControlsView {
  readonly mode: DialpadMode;
  readonly call: DialpadCallView;
  /** The number typed is a valid one, and the pad is set up to call it. */
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

/** An icon toggle: one name (also its tooltip), the state in `aria-pressed`. */
function toggle(part: string, name: string, pressed: boolean, icon: TemplateResult, onClick: () => void, disabled = false): TemplateResult {
  return html`<button
    type="button"
    class="icon-button toggle"
    part="control ${part}"
    aria-label=${name}
    title=${name}
    aria-pressed=${pressed ? 'true' : 'false'}
    ?disabled=${disabled}
    @click=${onClick}
  >
    ${icon}
  </button>`;
}

/**
 * The row under the keypad, toggles first and the main action last, as in a call's control bar:
 * the key tones and the call button (or add to call); during the pad's own call, mute and hold
 * join the key tones and the call button becomes hang-up.
 */
export function renderCallControls(
  { mode, call: view, dialable, tonesOn }: CallControlsView,
  allStrings: DialpadTable,
  intents: CallControlsIntents,
): TemplateResult {
  const strings = allStrings.dialpad;
  const inCall = mode === 'own-call';
  // The SDK loads on the first intent; only a call asked for before it is there waits.
  const ready = mode === 'linked' || !view.waitingForAgent;
  const callState = view.call?.callState;
  const muted = view.call?.muted ?? false;
  const onHold = callState === 'LocalHold';
  // One button swaps call for hang-up, so that focus stays on it across the change.
  const label = !ready ? allStrings.call.gettingReady : mode === 'linked' ? strings.addToCall : strings.call;
  return html`<div class="controls" part="controls">
    ${
      inCall
        ? html`${toggle('mute-button', strings.mute, muted, muted ? micOffIcon() : micIcon(), () => intents.mute(!muted))}
          ${toggle('hold-button', strings.hold, onHold, pauseIcon(), () => intents.hold(!onHold), callState !== 'Connected' && !onHold)}`
        : nothing
    }
    ${toggle('key-tones-button', strings.keyTones, tonesOn, tonesOn ? volume2Icon() : volumeXIcon(), () => intents.setTones(!tonesOn))}
    <button
      type="button"
      class=${inCall ? 'primary hang-up' : 'primary call'}
      part=${inCall ? 'hang-up-button' : 'call-button'}
      aria-label=${inCall ? strings.hangUp : nothing}
      title=${inCall ? strings.hangUp : nothing}
      ?disabled=${!inCall && (!ready || !dialable)}
      aria-busy=${ready ? 'false' : 'true'}
      @click=${() => (inCall ? intents.hangUp() : intents.dial())}
    >
      ${inCall ? phoneOffIcon() : html`${phoneIcon()}<span>${label}</span>`}
    </button>
  </div>`;
}
