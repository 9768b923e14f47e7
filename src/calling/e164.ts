/** The shape of an E.164 phone number: `+`, a country code and up to 15 digits in all. */
export function isE164(value: string | undefined): value is `+${string}` {
  return value !== undefined && /^\+[1-9]\d{7,14}$/.test(value);
}
