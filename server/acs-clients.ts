import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential, parseConnectionString, type CommunicationUserIdentifier } from '@azure/communication-common';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** How the server reaches ACS (or the emulator standing in for it). */
export interface AcsConnection {
  connectionString: string;
  /** The resource endpoint, as browsers and clients should see it. */
  endpoint: string;
  /** True for the local emulator on plain http. */
  emulator: boolean;
}

export function acsConnection(connectionString: string): AcsConnection {
  const { endpoint } = parseConnectionString(connectionString);
  return { connectionString, endpoint, emulator: new URL(endpoint).protocol === 'http:' };
}

/**
 * The chat SDK refuses bearer tokens over http, so for the loopback emulator it is given the https
 * form of the endpoint and this policy turns each request back into plain http just before it is sent.
 */
export const plainHttpForLoopback: PipelinePolicy = {
  name: 'acsElementsPlainHttpForLoopback',
  sendRequest(request, next) {
    request.url = request.url.replace(/^https:/, 'http:');
    request.allowInsecureConnection = true;
    return next(request);
  },
};

export function identityClient(connection: AcsConnection): CommunicationIdentityClient {
  return new CommunicationIdentityClient(connection.connectionString, connection.emulator ? { allowInsecureConnection: true } : {});
}

/**
 * A chat client acting as `user`, with a new token from the identity client whenever the last
 * one has expired. (On demand rather than proactive: a proactive timer would keep the process alive.)
 */
export function chatClientFor(connection: AcsConnection, identity: CommunicationIdentityClient, user: CommunicationUserIdentifier): ChatClient {
  const credential = new AzureCommunicationTokenCredential({
    tokenRefresher: async () => (await identity.getToken(user, ['chat'])).token,
  });
  if (!connection.emulator) return new ChatClient(connection.endpoint, credential);
  return new ChatClient(connection.endpoint.replace(/^http:/, 'https:'), credential, {
    additionalPolicies: [{ policy: plainHttpForLoopback, position: 'perRetry' }],
  });
}
