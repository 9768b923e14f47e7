/** Shaped like the SDK's `CallingCommunicationError`: its message, `code` and `subCode`. */
export class FakeCallingError extends Error {
  override readonly name = 'CallingCommunicationError';

  constructor(
    message: string,
    readonly code: number,
    readonly subCode: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// The SDK's own errors, word for word (typos included), for the fake to fail as it does.

export const holdFailed = () =>
  new FakeCallingError(
    'Failed to hold the call. Please try again, if the issue persists, gather browser console logs and contact Azure Communication Services support.',
    500,
    41033,
  );

export const resumeFailed = () =>
  new FakeCallingError(
    'Failed to resume the call.Please try again, if the issue persists, gather browser console logs and contact Azure Communication Services support.',
    500,
    41034,
  );

/** Screen sharing asked for outside a connected call. */
export const screenShareNotConnected = () =>
  new FakeCallingError(
    "Failed to start screen share, call is not in Connected state. Subscribe to the Call's 'statteChanged' event to know when the call is connected.",
    412,
    41071,
  );
