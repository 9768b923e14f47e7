import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { deleteIcon } from '../core/icons.js';
import { format } from '../core/i18n/strings.js';
import type { PressAndHold } from './keypad.js';
import type { NumberEntry } from './number-entry.js';
import { countryOption, countryOptions, type PhoneNumberProblem } from './phone-number.js';
import type { DialpadStrings, DialpadTable } from './i18n/dialpad-strings.js';

/** The element's language and strings, as its LocalizeController has them. */
interface Localized {
  readonly strings: DialpadTable;
  readonly locale: string;
}

const PROBLEM_TEXT: Record<PhoneNumberProblem, keyof DialpadStrings> = {
  empty: 'empty',
  'too-short': 'tooShort',
  'too-long': 'tooLong',
  invalid: 'invalid',
  'invalid-country': 'invalidCountry',
};

/** Longer than `(425) 555-0199`: an international number (`+1 425 555 0199`) gets a smaller font, to show whole in the field. */
const LONG_NUMBER = 14;

export interface NumberFieldIntents {
  selectCountry: (event: Event) => void;
  input: (event: InputEvent) => void;
  paste: (event: ClipboardEvent) => void;
}

/**
 * One row: the country selector, shown as its short code (`US +1`) over the native select that
 * lists the full names, and the number field (`#number`, `entry` formatted as typed) with its
 * backspace button inside, at the end (held: clears; there even when the number is empty, so that
 * emptying it never takes the focus away); under them, why the number cannot be called
 * yet, or that a paste held no number; then the extension pasted with the number, which can be
 * removed. During the pad's own call (`locked`) the field alone stays, read-only, as the number called:
 * it keeps the focus a person dialled from.
 * The field's DOM events go to `intents`. `hold` is the element's own, so a hold survives re-renders.
 * Until `allCountries`, the selector holds the selected country alone (the element fills it in once
 * the pad is on screen).
 */
export function renderNumberField(
  entry: NumberEntry,
  locked: boolean,
  { strings: { dialpad: strings }, locale }: Localized,
  hold: PressAndHold,
  intents: NumberFieldIntents,
  allCountries: boolean,
): TemplateResult {
  const { problem, reading, country, extension } = entry;
  const message = entry.pasteFailed ? strings.noNumberInPaste : problem ? strings[PROBLEM_TEXT[problem]] : '';
  const selected = !allCountries && country ? countryOption(country, locale) : undefined;
  const options = allCountries ? countryOptions(locale) : selected ? [selected] : [];
  const callingCode = options.find((option) => option.code === country)?.callingCode;
  return html`<div class=${locked ? 'fields locked' : 'fields'}>
    ${
      locked
        ? nothing
        : html`<label class="country">
            <span class="visually-hidden">${strings.country}</span>
            <span aria-hidden="true" dir="ltr">${country} +${callingCode}</span>
            <select part="country-select" @change=${intents.selectCountry}>
              ${options.map((option) => html`<option value=${option.code} ?selected=${option.code === country}>${option.name} (+${option.callingCode})</option>`)}
            </select>
          </label>`
    }
    <div class="number">
      <label class="visually-hidden" for="number">${strings.number}</label>
      <input
        id="number"
        part="display"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        dir="ltr"
        class=${reading.formatted.length > LONG_NUMBER ? 'long' : ''}
        .value=${live(reading.formatted)}
        ?readonly=${locked}
        aria-describedby="number-message"
        aria-invalid=${message ? 'true' : 'false'}
        @input=${intents.input}
        @paste=${intents.paste}
      />
      ${
        locked
          ? nothing
          : html`<button
              type="button"
              class="icon-button backspace"
              part="backspace-button"
              aria-label=${strings.backspace}
              title=${strings.backspace}
              @pointerdown=${(event: PointerEvent) => hold.down(event, () => entry.clear())}
              @pointerup=${() => hold.up()}
              @pointerleave=${(event: PointerEvent) => hold.up(event.buttons !== 0)}
              @pointercancel=${() => hold.cancel()}
              @contextmenu=${(event: Event) => event.preventDefault()}
              @click=${() => hold.clicked() && entry.backspace()}
            >
              ${deleteIcon()}
            </button>`
      }
    </div>
    <p id="number-message" class="message" part="validation-message">${message}</p>
    ${
      extension && !locked
        ? html`<p class="extension" part="extension">
            <span dir="auto">${format(strings.extension, { digits: extension })}</span>
            <button
              type="button"
              class="icon-button"
              part="remove-extension-button"
              aria-label=${strings.removeExtension}
              title=${strings.removeExtension}
              @click=${() => entry.dropExtension()}
            >
              ${deleteIcon()}
            </button>
          </p>`
        : nothing
    }
  </div>`;
}
