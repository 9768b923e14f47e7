import type { ReactiveControllerHost } from 'lit';
import { cleanPastedNumber, readPhoneNumber, supportedCountry, withExitCodeAsPlus, type PhoneNumberProblem, type PhoneNumberReading } from './phone-number.js';

/** Pasted text that is more than a number: letters (prose, `ext.`, a vanity number) or an extension's `,` `;` `~`. */
const NEEDS_FINDER = /[\p{L},;~]/u;

export interface NumberEntryOptions {
  /** The element's `default-country` attribute. */
  defaultCountry(): string | undefined;
  /** The language of the page around the element (its nearest `lang`, else the browser's). */
  language(): string | undefined;
}

/**
 * The dial pad's number entry, without the DOM: the dialable characters typed so far, the country
 * that reads national numbers, and where the caret goes. The element forwards what the person did
 * (typed, pasted, pressed a key, picked a country) and renders `reading`; every edit keeps only the
 * dialable characters (digits, `*`, `#`, a leading `+`; letters become their keypad digits), and a
 * paste of text keeps only the number in it, with its extension apart.
 * It has no lifecycle of its own: it only asks the host to render again when the number changes.
 */
export class NumberEntry {
  /** What was typed, as dialable characters: digits, `*`, `#` and a leading `+`. */
  text = '';
  /** The person has typed something: from now on the field says what is wrong with it. */
  touched = false;
  /** The digits of an extension pasted with the number, dialled as tones once the call connects; `''` when none. */
  extension = '';
  /** The last paste held no number: the field kept its text and says so, until the next edit. */
  pasteFailed = false;
  /** The country picked in the selector, which wins over every default. */
  private selected: string | undefined;
  /** Where the caret goes after the next render, counted in dialable characters. */
  private pendingCaret: number | undefined;
  private memo: { text: string; country: string; reading: PhoneNumberReading } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NumberEntryOptions,
  ) {}

  /** The selected country, else `default-country`, else the region of the page's language, else the US. */
  get country(): string {
    return this.selected ?? supportedCountry(this.options.defaultCountry()) ?? supportedCountry(regionOf(this.options.language())) ?? 'US';
  }

  /** What the text reads as in `country`: formatted, and the E.164 number or why there is none. */
  get reading(): PhoneNumberReading {
    const { country } = this;
    if (this.memo?.text !== this.text || this.memo.country !== country) this.memo = { text: this.text, country, reading: readPhoneNumber(this.text, country) };
    return this.memo.reading;
  }

  /** Why the number cannot be called, once the person has typed something; else undefined. */
  get problem(): PhoneNumberProblem | undefined {
    return this.touched ? this.reading.problem : undefined;
  }

  /** Picks the country of national numbers. */
  selectCountry(code: string): void {
    this.selected = code;
    this.host.requestUpdate();
  }

  /** Replaces the text; anything not dialable goes, and a leading `00` or `011` that only reads as an exit code becomes `+`. */
  set(text: string): void {
    const clean = cleanPastedNumber(text);
    this.text = withExitCodeAsPlus(clean, this.country);
    // The caret stays after the same digits: `00` or `011` became one `+`.
    if (this.pendingCaret !== undefined && this.text !== clean) this.pendingCaret = Math.max(1, this.pendingCaret - (clean.length - this.text.length));
    if (this.text) this.touched = true;
    else this.extension = '';
    this.pasteFailed = false;
    this.host.requestUpdate();
  }

  /** A key pressed (keypad or keyboard) outside the field: it goes at the end. */
  type(key: string): void {
    this.set(this.text + key);
  }

  /** `0` held down: `+` starts a number; held later, the key is just a 0. */
  plus(): void {
    this.set(this.text === '' ? '+' : `${this.text}0`);
  }

  /** The backspace button or key outside the field: the last character goes. */
  backspace(): void {
    this.set(this.text.slice(0, -1));
  }

  clear(): void {
    this.set('');
  }

  /** The extension's remove button. */
  dropExtension(): void {
    this.extension = '';
    this.host.requestUpdate();
  }

  /** A call was asked for: from now on the field says what is wrong with the number. */
  touch(): void {
    this.touched = true;
    this.host.requestUpdate();
  }

  /**
   * Typing in the field: `value` is its text after the edit, `caret` where the caret is in it,
   * `inputType` the `InputEvent`'s (`insertText`, `deleteContentBackward`, …). Keeps the dialable
   * characters, and the caret where it was among them.
   */
  input(value: string, caret: number, inputType: string): void {
    let text = cleanPastedNumber(value);
    let before = cleanPastedNumber(value.slice(0, caret)).length;
    const deleting = inputType === 'deleteContentBackward' || inputType === 'deleteContentForward';
    if (deleting && text === this.text) {
      // Deleting a space or bracket of the formatting deletes the digit beside it.
      const at = inputType === 'deleteContentBackward' ? before - 1 : before;
      if (at >= 0 && at < text.length) {
        text = text.slice(0, at) + text.slice(at + 1);
        before = at;
      }
    }
    this.pendingCaret = before;
    // Even when the text stays the same, the field must render again: a rejected character (a
    // letter the keypad does not have, say) must leave it.
    this.set(text);
  }

  /**
   * A paste of `text` over the selection `start`–`end` of the field's `value`. Digits in any format
   * (`(425) 555-0100`, `tel:+44 20 7946 0958`) go there, as do a vanity number's keypad digits. A
   * number in a sentence (`Call me: +1 (425) 555-0199!`) replaces the field's, its extension
   * (`ext. 45`, `x45`, `;ext=45`, `,45`) kept apart; text with no number in it changes nothing and
   * says so. Settles once the paste is in: at once, or when the number finder has loaded (first
   * paste of text only); rejects when it cannot be loaded.
   */
  async paste(text: string, value: string, start: number, end: number): Promise<void> {
    let keys = text;
    if (NEEDS_FINDER.test(text.trim().replace(/^tel:/i, ''))) {
      const { findPastedNumber } = await import('./pasted-number.js');
      const found = findPastedNumber(text, supportedCountry(this.country));
      if (found.kind === 'none') {
        this.pasteFailed = true;
        this.host.requestUpdate();
        return;
      }
      if (found.kind === 'number') {
        this.set(found.text);
        this.extension = found.extension ?? '';
        this.pendingCaret = this.text.length;
        return;
      }
      keys = found.text;
    }
    const head = cleanPastedNumber(cleanPastedNumber(value.slice(0, start)) + cleanPastedNumber(keys));
    this.pendingCaret = head.length;
    this.set(head + cleanPastedNumber(value.slice(end)));
  }

  /**
   * Where the caret belongs in `formatted` (the field's text as rendered) after the last edit in the
   * field, once; undefined when no edit in the field is waiting for its caret.
   */
  takeCaret(formatted: string): number | undefined {
    const count = this.pendingCaret;
    if (count === undefined) return undefined;
    this.pendingCaret = undefined;
    return caretIndex(formatted, count);
  }
}

/** The region of a language tag (`en-GB` → `GB`), else its likely one (`it` → `IT`). */
export function regionOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    const locale = new Intl.Locale(tag);
    return locale.region ?? locale.maximize().region;
  } catch {
    return undefined;
  }
}

/** The index in `formatted` just after its `count`-th dialable character. */
export function caretIndex(formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/[\d*#+]/.test(formatted[index]) && ++seen === count) return index + 1;
  }
  return formatted.length;
}
