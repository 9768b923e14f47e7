import type {
  ChatClient,
  ChatMessageDeletedEvent,
  ChatMessageEditedEvent,
  ChatMessageReceivedEvent,
  ChatThreadDeletedEvent,
  ChatThreadPropertiesUpdatedEvent,
  ParticipantsAddedEvent,
  ParticipantsRemovedEvent,
  ReadReceiptReceivedEvent,
  TypingIndicatorReceivedEvent,
} from '@azure/communication-chat';
import { toChatEvent, type ChatEvent } from './chat-event.js';

export type RealtimeState = 'connecting' | 'connected' | 'reconnecting';

export interface RealtimeHandlers {
  /** Called only with events of the source's thread. */
  onEvent(event: ChatEvent): void;
  /** Called on each change; `stop()` reports nothing. */
  onStateChange(state: RealtimeState): void;
}

export interface RealtimeSource {
  /** Starts listening; does nothing while already started. May be called again after `stop()`. */
  start(): void;
  /** Stops at once: no handler is called afterwards and no request or timer is left behind. */
  stop(): void;
}

/** The part of `ChatClient` used here, so a test can hand in a fake. */
export type RealtimeChatClient = Pick<ChatClient, 'on' | 'off' | 'startRealtimeNotifications' | 'stopRealtimeNotifications'>;

export interface ChatRealtimeOptions {
  client: RealtimeChatClient;
  threadId: string;
  handlers: RealtimeHandlers;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
/**
 * The SDK's start resolves before its connection is up, and while it cannot connect it retries
 * quietly, firing nothing: a connection not up by then counts as down, so the consumer polls.
 */
const CONNECT_WAIT_MS = 4000;

interface SdkEvents {
  chatMessageReceived: ChatMessageReceivedEvent;
  chatMessageEdited: ChatMessageEditedEvent;
  chatMessageDeleted: ChatMessageDeletedEvent;
  typingIndicatorReceived: TypingIndicatorReceivedEvent;
  readReceiptReceived: ReadReceiptReceivedEvent;
  participantsAdded: ParticipantsAddedEvent;
  participantsRemoved: ParticipantsRemovedEvent;
  chatThreadPropertiesUpdated: ChatThreadPropertiesUpdatedEvent;
  chatThreadDeleted: ChatThreadDeletedEvent;
  realTimeNotificationConnected: undefined;
  realTimeNotificationDisconnected: undefined;
}
type SdkEventName = keyof SdkEvents;
/** `ChatClient.off` is typed without the two connection events, though it removes them like any other. */
type Subscription = (event: SdkEventName, listener: (payload: never) => void) => void;

interface AzureRun {
  stopped: boolean;
  startCalled: boolean;
  subscribed: SdkEventName[];
  retryMs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  connectWait: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Live events of one thread from the chat SDK's own notifications, on Azure and on the local
 * emulator alike (it speaks ACS's real-time protocol). `stop()` removes exactly the
 * listeners it added, then calls `stopRealtimeNotifications()` (which, in the SDK, also drops
 * every other listener on that client).
 */
export function chatRealtime({ client, threadId, handlers }: ChatRealtimeOptions): RealtimeSource {
  const state = stateReporter(handlers);
  const deliver = threadFilter(threadId, handlers);
  const emitter = client as unknown as { on: Subscription; off: Subscription };
  let current: AzureRun | undefined;
  let missedEvents = false;
  // The SDK's start and stop must not overlap: a quick stop-start would otherwise leave it stopped.
  let sdkCalls: Promise<void> = Promise.resolve();
  const queue = (call: () => Promise<void>) => {
    sdkCalls = sdkCalls.then(call).catch(() => undefined);
  };

  // One function per event, made once: off() must get the very function on() got.
  const listeners: { [K in SdkEventName]: (event: SdkEvents[K]) => void } = {
    chatMessageReceived: (event) => deliver(toChatEvent('chatMessageReceived', event)),
    chatMessageEdited: (event) => deliver(toChatEvent('chatMessageEdited', event)),
    chatMessageDeleted: (event) => deliver(toChatEvent('chatMessageDeleted', event)),
    typingIndicatorReceived: (event) => deliver(toChatEvent('typingIndicatorReceived', event)),
    readReceiptReceived: (event) => deliver(toChatEvent('readReceiptReceived', event)),
    participantsAdded: (event) => deliver(toChatEvent('participantsAdded', event)),
    participantsRemoved: (event) => deliver(toChatEvent('participantsRemoved', event)),
    chatThreadPropertiesUpdated: (event) => deliver(toChatEvent('chatThreadPropertiesUpdated', event)),
    chatThreadDeleted: (event) => deliver(toChatEvent('chatThreadDeleted', event)),
    realTimeNotificationConnected: () => {
      if (current) {
        current.retryMs = FIRST_RETRY_MS;
        clearTimeout(current.connectWait);
      }
      state.report('connected');
      // The SDK does not replay what was sent while it was disconnected.
      if (missedEvents) {
        missedEvents = false;
        deliver({ kind: 'resync', threadId });
      }
    },
    realTimeNotificationDisconnected: () => {
      missedEvents = true;
      state.report('reconnecting');
    },
  };

  const attempt = (run: AzureRun) =>
    queue(async () => {
      if (run.stopped) return;
      run.startCalled = true;
      try {
        await client.startRealtimeNotifications();
      } catch {
        // Each `run.stopped` after an await: stop() may have been called meanwhile, which TypeScript's narrowing cannot see.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (run.stopped) return;
        state.report('reconnecting');
        // The SDK counts itself started even when starting failed: only a stop lets the next start try again.
        await client.stopRealtimeNotifications().catch(() => undefined);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (run.stopped) return;
        run.timer = setTimeout(() => attempt(run), run.retryMs);
        run.retryMs = Math.min(run.retryMs * 2, MAX_RETRY_MS);
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (run.stopped) return;
      // Only now: the SDK refuses chat event listeners before it has started.
      for (const name of Object.keys(listeners) as SdkEventName[]) {
        emitter.on(name, listeners[name]);
        run.subscribed.push(name);
      }
      run.connectWait = setTimeout(() => listeners.realTimeNotificationDisconnected(undefined), CONNECT_WAIT_MS);
    });

  return {
    start() {
      if (current) return;
      current = { stopped: false, startCalled: false, subscribed: [], retryMs: FIRST_RETRY_MS, timer: undefined, connectWait: undefined };
      missedEvents = false;
      state.report('connecting');
      attempt(current);
    },
    stop() {
      const run = current;
      if (!run) return;
      current = undefined;
      run.stopped = true;
      clearTimeout(run.timer);
      clearTimeout(run.connectWait);
      for (const name of run.subscribed.splice(0)) emitter.off(name, listeners[name]);
      state.reset();
      queue(async () => {
        if (run.startCalled) await client.stopRealtimeNotifications();
      });
    },
  };
}

/** Reports each state once, however often a source passes through it. */
function stateReporter(handlers: RealtimeHandlers) {
  let last: RealtimeState | undefined;
  return {
    report(state: RealtimeState) {
      if (state === last) return;
      last = state;
      guarded(() => handlers.onStateChange(state));
    },
    /** After a stop, the next start reports `connecting` again. */
    reset() {
      last = undefined;
    },
  };
}

function threadFilter(threadId: string, handlers: RealtimeHandlers) {
  return (event: ChatEvent | undefined) => {
    if (event?.threadId === threadId) guarded(() => handlers.onEvent(event));
  };
}

/** A throwing handler must not end the stream (its event would be lost): its error is re-thrown outside. */
function guarded(call: () => void): void {
  try {
    call();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
