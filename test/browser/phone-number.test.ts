import { expect } from '@open-wc/testing';
import { findPastedNumber, type PastedNumber } from '../../src/dialpad/pasted-number.js';
import {
  cleanPastedNumber,
  countryOptions,
  isValidCallerId,
  readPhoneNumber,
  withExitCodeAsPlus,
  type PhoneNumberReading,
} from '../../src/dialpad/phone-number.js';

interface Row {
  input: string;
  /** The selected country, as the `default-country` attribute or the selector gives it. */
  country: string | undefined;
  /** Everything the dial pad learns from the input; `e164` and `problem` are the point of each row. */
  reads: Partial<PhoneNumberReading>;
}

const dialable = (e164: string, country: string | undefined, formatted: string): Partial<PhoneNumberReading> => ({
  e164,
  country: country as PhoneNumberReading['country'],
  formatted,
  problem: undefined,
});
const refused = (problem: PhoneNumberReading['problem'], country: string | undefined, formatted: string): Partial<PhoneNumberReading> => ({
  e164: undefined,
  country: country as PhoneNumberReading['country'],
  formatted,
  problem,
});

// Numbers are libphonenumber-js's own examples (min metadata) or ranges reserved for drama and tests.
const ROWS: Row[] = [
  // National, in the selected country.
  { input: '2015550123', country: 'US', reads: dialable('+12015550123', 'US', '(201) 555-0123') },
  { input: '1 201 555 0123', country: 'US', reads: dialable('+12015550123', 'US', '1 (201) 555-0123') },
  { input: '07400 123456', country: 'GB', reads: dialable('+447400123456', 'GB', '07400 123456') },
  { input: '020 7946 0958', country: 'GB', reads: dialable('+442079460958', 'GB', '020 7946 0958') },
  { input: '312 345 6789', country: 'IT', reads: dialable('+393123456789', 'IT', '312 345 6789') },
  { input: '02 1234 5678', country: 'IT', reads: dialable('+390212345678', 'IT', '02 1234 5678') },
  { input: '612 34 56 78', country: 'ES', reads: dialable('+34612345678', 'ES', '612 34 56 78') },
  { input: '912 34 56 78', country: 'ES', reads: dialable('+34912345678', 'ES', '912 34 56 78') },
  { input: '01512 3456789', country: 'DE', reads: dialable('+4915123456789', 'DE', '01512 3456789') },
  { input: '030 123456', country: 'DE', reads: dialable('+4930123456', 'DE', '030 123456') },
  { input: '81234 56789', country: 'IN', reads: dialable('+918123456789', 'IN', '81234 56789') },
  { input: '011 2345 6789', country: 'IN', reads: dialable('+911123456789', 'IN', '011 2345 6789') },
  { input: '090-1234-5678', country: 'JP', reads: dialable('+819012345678', 'JP', '090-1234-5678') },
  { input: '03-1234-5678', country: 'JP', reads: dialable('+81312345678', 'JP', '03-1234-5678') },
  { input: '2015550123', country: 'us', reads: dialable('+12015550123', 'US', '(201) 555-0123') },
  // A national number of the same calling code that belongs to a neighbour: the country is detected.
  { input: '204 234 5678', country: 'US', reads: dialable('+12042345678', 'CA', '(204) 234-5678') },

  // International: the selected country does not matter.
  { input: '+1 201 555 0123', country: 'IT', reads: dialable('+12015550123', 'US', '+1 201 555 0123') },
  { input: '+44 7400 123456', country: 'US', reads: dialable('+447400123456', 'GB', '+44 7400 123456') },
  { input: '+44 (0)20 7946 0958', country: 'US', reads: dialable('+442079460958', 'GB', '+44 020 7946 0958') },
  { input: '+39 06 1234 5678', country: 'US', reads: dialable('+390612345678', 'IT', '+39 06 1234 5678') },
  { input: '+34 612 34 56 78', country: 'DE', reads: dialable('+34612345678', 'ES', '+34 612 34 56 78') },
  { input: '+49 30 123456', country: 'US', reads: dialable('+4930123456', 'DE', '+49 30 123456') },
  { input: '+91 81234 56789', country: 'GB', reads: dialable('+918123456789', 'IN', '+91 81234 56789') },
  { input: '+81 90 1234 5678', country: 'US', reads: dialable('+819012345678', 'JP', '+81 90 1234 5678') },
  { input: '+800 1234 5678', country: 'US', reads: dialable('+80012345678', undefined, '+800 1234 5678') },
  // …or through the selected country's international prefix.
  { input: '0044 20 7946 0958', country: 'IT', reads: dialable('+442079460958', 'GB', '00 44 20 7946 0958') },
  { input: '0034 912 34 56 78', country: 'DE', reads: dialable('+34912345678', 'ES', '00 34 912 34 56 78') },
  { input: '011 44 7400 123456', country: 'US', reads: dialable('+447400123456', 'GB', '011 44 7400 123456') },
  { input: '010 44 20 7946 0958', country: 'JP', reads: dialable('+442079460958', 'GB', '010 44 20 7946 0958') },

  // Pasted, with punctuation, other digits and a tel: link.
  { input: '+1 (425) 555-0100', country: 'US', reads: dialable('+14255550100', 'US', '+1 425 555 0100') },
  { input: '425.555.0100', country: 'US', reads: dialable('+14255550100', 'US', '(425) 555-0100') },
  { input: ' (425) 555 - 0100 ', country: 'US', reads: dialable('+14255550100', 'US', '(425) 555-0100') },
  { input: 'tel:+1-425-555-0100', country: 'US', reads: dialable('+14255550100', 'US', '+1 425 555 0100') },
  { input: '٠٧٤٠٠ ١٢٣٤٥٦', country: 'GB', reads: dialable('+447400123456', 'GB', '07400 123456') },
  { input: '＋44 7400 123456', country: 'US', reads: dialable('+447400123456', 'GB', '+44 7400 123456') },

  // Vanity letters, as printed on the keypad.
  { input: '1-800-FLOWERS', country: 'US', reads: dialable('+18003569377', 'US', '1 (800) 356-9377') },
  { input: '1-800-flowers', country: 'US', reads: dialable('+18003569377', 'US', '1 (800) 356-9377') },
  { input: '+1 800 GOT JUNK', country: 'GB', reads: dialable('+18004685865', 'US', '+1 800 468 5865') },

  // Not yet a number.
  { input: '', country: 'US', reads: refused('empty', 'US', '') },
  { input: '   ', country: 'US', reads: refused('empty', 'US', '') },
  { input: '-()', country: 'US', reads: refused('empty', 'US', '') },
  { input: '+', country: 'US', reads: refused('empty', undefined, '+') },

  // Too short, too long, the wrong digits.
  { input: '2', country: 'US', reads: refused('too-short', 'US', '2') },
  { input: '201555012', country: 'US', reads: refused('too-short', 'US', '(201) 555-012') },
  { input: '+44', country: 'US', reads: refused('too-short', undefined, '+44') },
  { input: '+44 20', country: 'US', reads: refused('too-short', undefined, '+44 20') },
  { input: '20155501234', country: 'US', reads: refused('too-long', 'US', '20155501234') },
  { input: '+44 7400 1234567', country: 'US', reads: refused('too-long', undefined, '+44 74001234567') },
  { input: '07400 123456', country: 'US', reads: refused('too-long', 'US', '07400123456') },
  { input: '07400 12345', country: 'GB', reads: refused('invalid', 'GB', '07400 12345') },
  { input: '555 555 5555', country: 'US', reads: refused('invalid', 'US', '(555) 555-5555') },
  { input: '*31#', country: 'US', reads: refused('invalid', 'US', '*31#') },

  // No country to read a national number in, or a calling code that does not exist.
  { input: '+999 123 456', country: 'US', reads: refused('invalid-country', undefined, '+999123456') },
  { input: '2015550123', country: undefined, reads: refused('invalid-country', undefined, '2015550123') },
  { input: '2015550123', country: 'XX', reads: refused('invalid-country', undefined, '2015550123') },
  { input: '0044 20 7946 0958', country: undefined, reads: refused('invalid-country', undefined, '00442079460958') },
];

