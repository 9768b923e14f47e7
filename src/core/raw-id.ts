/** An identifier as the SDKs' models and events, or the emulator's JSON, carry it. */
export interface WireIdentifier {
  rawId?: string;
  communicationUserId?: string;
  communicationUser?: { id?: string };
  phoneNumber?: string;
  id?: string;
}

/**
 * The raw id (`8:acs:…`) of an identifier, without `getIdentifierRawId`: that would load the
 * common SDK with the element. The SDK always sets `rawId` or `communicationUserId`, and the
 * emulator sends the wire model or an ACS user, so these cases cover every sender.
 */
export function rawIdOf(identifier: WireIdentifier | undefined): string {
  if (!identifier) return '';
  if (identifier.rawId) return identifier.rawId;
  if (identifier.communicationUserId) return identifier.communicationUserId;
  if (identifier.communicationUser?.id) return identifier.communicationUser.id;
  if (identifier.phoneNumber) return `4:${identifier.phoneNumber}`;
  return identifier.id ?? '';
}
