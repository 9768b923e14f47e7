import assert from 'node:assert/strict';
import type { ChatClient } from '@azure/communication-chat';
import type { CommunicationUserIdentifier } from '@azure/communication-common';
import type { CommunicationIdentityClient } from '@azure/communication-identity';

/** What every group of ported cases runs against: set once the emulator is up (in `before`). */
export interface LiveSpecContext {
  identity: () => CommunicationIdentityClient;
  /** createTestUser upstream: a new identity with a chat and voip token; here with a chat client acting as it. */
  createTestUser: () => Promise<{ user: CommunicationUserIdentifier; chat: ChatClient }>;
}

/** The upstream `catch (e) { assert.equal(e.statusCode, N) }`, for assert.rejects. */
export const statusIs = (code: number) => (error: { statusCode?: number }) => {
  assert.equal(error.statusCode, code);
  return true;
};

/** The upstream live-mode expiry check: how far the token's expiry is from the minutes asked for, as a fraction. */
export function tokenExpirationWithinAllowedDeviation(expectedTokenExpiration: number, tokenExpiresIn: Date, allowedDeviation: number) {
  const tokenSeconds = (tokenExpiresIn.getTime() - Date.now()) / 1000;
  const expectedSeconds = expectedTokenExpiration * 60;
  return {
    withinAllowedDeviation: Math.abs(expectedSeconds - tokenSeconds) < expectedSeconds * allowedDeviation,
    tokenExpirationInMinutes: tokenSeconds / 60,
  };
}

/**
 * The emulator's stand-in for the Entra token MSAL gives the upstream test for its Teams user: the
 * same claims (`appid`, `oid`, `exp`), unsigned, because the emulator has no tenant to check a signature with.
 */
export function teamsUserAadToken({ appid, oid, expiredMinutesAgo }: { appid: string; oid: string; expiredMinutesAgo?: number }): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = expiredMinutesAgo === undefined ? now + 3600 : now - expiredMinutesAgo * 60;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'https://auth.msft.communication.azure.com', appid, oid, iat: exp - 3600, exp })}.`;
}
