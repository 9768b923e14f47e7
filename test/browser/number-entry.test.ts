import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { NumberEntry, type NumberEntryOptions } from '../../src/dialpad/number-entry.js';

/** A stand-in for the element: it only counts the renders asked for. No DOM. */
class FakeHost implements ReactiveControllerHost {
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(): void {
    // The tests drive the controller's hooks themselves.
  }
  removeController(): void {
    // Nothing to detach.
  }
  requestUpdate(): void {
    this.updates += 1;
  }
}

function entry(options: Partial<NumberEntryOptions> = {}): { entry: NumberEntry; host: FakeHost } {
  const host = new FakeHost();
  return { host, entry: new NumberEntry(host, { defaultCountry: () => 'US', language: () => 'en-US', ...options }) };
}

/** Types `text` one character at a time at the end of the field, as the `input` events report it. */
function typeIn(number: NumberEntry, text: string): void {
  for (const char of text) {
    const value = number.reading.formatted + char;
    number.input(value, value.length, 'insertText');
  }
}

describe('NumberEntry (the dial pad’s number, without the DOM)', () => {
  it('formats what is typed, says the number once it is valid, and asks the host to render', () => {
    const { entry: number, host } = entry();
    expect(number.problem, 'nothing typed yet: no complaint').to.equal(undefined);
    typeIn(number, '42555501');
    expect(number.text).to.equal('42555501');
    expect(number.reading.formatted).to.equal('(425) 555-01');
    expect(number.problem).to.equal('too-short');
    expect(number.reading.e164).to.equal(undefined);
    typeIn(number, '99');
    expect(number.reading.formatted).to.equal('(425) 555-0199');
    expect(number.reading.e164).to.equal('+14255550199');
    expect(number.problem).to.equal(undefined);
    expect(host.updates).to.be.greaterThan(0);
  });

  it('keeps the digits and the leading + of a pasted "+1 (425) 555-0199", caret after the paste', async () => {
    const { entry: number } = entry();
    await number.paste('+1 (425) 555-0199', '', 0, 0);
    expect(number.text).to.equal('+14255550199');
    expect(number.reading.formatted).to.equal('+1 425 555 0199');
    expect(number.reading.e164).to.equal('+14255550199');
    expect(number.takeCaret(number.reading.formatted)).to.equal(number.reading.formatted.length);
    expect(number.takeCaret(number.reading.formatted), 'the caret is placed once').to.equal(undefined);
  });

  it('pastes over the selection and puts the caret after the pasted digits', async () => {
    const { entry: number } = entry();
    typeIn(number, '4250000');
    // "(425) 000-0" with "000" selected (indices 6 to 9), replaced by "555".
    await number.paste('555', number.reading.formatted, 6, 9);
    expect(number.text).to.equal('4255550');
    expect(number.takeCaret(number.reading.formatted)).to.equal('(425) 555'.length);
  });

  it('reads letters as the keypad digits they are printed on', async () => {
    const { entry: number } = entry();
    await number.paste('1-800-FLOWERS', '', 0, 0);
    expect(number.text).to.equal('18003569377');
    expect(number.reading.e164).to.equal('+18003569377');
    typeIn(number, 'x');
    expect(number.text, 'a letter is a digit: X is on 9').to.equal('180035693779');
    const before = number.text;
    number.input(number.reading.formatted + 'é', number.reading.formatted.length + 1, 'insertText');
    expect(number.text, 'a character no key has is dropped').to.equal(before);
  });

  it('deletes the digit before the caret on backspace, also over the formatting', () => {
    const { entry: number } = entry();
    typeIn(number, '4255550199');
    // Backspace right after ")": the browser removes the bracket, the entry removes the 5 before it.
    number.input('(425 555-0199', 4, 'deleteContentBackward');
    expect(number.text).to.equal('425550199');
    expect(number.takeCaret(number.reading.formatted), 'the caret stays after "42"').to.equal(caretAfterDigits(number.reading.formatted, 2));
    // Backspace after a digit in the middle removes that digit.
    const formatted = number.reading.formatted;
    const at = caretAfterDigits(formatted, 5);
    number.input(formatted.slice(0, at - 1) + formatted.slice(at), at - 1, 'deleteContentBackward');
    expect(number.text).to.equal('42550199');
    // Forward delete of the opening bracket removes the digit after it.
    number.input(number.reading.formatted.slice(1), 0, 'deleteContentForward');
    expect(number.text).to.equal('2550199');
  });

  it('types keys at the end, + only first (0 after), backspace, and clear', () => {
    const { entry: number } = entry();
    number.plus();
    number.type('4');
    number.type('4');
    number.plus();
    expect(number.text).to.equal('+440');
    number.type('*');
    number.type('#');
    expect(number.reading.problem, 'service codes are not numbers to call').to.equal('invalid');
    number.backspace();
    expect(number.text).to.equal('+440*');
    number.clear();
    expect(number.text).to.equal('');
    expect(number.reading.problem).to.equal('empty');
  });

  it('reads national numbers in the selected country, else default-country, else the language’s region, else the US', async () => {
    const national = '0612345678';
    const { entry: withDefault } = entry({ defaultCountry: () => 'fr', language: () => 'it-IT' });
    await withDefault.paste(national, '', 0, 0);
    expect(withDefault.country, 'default-country, any case').to.equal('FR');
    expect(withDefault.reading.e164).to.equal('+33612345678');
    withDefault.selectCountry('IT');
    expect(withDefault.country, 'the selector wins').to.equal('IT');

    expect(entry({ defaultCountry: () => 'XX', language: () => 'it-IT' }).entry.country, 'an unknown default-country').to.equal('IT');
    expect(entry({ defaultCountry: () => undefined, language: () => 'de' }).entry.country, 'the likely region of a language').to.equal('DE');
    expect(entry({ defaultCountry: () => undefined, language: () => 'en-GB' }).entry.country).to.equal('GB');
    expect(entry({ defaultCountry: () => undefined, language: () => 'not a tag' }).entry.country, 'a malformed lang').to.equal('US');
    expect(entry({ defaultCountry: () => undefined, language: () => undefined }).entry.country).to.equal('US');
  });

  it('picks the number out of a pasted sentence, replacing the field, with the caret at its end', async () => {
    const { entry: number } = entry();
    typeIn(number, '12');
    await number.paste('Call me: +1 (425) 555-0199!', number.reading.formatted, 2, 2);
    expect(number.text, 'not the letters of the prose as digits').to.equal('+14255550199');
    expect(number.reading.formatted).to.equal('+1 425 555 0199');
    expect(number.extension).to.equal('');
    expect(number.takeCaret(number.reading.formatted)).to.equal('+1 425 555 0199'.length);
  });

  for (const pasted of ['+1 425 555 0199 ext. 45', '+1 425 555 0199 x45', 'tel:+1-425-555-0199;ext=45', '+1 425 555 0199,45', '(425) 555-0199 ext 45']) {
    it(`keeps the extension of ${JSON.stringify(pasted)} apart from the number`, async () => {
      const { entry: number } = entry();
      await number.paste(pasted, '', 0, 0);
      expect(number.reading.e164).to.equal('+14255550199');
      expect(number.extension).to.equal('45');
    });
  }

  it('drops the extension with the number, or on its own', async () => {
    const { entry: number } = entry();
    await number.paste('+1 425 555 0199 x45', '', 0, 0);
    number.dropExtension();
    expect(number.extension).to.equal('');
    await number.paste('+1 425 555 0199 x45', '', 0, 0);
    number.clear();
    expect(number.extension).to.equal('');
  });

  it('keeps the field as it was, and says so, when the pasted text holds no number', async () => {
    const { entry: number } = entry();
    typeIn(number, '4255');
    await number.paste('see you tomorrow!', number.reading.formatted, 6, 6);
    expect(number.text).to.equal('4255');
    expect(number.pasteFailed).to.equal(true);
    typeIn(number, '5');
    expect(number.pasteFailed, 'the next edit ends the complaint').to.equal(false);
  });

  for (const [exitCode, typed] of [
    ['00', '0044 20 7946 0958'],
    ['011', '011 44 20 7946 0958'],
  ]) {
    it(`reads a typed ${exitCode} as + (${typed} from the US), the caret kept after the same digits`, async () => {
      const { entry: number } = entry();
      typeIn(number, typed.replaceAll(' ', ''));
      expect(number.text).to.equal('+442079460958');
      expect(number.reading).to.include({ e164: '+442079460958', formatted: '+44 20 7946 0958', problem: undefined });
      expect(number.takeCaret(number.reading.formatted)).to.equal('+44 20 7946 0958'.length);
      const { entry: pasted } = entry();
      await pasted.paste(typed, '', 0, 0);
      expect(pasted.reading.e164, 'pasted').to.equal('+442079460958');
    });
  }

  it('leaves a national number that starts like an exit code alone (Leeds from the UK)', () => {
    const { entry: number } = entry({ defaultCountry: () => 'GB' });
    typeIn(number, '01134960000');
    expect(number.text).to.equal('01134960000');
    expect(number.reading.e164).to.equal('+441134960000');
  });

  it('says what is wrong only once something was typed, or a call was asked for', () => {
    const { entry: number } = entry();
    expect(number.problem).to.equal(undefined);
    number.touch();
    expect(number.problem).to.equal('empty');
    const { entry: typed } = entry();
    typed.type('5');
    expect(typed.problem).to.equal('too-short');
  });
});

/** The index just after the `count`-th digit of `formatted`. */
function caretAfterDigits(formatted: string, count: number): number {
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) if (/\d/.test(formatted[index]) && ++seen === count) return index + 1;
  return formatted.length;
}
