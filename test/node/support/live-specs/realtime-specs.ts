import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import type { ChatClient, ChatThreadClient } from '@azure/communication-chat';
import type { CommunicationIdentifier } from '@azure/communication-common';
import { signalingTraffic } from '../browser-chat-sdk.js';
import type { LiveSpecContext } from './helpers.js';

const EVENT_WAIT_MS = 8000;

/** Resolves when `listen` calls back, as the upstream `done`; fails the case after the upstream 8 s timeout. */
function until(listen: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no event within ${EVENT_WAIT_MS} ms`)), EVENT_WAIT_MS);
    listen(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * communication-chat/test/public/browser/realtimeNotifications.spec.ts: one user's browser-build chat client
 * listens while it changes its own thread; `createTestUser` must give clients of the SDK's browser build.
 */
export function realtimeSpecs({ createTestUser }: LiveSpecContext): void {
  describe('Realtime Notifications', () => {
    let chatClient: ChatClient | undefined;
    let chatThreadClient: ChatThreadClient;
    let testUser: CommunicationIdentifier;
    let testUser2: CommunicationIdentifier;

    beforeEach(async () => {
      // The one-time thread set-up, on the first case only.
      if (!chatClient) {
        ({ user: testUser, chat: chatClient } = await createTestUser());
        testUser2 = (await createTestUser()).user;
        const { chatThread } = await chatClient.createChatThread({ topic: 'notification tests' }, { participants: [{ id: testUser }] });
        chatThreadClient = chatClient.getChatThreadClient(chatThread!.id);
      }
      await chatClient.startRealtimeNotifications();
    });

    after(async () => {
      // The SDK retries its registration's deletion for as long as it gets no answer: wait for the answer, so
      // that no retry outlives the server.
      const answered = () => signalingTraffic.filter((request) => request.method === 'DELETE' && request.answered).length;
      const before = answered();
      await chatClient?.stopRealtimeNotifications();
      while (answered() === before) await wait(25);
    });

    const client = () => chatClient!;

    test('successfully stops realtime notifications', async () => {
      let calls = 0;
      client().on('typingIndicatorReceived', () => (calls += 1));
      await client().stopRealtimeNotifications();
      await chatThreadClient.sendTypingNotification();
      // Allow time to see if notification comes in.
      await wait(5000);
      assert.equal(calls, 0);
    });

    test('successfully unsubscribes a listener', async () => {
      function listener(): void {
        assert.fail();
      }
      client().on('typingIndicatorReceived', listener);
      client().off('typingIndicatorReceived', listener);
      void chatThreadClient.sendTypingNotification();
      // Wait a bit and fail if the notification comes in.
      await wait(5000);
    });

    test('successfully listens to typingIndicatorReceivedEvents', () =>
      until((done) => {
        client().on('typingIndicatorReceived', done);
        void chatThreadClient.sendTypingNotification();
      }));

    test('successfully listens to chatMessageEditedEvents', () =>
      until((done) => {
        client().on('chatMessageEdited', done);
        chatThreadClient
          .sendMessage({ content: 'content' })
          .then((result) => chatThreadClient.updateMessage(result.id, { content: 'new content' }))
          .catch((error: unknown) => console.error(error));
      }));

    test('successfully listens to chatMessageReceivedEvents', () =>
      until((done) => {
        client().on('chatMessageReceived', done);
        void chatThreadClient.sendMessage({ content: 'content' });
      }));

    test('successfully listens to chatMessageDeletedEvents', () =>
      until((done) => {
        client().on('chatMessageDeleted', done);
        chatThreadClient
          .sendMessage({ content: 'content' })
          .then((result) => chatThreadClient.deleteMessage(result.id))
          .catch((error: unknown) => console.error(error));
      }));

    test('successfully listens to chatThreadCreatedEvents', () =>
      until((done) => {
        client().on('chatThreadCreated', done);
        void client().createChatThread({ topic: 'test create thread event' }, { participants: [{ id: testUser }] });
      }));

    test('successfully listens to chatThreadDeletedEvents', () =>
      until((done) => {
        client().on('chatThreadDeleted', done);
        client()
          .createChatThread({ topic: 'test delete thread event' }, { participants: [{ id: testUser }] })
          .then((result) => client().deleteChatThread(result.chatThread!.id))
          .catch((error: unknown) => console.error(error));
      }));

    test('successfully listens to chatThreadPropertiesUpdatedEvents', () =>
      until((done) => {
        client().on('chatThreadPropertiesUpdated', done);
        void chatThreadClient.updateTopic('updated topic');
      }));

    test('successfully listens to participantsAddedEvents', () =>
      until((done) => {
        client().on('participantsAdded', done);
        void chatThreadClient.addParticipants({ participants: [{ id: testUser2 }] });
      }));

    test('successfully listens to participantsRemovedEvents', () =>
      until((done) => {
        client().on('participantsRemoved', done);
        void chatThreadClient.removeParticipant(testUser2);
      }));

    // Skipped upstream ("Read receipt notification is timing out even with increased timeout"): ACS sets no
    // expectation to hold the emulator to, so it is kept, skipped, and not counted.
    test('successfully listens to readReceiptReceivedEvents', { skip: 'skipped upstream: times out against ACS' }, () =>
      until((done) => {
        client().on('readReceiptReceived', done);
        chatThreadClient
          .sendMessage({ content: 'content' })
          .then((result) => chatThreadClient.sendReadReceipt({ chatMessageId: result.id }))
          .catch((error: unknown) => console.error(error));
      }),
    );
  });
}
