import type { CommunicationIdentifierKind } from '@azure/communication-common';
import { decodeJwt } from 'jose';

/** The resource `createTestToken` puts in its tokens. */
const TEST_RESOURCE_ID = '00000000-0000-0000-0000-000000000000';

/** A made-up ACS user of the test resource. */
export function randomAcsUserId(): string {
  return `8:acs:${TEST_RESOURCE_ID}_${crypto.randomUUID()}`;
}

/** The user a token is for (its `skypeid` claim), as the SDK reads it. */
export function userIdOf(token: string): string {
  try {
    const { skypeid } = decodeJwt(token);
    if (typeof skypeid === 'string') return `8:${skypeid}`;
  } catch {
    // Tests may pass any string as a token, and there is no service here to refuse it.
  }
  return randomAcsUserId();
}

/** The identifier a raw id stands for: `4:` a phone number, `8:orgid:` a Teams user, `8:` an ACS user. */
export function identifierFromRawId(rawId: string): CommunicationIdentifierKind {
  if (rawId.startsWith('4:')) return { kind: 'phoneNumber', phoneNumber: rawId.slice('4:'.length), rawId };
  if (rawId.startsWith('8:orgid:')) return { kind: 'microsoftTeamsUser', microsoftTeamsUserId: rawId.slice('8:orgid:'.length), rawId };
  if (rawId.startsWith('8:')) return { kind: 'communicationUser', communicationUserId: rawId };
  return { kind: 'unknown', id: rawId };
}
