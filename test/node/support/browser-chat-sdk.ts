import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ChatSdk from '@azure/communication-chat';
import { AzureCommunicationTokenCredential, type CommunicationUserIdentifier } from '@azure/communication-common';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import WebSocket from 'ws';
import { plainHttpForLoopback } from '../../../server/acs-clients.js';

/**
 * Just enough of XMLHttpRequest, over `fetch`, for the socket.io 0.9 handshake inside
 * `@azure/communication-signaling` (no implementation is installed: Node has none built in).
 * `withCredentials` is defined because socket.io takes XHR as CORS-capable only then.
 */
class FetchXmlHttpRequest {
  readyState = 0;
  status = 0;
  responseText = '';
  withCredentials = false;
  onreadystatechange: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body?: string | null): void {
    fetch(this.url, { method: this.method, headers: this.headers, body: body ?? null, signal: this.controller.signal }).then(
      async (response) => {
        this.status = response.status;
        this.responseText = await response.text();
        this.done(this.onload);
      },
      () => this.done(this.onerror),
    );
  }

  abort(): void {
    this.controller.abort();
  }

  private done(then: (() => void) | null): void {
    this.readyState = 4;
    this.onreadystatechange?.();
    then?.();
  }
}

export type BrowserChatSdk = typeof ChatSdk;

/** A request the signaling client made (by `fetch`, XHR or WebSocket), for the protocol contract test. */
export interface SignalingRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  /** Set once the server has answered. */
  answered?: boolean;
}

/** Every request made through the globals the browser build uses, in order. */
export const signalingTraffic: SignalingRequest[] = [];

class RecordedWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    signalingTraffic.push({ method: 'WEBSOCKET', url: new URL(address), headers: new Headers(), body: '' });
  }
}

const nodeFetch = globalThis.fetch;
async function recordedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const recorded: SignalingRequest = { method: request.method, url: new URL(request.url), headers: request.headers, body: await request.clone().text() };
  signalingTraffic.push(recorded);
  const response = await nodeFetch(request);
  recorded.answered = true;
  return response;
}

/**
 * Loads the chat SDK's browser build into Node, as a page on `origin` would run it: the SDK's Node
 * build refuses real-time notifications, its browser build needs only `WebSocket`,
 * `XMLHttpRequest` and `location`. They must be in place before the import, which socket.io reads.
 */
export async function loadBrowserChatSdk(origin: string): Promise<BrowserChatSdk> {
  Object.assign(globalThis, { fetch: recordedFetch, WebSocket: RecordedWebSocket, XMLHttpRequest: FetchXmlHttpRequest });
  servePageFrom(origin);
  // The package's exports map offers the browser build only under the `browser` condition, so it is loaded by path.
  const packageJson = createRequire(import.meta.url).resolve('@azure/communication-chat/package.json');
  return (await import(pathToFileURL(join(dirname(packageJson), 'dist', 'browser', 'index.js')).href)) as BrowserChatSdk;
}

/** Moves the pretend page to `origin` (socket.io reads `location` to tell same-origin servers from others). */
export function servePageFrom(origin: string): void {
  const page = new URL(origin);
  Object.assign(globalThis, {
    location: { href: page.href, origin: page.origin, protocol: page.protocol, host: page.host, hostname: page.hostname, port: page.port },
  });
}

/** A browser-build chat client acting as `user` against the loopback emulator at `endpoint`. */
export function browserChatClient(sdk: BrowserChatSdk, endpoint: string, identity: CommunicationIdentityClient, user: CommunicationUserIdentifier) {
  const credential = new AzureCommunicationTokenCredential({ tokenRefresher: async () => (await identity.getToken(user, ['chat'])).token });
  // As the server's own clients do: https for the SDK's bearer-token check, plain http on the wire.
  const additionalPolicies = [{ policy: plainHttpForLoopback, position: 'perRetry' as const }];
  // The SDK hands `signalingClientOptions` to the signaling client (its configuration request) but does not declare it.
  const options: ChatSdk.ChatClientOptions & { signalingClientOptions: ChatSdk.ChatClientOptions } = {
    additionalPolicies,
    signalingClientOptions: { additionalPolicies },
  };
  return new sdk.ChatClient(endpoint.replace(/^http:/, 'https:'), credential, options);
}
