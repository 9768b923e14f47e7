import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyAddr from 'proxy-addr';

/** Whether the peer at `address`, `hop` steps from this server, is a reverse proxy whose `X-Forwarded-*` headers count. */
export type TrustProxy = (address: string, hop: number) => boolean;

const trustNone: TrustProxy = () => false;

/**
 * Reads `TRUST_PROXY` as Express's `trust proxy` does: comma-separated addresses, CIDR ranges and
 * the names `loopback`, `linklocal`, `uniquelocal`. Unset or empty trusts no proxy: then the
 * socket's peer is the client, and `X-Forwarded-For`/`-Proto`, which anyone can send, are ignored.
 * A malformed entry throws, so a typo stops the server rather than silently trusting no one.
 */
export function trustProxy(setting: string | undefined): TrustProxy {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return trustNone;
  try {
    return proxyAddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message} (expected addresses, CIDRs, loopback, linklocal or uniquelocal).`);
  }
}

/** True when `TRUST_PROXY` names at least one proxy. */
export const trustsAProxy = (trust: TrustProxy) => trust !== trustNone;

/** The client's address: the socket's peer, or the nearest untrusted address a trusted proxy forwarded (proxy-addr walks X-Forwarded-For). */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trust);
}

/** Whether the browser reached us over https: a TLS socket, or a trusted proxy's `X-Forwarded-Proto` (its first value, as Express reads it). */
export function isHttps(request: IncomingMessage, trust: TrustProxy): boolean {
  if ((request.socket as { encrypted?: boolean }).encrypted === true) return true;
  const peer = request.socket.remoteAddress;
  if (!peer || !trust(peer, 0)) return false;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  return first === 'https';
}

/** This server's origin as the browser sees it (scheme, host and port), or undefined for a malformed Host header. */
export function ownOrigin(request: IncomingMessage, trust: TrustProxy): string | undefined {
  try {
    return new URL(`${isHttps(request, trust) ? 'https' : 'http'}://${request.headers.host ?? ''}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * The key a per-address limit counts under. An IPv6 host usually holds a whole /64 (it can pick
 * any address in it), so IPv6 addresses count by their /64; IPv4-mapped ones as the IPv4 address.
 */
export function rateKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
