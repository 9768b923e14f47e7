import { AcsError } from './errors.js';

/**
 * Makes a cached, retryable loader for one ACS SDK. Each SDK is loaded with its own `import()`
 * in its own module (`chat-sdk.ts`, `calling-sdk.ts`), so a bundler building a chat-only page
 * never even emits a calling chunk. A failed download is forgotten, so the next call retries.
 */
export function createSdkLoader<T>(sdkName: string, importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= importer().catch((cause: unknown) => {
      loading = undefined;
      throw new AcsError('sdk-load-failed', `The ${sdkName} SDK could not be loaded.`, { cause });
    }));
}

/** @azure/communication-common: the token credential and identifier helpers. */
export const loadCommonSdk = createSdkLoader('ACS common', () => import('@azure/communication-common'));
