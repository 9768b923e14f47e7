import type { ChatThreadClient } from '@azure/communication-chat';
import { loadChatSdk } from '../../../src/core/chat-sdk.js';
import { emulatorHttpClient, emulatorSdkEndpoint } from '../../../src/core/emulator-transport.js';
import { loadCommonSdk } from '../../../src/core/sdk-loader.js';
import type { SessionResponse } from '../../../src/core/session.js';
import type { FaultRule } from '../../../server/emulator/fault-rule.js';

export type { FaultRule };

/** The session JSON of the real token service that the test runner starts beside the emulator. */
export interface EmulatorSession extends Required<Pick<SessionResponse, 'token' | 'endpoint' | 'threadId' | 'userId' | 'displayName'>> {
  emulator: boolean;
}

/** A new user of the emulator, joined to the demo thread (each call is a new browser session). */
export async function emulatorSession(displayName: string): Promise<EmulatorSession> {
  const { url } = (await (await fetch('/test-api/emulator')).json()) as { url: string };
  const response = await fetch(new URL('api/session', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  if (!response.ok) throw new Error(`session: ${response.status}`);
  return (await response.json()) as EmulatorSession;
}

/** The real chat SDK acting as `session`'s user, over the emulator transport. */
export async function chatThreadAs(session: EmulatorSession, threadId = session.threadId): Promise<ChatThreadClient> {
  const [{ ChatClient }, { AzureCommunicationTokenCredential }] = await Promise.all([loadChatSdk(), loadCommonSdk()]);
  const client = new ChatClient(emulatorSdkEndpoint(session.endpoint), new AzureCommunicationTokenCredential(session.token), {
    httpClient: emulatorHttpClient,
  });
  return client.getChatThreadClient(threadId);
}

/** A thread of its own for one test, with the given members (the first creates it). */
export async function newThread(topic: string, creator: EmulatorSession, ...others: EmulatorSession[]): Promise<string> {
  const [{ ChatClient }, { AzureCommunicationTokenCredential }] = await Promise.all([loadChatSdk(), loadCommonSdk()]);
  const client = new ChatClient(emulatorSdkEndpoint(creator.endpoint), new AzureCommunicationTokenCredential(creator.token), {
    httpClient: emulatorHttpClient,
  });
  const { chatThread } = await client.createChatThread(
    { topic },
    {
      participants: [creator, ...others].map((member) => ({
        id: { communicationUserId: member.userId },
        displayName: member.displayName,
        shareHistoryTime: new Date(0),
      })),
    },
  );
  return chatThread!.id;
}

async function emulatorUrl(): Promise<string> {
  return ((await (await fetch('/test-api/emulator')).json()) as { url: string }).url;
}

/** Arms faults in the emulator the test runner started; `clearFaults()` disarms them. */
export async function injectFaults(...rules: FaultRule[]): Promise<void> {
  const response = await fetch(new URL('emulator/faults', await emulatorUrl()), { method: 'POST', body: JSON.stringify(rules) });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(new URL('emulator/faults', await emulatorUrl()), { method: 'DELETE' });
}

/** Cuts `userId`'s live connections (the Trouter WebSockets) at the server, as a network break would. */
export function killTrouterSockets(userId: string): Promise<void> {
  return injectFaults({ kind: 'drop-streams', userId });
}

/** Path pattern of the chat API's send-message route, for fault rules. */
export const SEND_MESSAGE_PATH = '^/chat/threads/[^/]+/messages$';
