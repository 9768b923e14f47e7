import type { ChatClient, ChatThreadClient } from '@azure/communication-chat';

/*
 * The part of @azure/communication-chat that <acs-chat> uses, and nothing more. Members are
 * picked from the SDK's own declarations, so the real `ChatClient` is assignable to these types
 * (the controller assigns one) and `FakeChatClient` in `src/testing/` implements them: an SDK
 * release that changes a member we use breaks the build on both sides, not a user's chat.
 * `getChatThreadClient` is redeclared because the SDK's returns its class, whose private fields
 * no other implementation can match.
 */

/** The thread operations the controller calls: history, participants, sending, editing, typing, receipts. */
export type ChatThreadClientLike = Pick<
  ChatThreadClient,
  'getProperties' | 'listMessages' | 'listParticipants' | 'sendMessage' | 'updateMessage' | 'deleteMessage' | 'sendTypingNotification' | 'sendReadReceipt'
>;

/** A chat client: threads, and the real-time notifications (`on`/`off` with start and stop) the live view listens to. */
export type ChatClientLike = Pick<ChatClient, 'on' | 'off' | 'startRealtimeNotifications' | 'stopRealtimeNotifications'> & {
  getChatThreadClient(threadId: string): ChatThreadClientLike;
};
