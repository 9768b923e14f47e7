/**
 * The call pages' site: an https front for the repository's server under a name that is not this
 * machine's (`acs-bench.test`, which the browser resolves to loopback), as a site's visitors see
 * it. The calling SDK runs only on https (or localhost), and the elements judge by the token
 * service's host whether to fetch the calling SDK before signing in. The certificate is made for
 * the run by `openssl`; the browser context is told to accept it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SITE_HOST = 'acs-bench.test';

export interface SiteProxy {
  /** `https://acs-bench.test:<port>` */
  origin: string;
  close(): Promise<void>;
}

export async function startSiteProxy(server: string): Promise<SiteProxy> {
  const target = new URL(server);
  const folder = mkdtempSync(join(tmpdir(), 'acs-bench-tls-'));
  const [key, cert] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'].concat([
      '-subj',
      `/CN=${SITE_HOST}`,
      '-addext',
      `subjectAltName=DNS:${SITE_HOST}`,
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  const proxy = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (incoming, outgoing) => {
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  rmSync(folder, { recursive: true, force: true });
  await new Promise<void>((resolve) => proxy.listen(0, 'localhost', resolve));
  return {
    origin: `https://${SITE_HOST}:${String((proxy.address() as AddressInfo).port)}`,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
}
