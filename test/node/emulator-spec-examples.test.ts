import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chatUsers, type ChatUser } from './support/chat-users.js';
import { startEmulator } from './support/emulator-server.js';

/**
 * Replays each Chat API example of the official spec against the emulator and checks that the
 * answer has the example's status and shape: every field of the example, with the same JSON type.
 */
const EXAMPLES = new URL('fixtures/acs-spec-examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
  .filter((name) => /^(Threads|Messages|Participants|Conversations)_.*\.json$/.test(name))
  .map((name): Example => ({ name: name.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Omit<Example, 'name'>) }));

interface Example {
  name: string;
  parameters: Record<string, unknown> & { 'api-version': string; maxPageSize?: number; 'content-type'?: string };
  responses: Record<string, { body?: unknown }>;
}

interface Fixture {
  threadId: string;
  messageId: string;
}

/** How to send each operation; the examples hold parameters, not methods and paths. */
const OPERATIONS: Record<
  string,
  {
    method: string;
    path: (fixture: Fixture) => string;
    body?: string;
    /** Points the example's body at this run's data. */
    adapt?: (body: Record<string, unknown>, fixture: Fixture) => Record<string, unknown>;
    headers?: (parameters: Record<string, unknown>) => Record<string, string>;
  }
> = {
  Threads_CreateChatThread: { method: 'POST', path: () => '/chat/threads', body: 'createChatThreadRequest' },
  Threads_CreateChatThreadWithIdempotencyToken: {
    method: 'POST',
    path: () => '/chat/threads',
    body: 'createChatThreadRequest',
    headers: (parameters) => ({ 'repeatability-request-id': String(parameters['idempotency-token']) }),
  },
  Threads_GetChatThread: { method: 'GET', path: ({ threadId }) => thread(threadId) },
  Threads_ListChatThreadsWithPageSize: { method: 'GET', path: () => '/chat/threads' },
  Threads_UpdateChatThreadTopic: { method: 'PATCH', path: ({ threadId }) => thread(threadId), body: 'updateChatThreadRequest' },
  Threads_DeleteChatThread: { method: 'DELETE', path: ({ threadId }) => thread(threadId) },
  Messages_SendChatMessage: { method: 'POST', path: ({ threadId }) => `${thread(threadId)}/messages`, body: 'sendChatMessageRequest' },
  Messages_GetChatMessage: { method: 'GET', path: ({ threadId, messageId }) => `${thread(threadId)}/messages/${messageId}` },
  Messages_ListChatMessagesWithPageSize: { method: 'GET', path: ({ threadId }) => `${thread(threadId)}/messages` },
  Messages_UpdateChatMessage: {
    method: 'PATCH',
    path: ({ threadId, messageId }) => `${thread(threadId)}/messages/${messageId}`,
    body: 'updateChatMessageRequest',
  },
  Messages_DeleteChatMessage: { method: 'DELETE', path: ({ threadId, messageId }) => `${thread(threadId)}/messages/${messageId}` },
  Messages_SendTypingNotification: { method: 'POST', path: ({ threadId }) => `${thread(threadId)}/typing`, body: 'sendTypingNotificationRequest' },
  Participants_AddChatParticipants: { method: 'POST', path: ({ threadId }) => `${thread(threadId)}/participants/:add`, body: 'addChatParticipantsRequest' },
  Participants_ListChatParticipantsWithPageSize: { method: 'GET', path: ({ threadId }) => `${thread(threadId)}/participants` },
  Participants_RemoveChatParticipant: {
    method: 'POST',
    path: ({ threadId }) => `${thread(threadId)}/participants/:remove`,
    body: 'participantCommunicationIdentifier',
  },
  Conversations_ListChatReadReceiptsWithPageSize: { method: 'GET', path: ({ threadId }) => `${thread(threadId)}/readReceipts` },
  Conversations_SendChatReadReceipt: {
    method: 'POST',
    path: ({ threadId }) => `${thread(threadId)}/readReceipts`,
    body: 'sendReadReceiptRequest',
    adapt: (body, { messageId }) => ({ ...body, chatMessageId: messageId }),
  },
};

const thread = (id: string) => `/chat/threads/${encodeURIComponent(id)}`;
// Teams-interop attachments are not emulated.
const NOT_EMULATED = new Set(['attachments']);

