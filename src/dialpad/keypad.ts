import { html, type TemplateResult } from 'lit';
import { format } from '../core/i18n/strings.js';
import { DIAL_KEYS, type DialKey, type DialKeyFace } from './dtmf.js';
import type { DialpadStrings } from './i18n/dialpad-strings.js';

/** How long a key must be held for its second meaning (`0` → `+`, backspace → clear). */
export const HOLD_MS = 600;

/**
 * Tells a press from a press-and-hold on one button: `down()` on `pointerdown` starts the clock,
 * `up()` on release or leave stops it, and `clicked()` on the `click` that follows says whether
 * that click ends a hold (and must do nothing) or is a plain press (keyboard activation included).
 */
export class PressAndHold {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private held = false;

  down(event: PointerEvent, onHold: () => void): void {
    this.cancel();
    if (event.button !== 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.held = true;
      onHold();
    }, HOLD_MS);
  }

  /**
   * The pointer let go, or left the button; `abandoned` when it left still pressed (or was
   * cancelled), so that no click will come to end a hold. A finger lifting leaves the button
   * too, but unpressed, and its click still follows.
   */
  up(abandoned = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (abandoned) this.held = false;
  }

  /** True for a plain press; false (once) for the click that ends a hold. */
  clicked(): boolean {
    const held = this.held;
    this.held = false;
    return !held;
  }

  cancel(): void {
    this.up(true);
  }
}

export interface KeypadView {
  /** The key typed on the physical keyboard a moment ago: it flashes. */
  readonly pressed: DialKey | undefined;
  /** Holding `0` types `+` (while entering a number, not during a call). */
  readonly holdZeroForPlus: boolean;
}

export interface KeypadIntents {
  press: (key: DialKey) => void;
  /** `0` was held down: type `+`. */
  plus: () => void;
}

/** A key's accessible name: its digit and letters (`2 ABC`), or the words for `*`, `#` and `0`/`+`. */
export function keyLabel({ key, letters }: DialKeyFace, strings: DialpadStrings): string {
  if (key === '*') return strings.star;
  if (key === '#') return strings.pound;
  if (key === '0') return strings.zeroKey;
  return letters ? format(strings.keyWithLetters, { digit: key, letters }) : key;
}

/**
 * The twelve keys, always left to right (a keypad reads the same in every language), each a
 * button named with its letters. `hold` is the element's own, so a hold survives re-renders.
 */
export function renderKeypad(view: KeypadView, strings: DialpadStrings, hold: PressAndHold, intents: KeypadIntents): TemplateResult {
  return html`<div class="keypad" part="keypad" role="group" aria-label=${strings.keypad} dir="ltr">
    ${DIAL_KEYS.map((face) => {
      const holdable = face.key === '0' && view.holdZeroForPlus;
      return html`<button
        type="button"
        class="key"
        part="key"
        aria-label=${keyLabel(face, strings)}
        ?data-pressed=${view.pressed === face.key}
        @pointerdown=${(event: PointerEvent) => (holdable ? hold.down(event, intents.plus) : hold.cancel())}
        @pointerup=${() => hold.up()}
        @pointerleave=${(event: PointerEvent) => hold.up(event.buttons !== 0)}
        @pointercancel=${() => hold.up(true)}
        @contextmenu=${(event: Event) => holdable && event.preventDefault()}
        @click=${() => (hold.clicked() ? intents.press(face.key) : undefined)}
      >
        <span class="digit" aria-hidden="true">${face.key}</span>
        <span class="letters" aria-hidden="true">${face.letters}</span>
      </button>`;
    })}
  </div>`;
}
