import type { AcsError } from '../core/errors.js';
import type { AcsSession } from '../core/session.js';
import type { ChatClientLike } from './chat-client.js';
import type { MessageList, MessageView } from './chat-state.js';
import type { TypingPerson } from './typing-people.js';

/** What `ChatController` shows, tells and needs: its state, its callbacks, its connection options. */

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export interface ChatViewState {
  topic: string;
  messages: MessageList;
  /** Older pages exist beyond the oldest message shown. */
  olderAvailable: boolean;
  loadingOlder: boolean;
  connection: ConnectionStatus;
  /** People typing now. */
  typing: readonly TypingPerson[];
  participants: readonly { id: string; displayName: string }[];
  /** Per participant, the sequence id of the newest message they have read. */
  readUpTo: ReadonlyMap<string, number>;
  unread: number;
}

export interface ChatControllerCallbacks {
  onMessageSent(message: MessageView): void;
  onMessageReceived(message: MessageView): void;
  onConnectionChanged(status: ConnectionStatus): void;
  onUnreadChanged(count: number): void;
  onError(error: AcsError): void;
}

export interface ChatConnectOptions {
  session: AcsSession;
  threadId: string;
  userId: string;
  endpoint: string;
  displayName: string;
  pageSize: number;
  signal: AbortSignal;
  /** Used instead of a new `ChatClient` from the SDK (a test's fake); its own notifications drive the live view. */
  client?: ChatClientLike | undefined;
}

export const initialState: ChatViewState = {
  topic: '',
  messages: [],
  olderAvailable: false,
  loadingOlder: false,
  connection: 'connected',
  typing: [],
  participants: [],
  readUpTo: new Map(),
  unread: 0,
};
