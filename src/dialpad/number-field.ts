import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AcsStrings } from '../core/i18n/strings.js';
import type { PressAndHold } from './keypad.js';
import type { NumberEntry } from './number-entry.js';
import { countryOptions, type PhoneNumberProblem } from './phone-number.js';

type DialpadStrings = AcsStrings['dialpad'];
/** The element's language and strings, as its LocalizeController has them. */
interface Localized {
  readonly strings: AcsStrings;
  readonly locale: string;
}

const PROBLEM_TEXT: Record<PhoneNumberProblem, keyof DialpadStrings> = {
  empty: 'empty',
  'too-short': 'tooShort',
  'too-long': 'tooLong',
  invalid: 'invalid',
  'invalid-country': 'invalidCountry',
};

export interface NumberFieldIntents {
  selectCountry: (event: Event) => void;
  input: (event: InputEvent) => void;
  paste: (event: ClipboardEvent) => void;
}

/**
 * The country selector, the number field (`#number`, `entry` formatted as typed) with its backspace
 * button (held: clears), and why the number cannot be called yet; `locked` during the pad's own
 * call. The field's DOM events go to `intents`. `hold` is the element's own, so a hold survives
 * re-renders.
 */
export function renderNumberField(
  entry: NumberEntry,
  locked: boolean,
  { strings: { dialpad: strings }, locale }: Localized,
  hold: PressAndHold,
  intents: NumberFieldIntents,
): TemplateResult {
  const { problem, reading, country } = entry;
  const message = problem ? strings[PROBLEM_TEXT[problem]] : '';
  return html`<div class="fields">
    <label class="field">
      <span class="field-label">${strings.country}</span>
      <select part="country-select" ?disabled=${locked} @change=${intents.selectCountry}>
        ${countryOptions(locale).map(
          (option) => html`<option value=${option.code} ?selected=${option.code === country}>${option.name} (+${option.callingCode})</option>`,
        )}
      </select>
    </label>
    <label class="field-label" for="number">${strings.number}</label>
    <div class="number">
      <input
        id="number"
        part="display"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        dir="ltr"
        .value=${live(reading.formatted)}
        ?readonly=${locked}
        aria-describedby="number-message"
        aria-invalid=${message ? 'true' : 'false'}
        @input=${intents.input}
        @paste=${intents.paste}
      />
      <button
        type="button"
        class="backspace"
        part="backspace-button"
        aria-label=${strings.backspace}
        ?disabled=${locked || entry.text === ''}
        @pointerdown=${(event: PointerEvent) => hold.down(event, () => entry.clear())}
        @pointerup=${() => hold.up()}
        @pointerleave=${(event: PointerEvent) => hold.up(event.buttons !== 0)}
        @pointercancel=${() => hold.cancel()}
        @contextmenu=${(event: Event) => event.preventDefault()}
        @click=${() => hold.clicked() && entry.backspace()}
      >
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
    <p id="number-message" class="message" part="validation-message">${message}</p>
  </div>`;
}
