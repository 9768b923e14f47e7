import { createHttpHeaders, type HttpClient, type PipelinePolicy, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { AcsError } from './errors.js';
import { isLoopbackHost } from './loopback.js';

/**
 * The endpoint to give the chat SDK for the local emulator: its https form, because the SDK
 * refuses to send a bearer token to an http URL. `emulatorHttpClient` sends it over http again.
 */
export function emulatorSdkEndpoint(endpoint: string): string {
  const url = new URL(endpoint);
  if (!isLoopbackHost(url.hostname)) throw new AcsError('invalid-session', `The emulator endpoint ${url.origin} is not on this machine.`);
  url.protocol = 'https:';
  return url.href;
}

/**
 * An `httpClient` for the chat SDK in emulator mode: sends each request over plain http, and only
 * to a loopback host, so a token can never travel unencrypted over a network.
 */
export const emulatorHttpClient: HttpClient = {
  async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    const url = new URL(request.url);
    if (!isLoopbackHost(url.hostname)) {
      throw new AcsError('network', `Refusing to send an emulator request to ${url.host}: only loopback hosts are allowed.`);
    }
    url.protocol = 'http:';
    const response = await fetch(url, {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: requestBody(request),
      signal: request.abortSignal as AbortSignal | undefined,
      credentials: 'omit',
    });
    return {
      request,
      status: response.status,
      headers: createHttpHeaders(Object.fromEntries(response.headers)),
      bodyAsText: await response.text(),
    };
  },
};

function requestBody(request: PipelineRequest): BodyInit | undefined {
  const { body } = request;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof ReadableStream)
    return body as BodyInit;
  throw new AcsError('unknown', 'The emulator transport sends only string, Blob, buffer or stream bodies.');
}

/**
 * The same for the chat SDK's real-time (signaling) client, which takes pipeline policies but no
 * `httpClient`: each request of its own goes back to plain http, and only to a loopback host.
 */
export const emulatorSignalingPolicy: PipelinePolicy = {
  name: 'acsElementsEmulatorSignaling',
  sendRequest(request, next) {
    const url = new URL(request.url);
    if (!isLoopbackHost(url.hostname)) {
      throw new AcsError('network', `Refusing to send an emulator request to ${url.host}: only loopback hosts are allowed.`);
    }
    url.protocol = 'http:';
    request.url = url.href;
    request.allowInsecureConnection = true;
    return next(request);
  },
};