describe('readPhoneNumber', () => {
  for (const { input, country, reads } of ROWS) {
    const outcome = reads.e164 ? `dials ${reads.e164}` : `is ${reads.problem}`;
    it(`${JSON.stringify(input)} in ${country ?? 'no country'} ${outcome}`, () => {
      expect(readPhoneNumber(input, country)).to.deep.equal(reads);
    });
  }
});

describe('cleanPastedNumber', () => {
  const CASES: [string, string][] = [
    ['+1 (425) 555-0100', '+14255550100'],
    ['425.555.0100', '4255550100'],
    ['  +44 20 7946 0958\n', '+442079460958'],
    ['1-800-FLOWERS', '18003569377'],
    ['abc def ghi jkl mno pqrs tuv wxyz', '22233344455566677778889999'],
    ['*31# 555-0100', '*31#5550100'],
    ['12+34', '1234'],
    ['++44 1', '+441'],
    ['tel:+1-425-555-0100', '+14255550100'],
    ['١٢٣ ۴۵۶ ７８９', '123456789'],
    ['–—/\\_~', ''],
  ];
  for (const [text, clean] of CASES) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(clean)}`, () => {
      expect(cleanPastedNumber(text)).to.equal(clean);
    });
  }
});

describe('findPastedNumber', () => {
  const CASES: [string, 'US' | 'GB' | 'IT', PastedNumber][] = [
    ['Call me: +1 (425) 555-0199!', 'US', { kind: 'number', text: '+14255550199', extension: undefined }],
    ['Our office: (425) 555-0199.', 'US', { kind: 'number', text: '(425) 555-0199', extension: undefined }],
    ['Mario: 06 6988 4857', 'IT', { kind: 'number', text: '06 6988 4857', extension: undefined }],
    ['Desk +1 425 555 0199 ext. 45', 'US', { kind: 'number', text: '+14255550199', extension: '45' }],
    ['+1 425 555 0199 x45', 'US', { kind: 'number', text: '+14255550199', extension: '45' }],
    ['(425) 555-0199 ext 45', 'US', { kind: 'number', text: '(425) 555-0199', extension: '45' }],
    ['tel:+1-425-555-0199;ext=45', 'US', { kind: 'number', text: '+14255550199', extension: '45' }],
    ['+1 425 555 0199,45', 'US', { kind: 'number', text: '+14255550199', extension: '45' }],
    ['London: 0044 20 7946 0958', 'US', { kind: 'number', text: '+442079460958', extension: undefined }],
    ['London: 011 44 20 7946 0958', 'IT', { kind: 'number', text: '+442079460958', extension: undefined }],
    ['Leeds: 0113 496 0000', 'GB', { kind: 'number', text: '0113 496 0000', extension: undefined }],
    ['1-800-FLOWERS', 'US', { kind: 'keypad', text: '1-800-FLOWERS' }],
    ['see you at 5', 'US', { kind: 'none' }],
    ['no number here', 'US', { kind: 'none' }],
  ];
  for (const [text, country, found] of CASES) {
    it(`${JSON.stringify(text)} in ${country} → ${JSON.stringify(found)}`, () => {
      expect(findPastedNumber(text, country)).to.deep.equal(found);
    });
  }
});

describe('withExitCodeAsPlus', () => {
  const CASES: [string, string, string][] = [
    ['00442079460958', 'US', '+442079460958'],
    ['011442079460958', 'US', '+442079460958'],
    ['011442079460958', 'IT', '+442079460958'],
    ['00442079460958', 'IT', '+442079460958'],
    ['0114255550199', 'US', '0114255550199'],
    ['01134960000', 'GB', '01134960000'],
    ['0044207946', 'US', '0044207946'],
    ['4255550199', 'US', '4255550199'],
  ];
  for (const [text, country, read] of CASES) {
    it(`${text} in ${country} → ${read}`, () => {
      expect(withExitCodeAsPlus(text, country)).to.equal(read);
    });
  }
});

describe('countryOptions', () => {
  it('names Italy "Italia" with calling code 39 in Italian', () => {
    expect(countryOptions('it')).to.deep.include({ code: 'IT', name: 'Italia', callingCode: '39' });
  });

  it('names the countries in the requested language', () => {
    expect(countryOptions('en')).to.deep.include({ code: 'IT', name: 'Italy', callingCode: '39' });
    expect(countryOptions('de')).to.deep.include({ code: 'DE', name: 'Deutschland', callingCode: '49' });
  });

  it('lists every country once, sorted by its localized name', () => {
    const options = countryOptions('it');
    expect(options.length).to.be.greaterThan(200);
    expect(new Set(options.map(({ code }) => code)).size).to.equal(options.length);
    const collator = new Intl.Collator('it');
    for (let index = 1; index < options.length; index += 1) {
      expect(collator.compare(options[index - 1].name, options[index].name), `${options[index - 1].name} before ${options[index].name}`).to.be.at.most(0);
    }
    expect(options.find(({ code }) => code === 'US')).to.deep.equal({ code: 'US', name: 'Stati Uniti', callingCode: '1' });
  });

  it('computes a locale once', () => {
    expect(countryOptions('es')).to.equal(countryOptions('es'));
  });

  it('falls back to the browser language for a malformed locale', () => {
    expect(countryOptions('').length).to.equal(countryOptions('en').length);
  });
});

describe('isValidCallerId', () => {
  const CASES: [string | undefined, boolean][] = [
    ['+14255550100', true],
    ['+442079460958', true],
    ['+4930123456', true],
    ['+819012345678', true],
    [undefined, false],
    ['', false],
    ['14255550100', false],
    ['+1 425 555 0100', false],
    ['+1-425-555-0100', false],
    ['+1234567', false],
    ['+1234567890123456', false],
    ['+15555555555', false],
    ['+0123456789', false],
    ['+14255550100 ', false],
  ];
  for (const [value, valid] of CASES) {
    it(`${JSON.stringify(value)} is ${valid ? 'a valid' : 'not a'} caller id`, () => {
      expect(isValidCallerId(value)).to.equal(valid);
    });
  }
});
