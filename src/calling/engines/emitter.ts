/** Any listener the SDK's `on` takes; `Emitter` checks arguments where it emits them. */
export type Listener = (...args: never[]) => void;

/** The SDK's `on`/`off` for one object; `Events` types the arguments `emit` sends. */
export class Emitter<Events extends Record<keyof Events, unknown[]>> {
  readonly #listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): void {
    let listeners = this.#listeners.get(event);
    if (!listeners) this.#listeners.set(event, (listeners = new Set()));
    listeners.add(listener);
  }

  off(event: string, listener: Listener): void {
    this.#listeners.get(event)?.delete(listener);
  }

  emit<E extends keyof Events & string>(event: E, ...args: Events[E]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        Reflect.apply(listener, undefined, args);
      } catch (error) {
        // A failing listener must neither starve the others nor leave the fake half-way through a
        // change; rethrown on its own task, it still shows up as the page's (or test's) error.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}
