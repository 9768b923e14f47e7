export interface TestTokenOptions {
  /** The ACS user id the token is for; a random `8:acs:…` id when absent. */
  userId?: string;
  /** Seconds until the token expires; negative for an already expired token. Default 3600. */
  expiresInSeconds?: number;
  /** `chat`, `voip` or both (default). */
  scopes?: readonly ('chat' | 'voip')[];
}

const TEST_RESOURCE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * An unsigned token shaped like an ACS user access token (`skypeid`, `scp`, `exp`, `acsScope`,
 * `resourceId` claims), for headless component tests that never reach Azure: the elements read
 * its expiry and user id exactly as they read a real token's. Azure would reject it.
 */
export function createTestToken(options: TestTokenOptions = {}): string {
  const userId = options.userId ?? `8:acs:${TEST_RESOURCE_ID}_${crypto.randomUUID()}`;
  const issuedAt = Math.floor(Date.now() / 1000);
  const header = { alg: 'none', typ: 'JWT' };
  const payload = {
    skypeid: userId.replace(/^8:/, ''),
    scp: 1792,
    csi: String(issuedAt),
    iat: issuedAt,
    exp: issuedAt + (options.expiresInSeconds ?? 3600),
    acsScope: (options.scopes ?? ['chat', 'voip']).join(','),
    resourceId: TEST_RESOURCE_ID,
  };
  return `${base64Url(header)}.${base64Url(payload)}.`;
}

function base64Url(value: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
