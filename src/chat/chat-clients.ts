import type { ChatClientOptions } from '@azure/communication-chat';
import { loadChatSdk } from '../core/chat-sdk.js';
import type { AcsSession } from '../core/session.js';
import type { ChatClientLike, ChatThreadClientLike } from './chat-client.js';

/** The clients of one connection to a thread. */
export interface ChatClients {
  /** Real-time notifications. */
  client: ChatClientLike;
  /** History, participants, edits, typing and receipts: the SDK retries these itself. */
  thread: ChatThreadClientLike;
  /**
   * Sends only, with the SDK's own retries off: a retried POST after an answer was lost would
   * store the message twice, so the outbox alone retries, after checking history by client id.
   */
  sender: Pick<ChatThreadClientLike, 'sendMessage'>;
}

export interface ChatClientsOptions {
  session: AcsSession;
  endpoint: string;
  threadId: string;
  /** A test's fake: used as it is, for everything. */
  client?: ChatClientLike | undefined;
}

/**
 * Builds the chat SDK's clients for `endpoint`; for the local emulator with its loopback
 * transport, for both REST and the real-time (Trouter) requests, so both modes share one path.
 */
export async function openChatClients({ session, endpoint, threadId, client: given }: ChatClientsOptions): Promise<ChatClients> {
  if (given) {
    const thread = given.getChatThreadClient(threadId);
    return { client: given, thread, sender: thread };
  }
  const [sdk, transport] = await Promise.all([loadChatSdk(), session.emulator ? import('../core/emulator-transport.js') : undefined]);
  const options: ChatClientOptions & { signalingClientOptions?: ChatClientOptions } = transport
    ? {
        httpClient: transport.emulatorHttpClient,
        // The SDK hands these to its signaling client (its configuration request) without declaring them.
        signalingClientOptions: { additionalPolicies: [{ policy: transport.emulatorSignalingPolicy, position: 'perRetry' }] },
      }
    : {};
  const sdkEndpoint = transport ? transport.emulatorSdkEndpoint(endpoint) : endpoint;
  const client = new sdk.ChatClient(sdkEndpoint, session.credential, options);
  const sender = new sdk.ChatThreadClient(sdkEndpoint, threadId, session.credential, { ...options, retryOptions: { maxRetries: 0 } });
  return { client, thread: client.getChatThreadClient(threadId), sender };
}
