import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { SessionBody } from '../../../server/token-service.js';

/** A browser-like chat client for a session: https endpoint, requests sent over plain http to the emulator. */
export function chatFor(session: SessionBody): ChatClient {
  const toHttp: PipelinePolicy = {
    name: 'to-http',
    sendRequest: (request, next) => ((request.url = request.url.replace(/^https:/, 'http:')), (request.allowInsecureConnection = true), next(request)),
  };
  return new ChatClient(session.endpoint.replace(/^http:/, 'https:'), new AzureCommunicationTokenCredential(session.token), {
    additionalPolicies: [{ policy: toHttp, position: 'perRetry' }],
  });
}
