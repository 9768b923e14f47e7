import type { MessageList } from './chat-state.js';

/** Messages rendered at once: enough to fill any screen several times, few enough for a bounded DOM. */
export const WINDOW_SIZE = 150;
/** How far the window moves when the reader reaches one of its edges. */
export const WINDOW_STEP = 100;

/**
 * Which slice of the history is in the DOM. The window is anchored by the key of its last message
 * (`undefined`: it follows the newest), so older pages arriving at the front do not move it.
 */
export function windowRange(messages: MessageList, lastKey: string | undefined): { start: number; end: number } {
  const anchored = lastKey === undefined ? -1 : messages.findIndex((message) => message.key === lastKey);
  const end = anchored === -1 ? messages.length : anchored + 1;
  return { start: Math.max(0, end - WINDOW_SIZE), end };
}

/** The window one step towards older messages. */
export function windowUp(messages: MessageList, lastKey: string | undefined): string | undefined {
  const { start, end } = windowRange(messages, lastKey);
  if (start === 0) return lastKey;
  return messages[Math.max(Math.min(WINDOW_SIZE, messages.length), end - WINDOW_STEP) - 1]?.key;
}

/** The window one step towards newer messages; `undefined` once it reaches the newest. */
export function windowDown(messages: MessageList, lastKey: string | undefined): string | undefined {
  const { end } = windowRange(messages, lastKey);
  const next = end + WINDOW_STEP;
  return next >= messages.length ? undefined : messages[next - 1].key;
}
