interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

const flights = new Map<unknown, Flight<unknown>>();

/**
 * Runs `request` once for all concurrent callers with the same `key`. The shared request is
 * aborted only when every caller has aborted; a caller that aborts gets an `AbortError` at once.
 * Why: elements on one page asking the same `token-url` at the same moment must get the same
 * identity (the server keys identities by cookie, set by the first answer).
 */
export function sharedRequest<T>(key: unknown, signal: AbortSignal, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
  signal.throwIfAborted();
  let flight = flights.get(key) as Flight<T> | undefined;
  if (!flight) {
    const controller = new AbortController();
    const created: Flight<T> = { controller, waiters: 0, promise: request(controller.signal) };
    const forget = () => {
      if (flights.get(key) === created) flights.delete(key);
    };
    created.promise.then(forget, forget);
    flights.set(key, created);
    flight = created;
  }
  const current = flight;
  current.waiters += 1;
  return new Promise<T>((resolve, reject) => {
    const leave = () => {
      signal.removeEventListener('abort', onAbort);
      current.waiters -= 1;
    };
    const onAbort = () => {
      leave();
      if (current.waiters === 0) {
        current.controller.abort(signal.reason);
        if (flights.get(key) === current) flights.delete(key);
      }
      // The caller's own abort reason (an AbortError unless it gave another), passed on unchanged.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    current.promise.then(
      (value) => {
        leave();
        resolve(value);
      },
      (error: unknown) => {
        leave();
        // The shared request's failure, whatever it is, reaches every caller unchanged.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      },
    );
  });
}
