import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AcsStrings } from '../core/i18n/strings.js';
import type { PressAndHold } from './keypad.js';
import { countryOptions, type PhoneNumberProblem, type PhoneNumberReading } from './phone-number.js';

type DialpadStrings = AcsStrings['dialpad'];

const PROBLEM_TEXT: Record<PhoneNumberProblem, keyof DialpadStrings> = {
  empty: 'empty',
  'too-short': 'tooShort',
  'too-long': 'tooLong',
  invalid: 'invalid',
  'invalid-country': 'invalidCountry',
};

export interface NumberFieldView {
  readonly reading: PhoneNumberReading;
  readonly country: string;
  /** Why the number cannot be called, once it is worth saying. */
  readonly problem: PhoneNumberProblem | undefined;
  /** Nothing typed: backspace has nothing to delete. */
  readonly empty: boolean;
  /** During the pad's own call the number cannot change. */
  readonly locked: boolean;
  /** The element's language: it names the countries. */
  readonly locale: string;
}

export interface NumberFieldIntents {
  selectCountry(event: Event): void;
  input(event: InputEvent): void;
  paste(event: ClipboardEvent): void;
  backspace(): void;
  clear(): void;
}

/**
 * The country selector, the number field (`#number`, formatted as typed) with its backspace
 * button (held: clears), and why the number cannot be called yet. `hold` is the element's own,
 * so a hold survives re-renders.
 */
export function renderNumberField(view: NumberFieldView, strings: DialpadStrings, hold: PressAndHold, intents: NumberFieldIntents): TemplateResult {
  const message = view.problem ? strings[PROBLEM_TEXT[view.problem]] : '';
  return html`<div class="fields">
    <label class="field">
      <span class="field-label">${strings.country}</span>
      <select part="country-select" ?disabled=${view.locked} @change=${intents.selectCountry}>
        ${countryOptions(view.locale).map(
          (option) => html`<option value=${option.code} ?selected=${option.code === view.country}>${option.name} (+${option.callingCode})</option>`,
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
        .value=${live(view.reading.formatted)}
        ?readonly=${view.locked}
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
        ?disabled=${view.locked || view.empty}
        @pointerdown=${(event: PointerEvent) => hold.down(event, intents.clear)}
        @pointerup=${() => hold.up()}
        @pointerleave=${(event: PointerEvent) => hold.up(event.buttons !== 0)}
        @pointercancel=${() => hold.cancel()}
        @contextmenu=${(event: Event) => event.preventDefault()}
        @click=${() => hold.clicked() && intents.backspace()}
      >
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
    <p id="number-message" class="message" part="validation-message">${message}</p>
  </div>`;
}
