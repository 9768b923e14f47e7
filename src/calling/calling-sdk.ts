import { createSdkLoader } from '../core/sdk-loader.js';
import { callingSdkPreloads } from './calling-sdk-preloads.js';

/** @azure/communication-calling (about 1.8 MB gzip), downloaded on first use. */
export const loadCallingSdk = createSdkLoader('ACS calling', () => import('@azure/communication-calling'));

let hinted = false;

/**
 * Asks the browser to download (and compile, off the main thread) the calling SDK now, without
 * running it: a `modulepreload` hint, once per page. Whether it then runs is for the session to
 * say: the local emulator's calls never use it.
 */
export function hintCallingSdk(): void {
  if (hinted) return;
  hinted = true;
  for (const href of callingSdkPreloads) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}
