import type { RunningApp } from '../server/app.js';
import { SESSION_COOKIE } from '../server/token-service.js';

/**
 * The bench's one visitor: a session made once, whose cookie every cold visit carries, so each
 * visit is the same returning user. A new user per visit would add a "joined" line to the thread
 * each time and push the history the chats must show out of its newest page.
 */
export async function sessionCookie(appUrl: string): Promise<{ name: string; value: string }> {
  const response = await fetch(new URL('/api/session', appUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: 'Bench' }),
  });
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '');
  if (!response.ok || !cookie) throw new Error(`POST /api/session answered ${response.status} without a session cookie`);
  return { name: SESSION_COOKIE, value: cookie[1] };
}

/**
 * Writes `count` text messages (`seed 1` … `seed N`, one a second up to now, from the thread's
 * creator) straight into the emulator.
 */
export function seedThread(app: RunningApp, count: number): void {
  const emulator = app.emulator;
  const thread = emulator?.state.threads.get(app.threadId);
  if (!emulator || !thread) throw new Error('The bench seeds the embedded emulator, and it has no demo thread.');
  emulator.seedMessages(app.threadId, thread.createdByRawId, count);
}
