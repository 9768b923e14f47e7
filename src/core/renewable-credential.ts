import type { CommunicationGetTokenOptions, CommunicationTokenCredential } from '@azure/communication-common';

/** The SDK's `AccessToken` (its own package, @azure/core-auth, is not ours to depend on). */
export type AccessToken = Awaited<ReturnType<CommunicationTokenCredential['getToken']>>;

/**
 * A token credential that can be told its token was refused. The SDK's own credential refreshes
 * only on its schedule, and a token revoked (or refused for any reason) before it expires would
 * be offered again until then; `renew()` swaps in a credential on a freshly fetched token.
 */
export class RenewableCredential implements CommunicationTokenCredential {
  private renewal: Promise<void> | undefined;

  constructor(
    private current: CommunicationTokenCredential,
    private readonly next: () => Promise<CommunicationTokenCredential>,
  ) {}

  getToken(options?: CommunicationGetTokenOptions): Promise<AccessToken> {
    return this.current.getToken(options);
  }

  /** Fetches a new token now; callers refused at the same moment share one fetch. */
  renew(): Promise<void> {
    this.renewal ??= this.next()
      .then((fresh) => {
        this.current.dispose();
        this.current = fresh;
      })
      .finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  dispose(): void {
    this.current.dispose();
  }
}