function assertSameShape(actual: unknown, expected: unknown, path: string): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path} is not an array`);
    for (const item of expected) {
      const type = (item as { type?: string } | null)?.type;
      // Match like with like: the same message type, else an element with the same fields (a deleted thread, say).
      const counterpart: unknown = type
        ? actual.find((each) => (each as { type?: string }).type === type)
        : (actual.find((each) => Object.keys(item as object).every((key) => key in (each as object))) ?? actual[0]);
      if (counterpart !== undefined) assertSameShape(counterpart, item, `${path}[${type ?? 0}]`);
    }
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path} is not an object`);
    for (const [key, value] of Object.entries(expected)) {
      if (NOT_EMULATED.has(key)) continue;
      assert.ok(key in actual, `${path}.${key} is missing`);
      assertSameShape((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  assert.equal(typeof actual, typeof expected, `${path} is a ${typeof actual}, the example has a ${typeof expected}`);
}

let running: Awaited<ReturnType<typeof startEmulator>>;
let ana: ChatUser;
let fixtureThread: string;

before(async () => {
  running = await startEmulator();
  const newUser = chatUsers(running.connection);
  const [first, ben, cara] = await Promise.all([newUser(), newUser(), newUser()]);
  ana = first!;
  // Enough of everything that every listing example's page size leaves a next page.
  for (let index = 0; index < 6; index += 1) {
    const { chatThread } = await ana.chat.createChatThread(
      { topic: `Thread ${index}` },
      {
        participants: [
          { id: ana.user, displayName: 'Ana' },
          { id: ben.user, displayName: 'Ben' },
          { id: cara.user, displayName: 'Cara' },
        ],
      },
    );
    fixtureThread = chatThread!.id;
    await ana.chat.getChatThreadClient(fixtureThread).sendMessage({ content: 'hi' });
  }
  const client = ana.chat.getChatThreadClient(fixtureThread);
  await client.updateTopic('Lunch');
  await client.sendMessage({ content: '<p>This place?</p>' }, { type: 'html', senderDisplayName: 'Jane', metadata: { amsreferences: '[]' } });
  for (let index = 0; index < 5; index += 1) await client.sendMessage({ content: `m${index}` }, { senderDisplayName: 'Jane' });
  for (const user of [ana, ben, cara]) {
    const { id } = await client.sendMessage({ content: 'read me' });
    await user.chat.getChatThreadClient(fixtureThread).sendReadReceipt({ chatMessageId: id });
  }
});
after(() => running.close());

async function threadToDelete(): Promise<string> {
  const id = (await ana.chat.createChatThread({ topic: 'to delete' })).chatThread!.id;
  await ana.chat.getChatThreadClient(id).sendMessage({ content: 'soon gone' });
  return id;
}

for (const example of examples) {
  test(`${example.name} answers like the spec example`, async () => {
    const operation = OPERATIONS[example.name];
    assert.ok(operation, `no way to send ${example.name}: add it to OPERATIONS`);
    const { id: messageId } = await ana.chat
      .getChatThreadClient(fixtureThread)
      .sendMessage({ content: 'target' }, { metadata: { someKey1: 'someValue1', someKey2: 'someValue2' } });
    const threadId = operation.method === 'DELETE' && example.name.startsWith('Threads') ? await threadToDelete() : fixtureThread;
    const url = new URL(operation.path({ threadId, messageId }), running.endpoint);
    url.searchParams.set('api-version', example.parameters['api-version']);
    if (example.parameters.maxPageSize !== undefined) url.searchParams.set('maxPageSize', String(example.parameters.maxPageSize));
    const response = await fetch(url, {
      method: operation.method,
      headers: {
        Authorization: `Bearer ${await ana.token()}`,
        'Content-Type': example.parameters['content-type'] ?? 'application/json',
        ...operation.headers?.(example.parameters),
      },
      ...(operation.body && {
        body: JSON.stringify((operation.adapt ?? ((body) => body))(example.parameters[operation.body] as Record<string, unknown>, { threadId, messageId })),
      }),
    });
    const [status, expected] = Object.entries(example.responses).find(([code]) => code.startsWith('2'))!;
    assert.equal(response.status, Number(status));
    const text = await response.text();
    if (expected.body === undefined) {
      assert.equal(text, '');
      return;
    }
    assertSameShape(JSON.parse(text), expected.body, example.name);
  });
}
