import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

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

/** Serves files under `mounts` (URL prefix → folder, or exact path → file); never a path outside its folder. */
export function serveStatic(mounts: Record<string, string>) {
  const roots = Object.entries(mounts).map(([prefix, folder]) => [prefix, resolve(folder)] as const);
  return function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    for (const [prefix, root] of roots) {
      const oneFile = !prefix.endsWith('/');
      if (oneFile ? url.pathname !== prefix : !url.pathname.startsWith(prefix)) continue;
      let relative = decodeURIComponent(url.pathname.slice(prefix.length));
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const file = oneFile ? root : resolve(join(root, relative));
      if (!oneFile && !file.startsWith(root + sep)) continue;
      let size: number;
      try {
        const stats = statSync(file);
        if (!stats.isFile()) continue;
        size = stats.size;
      } catch {
        continue;
      }
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
      return true;
    }
    return false;
  };
}
