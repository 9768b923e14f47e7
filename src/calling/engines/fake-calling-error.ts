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
