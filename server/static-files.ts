import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, resolve, sep } from 'node:path';
import { HttpError } from './http.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** How one file is answered beyond its bytes: extra headers, and whether it takes part in conditional requests. */
export interface FilePolicy {
  headers: Record<string, string>;
  /** Send an ETag and Last-Modified, and answer 304 when the browser already has this version. */
  validators: boolean;
}

/** A URL prefix served from a folder, with a policy chosen per file (its path relative to the folder). */
export interface StaticMount {
  prefix: string;
  folder: string;
  policy?: (relativePath: string) => FilePolicy;
}

// Pages and development builds change on every edit: the browser must check each time.
const REVALIDATE: FilePolicy = { headers: { 'Cache-Control': 'no-cache' }, validators: false };

/** Files of a site's own pages: each HTML page carries the site's Content-Security-Policy. */
export function pagePolicy(contentSecurityPolicy: string): (relativePath: string) => FilePolicy {
  const page: FilePolicy = { headers: { ...REVALIDATE.headers, 'Content-Security-Policy': contentSecurityPolicy }, validators: false };
  return (relativePath) => (relativePath.endsWith('.html') ? page : REVALIDATE);
}

/** Serves files under each mount (first matching prefix wins); never a path outside its folder. */
export function serveStatic(mounts: readonly StaticMount[]) {
  const roots = mounts.map((mount) => ({ ...mount, folder: resolve(mount.folder) }));
  return function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    for (const { prefix, folder, policy } of roots) {
      if (!url.pathname.startsWith(prefix)) continue;
      let relative = decodeURIComponent(url.pathname.slice(prefix.length));
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const file = resolve(join(folder, relative));
      if (!file.startsWith(folder + sep)) continue;
      const stats = fileStats(file);
      if (!stats) continue;
      sendFile(request, response, file, stats, policy?.(relative.split(sep).join('/')) ?? REVALIDATE);
      return true;
    }
    return false;
  };
}

/** Serves one file at one exact path (such as `/custom-elements.json` from the project root); throws HttpError otherwise. */
export function serveOneFile(file: string) {
  return function handleFile(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new HttpError(405, 'MethodNotAllowed', `${request.method} is not allowed here.`, { Allow: 'GET, HEAD' });
    const stats = fileStats(file);
    // The manifest is written by the build: missing until `npm run build` has run.
    if (!stats) throw new HttpError(404, 'NotFound', `${basename(file)} was not found; run npm run build.`);
    sendFile(request, response, file, stats, REVALIDATE);
  };
}

/**
 * `dist/cdn/` is what other sites load with a script tag. Module scripts and the chunks they import
 * are CORS requests, so every file carries `Access-Control-Allow-Origin: *` (no credentials: these are
 * public files). Chunk names carry a content hash, so a chunk never changes and is cached for a year;
 * the entry files keep their names across releases, so browsers cache them briefly and then revalidate.
 */
export function cdnPolicy(relativePath: string): FilePolicy {
  const cors = { 'Access-Control-Allow-Origin': '*' };
  if (relativePath.startsWith('chunks/') && HASHED_NAME.test(basename(relativePath))) {
    return { headers: { ...cors, 'Cache-Control': 'public, max-age=31536000, immutable' }, validators: false };
  }
  return { headers: { ...cors, 'Cache-Control': 'public, max-age=300' }, validators: true };
}

// Rollup's `[name]-[hash].js`: the hash is 8 base64url-ish characters (source maps add `.map`).
const HASHED_NAME = /-[A-Za-z0-9_-]{8}\.(?:js|mjs|css)(?:\.map)?$/;

function fileStats(file: string): Stats | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: string, stats: Stats, policy: FilePolicy): void {
  const headers: Record<string, string | number> = { ...policy.headers, 'X-Content-Type-Options': 'nosniff' };
  if (policy.validators) {
    // Size and modification time change whenever the build rewrites the file; no need to hash it.
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    headers.ETag = etag;
    headers['Last-Modified'] = stats.mtime.toUTCString();
    if (isFresh(request, etag, stats.mtime)) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
  }
  response.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': stats.size });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

/** RFC 9110 §13.2.2: If-None-Match, when present, decides alone; otherwise If-Modified-Since (whole seconds). */
function isFresh(request: IncomingMessage, etag: string, modified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => weak(tag) === weak(etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}
