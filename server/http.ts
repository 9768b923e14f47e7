import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that maps to an HTTP answer in ACS's `CommunicationErrorResponse` shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // The rest of the body is never read, so the connection cannot be reused.
    if (size > limit) throw new HttpError(413, 'RequestEntityTooLarge', `The request body is larger than ${limit} bytes.`, { Connection: 'close' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `{}` (the SDKs send none for some operations). */
export function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'InvalidRequest', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'InvalidRequest', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/**
 * Refuses a request whose `api-version` query parameter is not the one version an emulated API
 * speaks: 400 `UnsupportedApiVersion`, as ACS answers an unknown version.
 */
export function requireApiVersion(url: URL, version: string): void {
  const given = url.searchParams.get('api-version');
  if (given !== version)
    throw new HttpError(400, 'UnsupportedApiVersion', `This emulator speaks api-version ${version}; the request asked for ${given ?? 'none'}.`);
}

/** A request header's first value (Node gives a list for repeated headers). */
export function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendEmpty(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers);
  response.end();
}

export function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const httpError = error instanceof HttpError ? error : new HttpError(500, 'InternalError', 'An internal error occurred.');
  if (!(error instanceof HttpError)) console.error(error);
  sendJson(response, httpError.status, { error: { code: httpError.code, message: httpError.message } }, httpError.headers);
}

/** A route handler gets the request, its body, the URL, and the path's captured segments. */
export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: string[];
  body: Buffer;
}

export type RouteHandler = (context: RouteContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** A minimal method + regex router; path segments are matched percent-decoded. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: RegExp, handler: RouteHandler): this {
    this.routes.push({ method, pattern, handler });
    return this;
  }

  /** Finds the route for a request: the handler, or 405 when only the method is wrong, or undefined. */
  match(method: string, path: string): { handler: RouteHandler; params: string[] } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params: found.slice(1).map((segment) => decodeURIComponent(segment)) };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }

  /** True when some route has this path, whatever its method. */
  hasPath(path: string): boolean {
    return this.routes.some((route) => route.pattern.test(path));
  }

  /** Handles a request if a route matches; returns false when none does. */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const found = this.match(request.method ?? 'GET', url.pathname);
    if (!found) return false;
    try {
      if (found === 'method-not-allowed') throw new HttpError(405, 'MethodNotAllowed', `${request.method} is not allowed on ${url.pathname}.`);
      const body = await readBody(request);
      await found.handler({ request, response, url, params: found.params, body });
    } catch (error) {
      sendError(response, error);
    }
    return true;
  }
}
