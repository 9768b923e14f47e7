import { oneEvent } from '@open-wc/testing';
import type { AcsEventMap } from '../../../src/core/events.js';

/** The next `acs-*` event `target` dispatches, typed by its name (`oneEvent` alone gives `CustomEvent<any>`). */
export function acsEvent<K extends keyof AcsEventMap>(target: EventTarget, name: K): Promise<CustomEvent<AcsEventMap[K]>> {
  return oneEvent<CustomEvent<AcsEventMap[K]>>(target, name);
}

/** A promise that never settles: a token source, or a sign-in, that keeps an element waiting. */
export function forever<T = never>(): Promise<T> {
  return new Promise<T>(() => {
    // Never resolves nor rejects.
  });
}
