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
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { isLoopback } from '../core/emulator-transport.js';
import { AcsError } from '../core/errors.js';
import { parseData, toChatEvent, type ChatEvent } from './chat-event.js';
import { sseParser } from './sse-parser.js';

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

export interface EmulatorRealtimeOptions {
  /** The emulator's endpoint as the session gives it, e.g. `http://localhost:8080/`. */
  endpoint: string;
  threadId: string;
  credential: CommunicationTokenCredential;
  handlers: RealtimeHandlers;
}

/** The part of `ChatClient` used here, so a test can hand in a fake. */
export type RealtimeChatClient = Pick<ChatClient, 'on' | 'off' | 'startRealtimeNotifications' | 'stopRealtimeNotifications'>;

export interface AzureRealtimeOptions {
  client: RealtimeChatClient;
  threadId: string;
  handlers: RealtimeHandlers;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * Live events of one thread from the local emulator's Server-Sent Events stream. It is read with
 * `fetch` because EventSource cannot send the bearer token. Every reconnect asks the credential
 * for a token (the server ends the stream when the old one expires) and sends `Last-Event-ID`, so
 * the server replays exactly what the break missed. Start it before reading history and merge by
 * message id, so nothing falls between the two.
 */
export function emulatorRealtime({ endpoint, threadId, credential, handlers }: EmulatorRealtimeOptions): RealtimeSource {
  const url = new URL('emulator/realtime', endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
  if (url.protocol !== 'https:' && !isLoopback(url)) {
    // The token travels in a header: unencrypted only as far as this machine.
    throw new AcsError('invalid-session', `The emulator endpoint ${url.origin} is not on this machine.`);
  }
  const state = stateReporter(handlers);
  const deliver = threadFilter(threadId, handlers);
  // Kept across stop() and start(), so a restart resumes where the last stream left off.
  let lastEventId: string | undefined;
  let openedBefore = false;
  let running: AbortController | undefined;

  const stream = async (signal: AbortSignal, onOpen: () => void): Promise<void> => {
    const { token } = await credential.getToken({ abortSignal: signal });
    signal.throwIfAborted();
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(url, { headers, signal, cache: 'no-store', credentials: 'omit' });
    signal.throwIfAborted();
    if (!response.ok || !response.body || !response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      throw new AcsError('network', `The emulator's real-time stream answered ${response.status}.`);
    }
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = sseParser(lastEventId);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const frame of parser.push(value)) {
        // A handler may stop the source in the middle of a chunk; what follows must stay unseen so a restart replays it.
        if (signal.aborted) return;
        lastEventId = frame.lastEventId;
        if (frame.event === 'resync') deliver({ kind: 'resync', threadId });
        else deliver(toChatEvent(frame.event, parseData(frame.data)));
      }
    }
  };

  const run = async (signal: AbortSignal): Promise<void> => {
    let retryMs = FIRST_RETRY_MS;
    state.report('connecting');
    while (!signal.aborted) {
      try {
        await stream(signal, () => {
          retryMs = FIRST_RETRY_MS;
          state.report('connected');
          // With no event id to send, the server cannot replay what the break missed.
          if (openedBefore && !lastEventId) deliver({ kind: 'resync', threadId });
          openedBefore = true;
        });
      } catch {
        // Every failure is retried, a refused token too: the credential may have a fresh one by then.
      }
      // The stream ran until now: the signal may have aborted meanwhile, which TypeScript's narrowing cannot see.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (signal.aborted) return;
      state.report('reconnecting');
      await sleep(retryMs, signal);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  };

  return {
    start() {
      if (running) return;
      running = new AbortController();
      void run(running.signal);
    },
    stop() {
      running?.abort();
      running = undefined;
      state.reset();
    },
  };
}

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
}

/**
 * Live events of one thread from the chat SDK's own notifications. `stop()` removes exactly the
 * listeners it added, then calls `stopRealtimeNotifications()` (which, in the SDK, also drops
 * every other listener on that client).
 */
export function azureRealtime({ client, threadId, handlers }: AzureRealtimeOptions): RealtimeSource {
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
      if (current) current.retryMs = FIRST_RETRY_MS;
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
    });

  return {
    start() {
      if (current) return;
      current = { stopped: false, startCalled: false, subscribed: [], retryMs: FIRST_RETRY_MS, timer: undefined };
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

/** Resolves after `ms`, or at once when `signal` aborts; either way no timer is left. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // The executor's return value is unused: returning resolve() only ends it early.
    // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
