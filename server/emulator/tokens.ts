import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { HttpError } from '../http.js';

const MAX_VERIFIED = 10_000;

export interface TokenClaims {
  /** The raw user id, `8:acs:…`. */
  userId: string;
  scopes: string[];
  tokenVersion: number;
  /** Expiry in epoch milliseconds. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  expiresOn: string;
}

/**
 * Mints and verifies the emulator's user access tokens: HS256 JWTs with the claims of real ACS
 * tokens (`skypeid`, `scp`, `csi`, `exp`, `acsScope`, `resourceId`), keyed by the access key.
 */
export class TokenIssuer {
  private readonly secret: Uint8Array;
  /**
   * Tokens whose signature was already checked, so a client's every request does not pay for it
   * again; expiry is still checked on each use, revocation by `authenticate`. Oldest first.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    accessKey: string,
    readonly resourceId: string,
    /** Test and demo hook: issue tokens this many seconds long, whatever was asked. */
    private readonly lifetimeOverrideSeconds?: number,
  ) {
    this.secret = createHash('sha256').update(`acs-emulator-token:${accessKey}`).digest();
  }

  async issue(userId: string, scopes: string[], expiresInMinutes: number, tokenVersion: number): Promise<IssuedToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + (this.lifetimeOverrideSeconds ?? expiresInMinutes * 60);
    const token = await new SignJWT({
      skypeid: userId.replace(/^8:/, ''),
      scp: 1792,
      csi: String(issuedAt),
      acsScope: scopes.join(','),
      resourceId: this.resourceId,
      resourceLocation: 'emulator',
      ver: tokenVersion,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.secret);
    return { token, expiresOn: new Date(expiresAt * 1000).toISOString() };
  }

  /** Reads a bearer token; any problem (bad signature, expired or no expiry, malformed) is a 401. */
  async verify(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return { ...known };
    try {
      // A token without `exp` would never expire: ACS always sets one, so one without it is not ACS's.
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
      if (typeof payload.skypeid !== 'string' || typeof payload.acsScope !== 'string') throw new Error('not an ACS token');
      const claims: TokenClaims = {
        userId: `8:${payload.skypeid}`,
        scopes: payload.acsScope.split(','),
        tokenVersion: Number(payload.ver ?? 0),
        expiresAt: Number(payload.exp) * 1000,
      };
      this.remember(token, claims);
      return { ...claims };
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw new HttpError(
        401,
        expired ? 'TokenExpired' : 'InvalidAuthenticationToken',
        expired ? 'The access token has expired.' : 'The access token is not valid.',
      );
    }
  }

  private remember(token: string, claims: TokenClaims): void {
    this.verified.delete(token);
    if (this.verified.size >= MAX_VERIFIED) {
      for (const [old, { expiresAt }] of this.verified) {
        if (this.verified.size < MAX_VERIFIED && expiresAt > Date.now()) break;
        this.verified.delete(old);
      }
    }
    this.verified.set(token, claims);
  }
}
