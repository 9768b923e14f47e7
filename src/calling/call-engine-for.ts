import type { AcsSession } from '../core/session.js';
import type { CallEngine } from './call-engine.js';
import { loadCallingSdk } from './calling-sdk.js';

/**
 * The calling implementation for a session: the element's own (`callEngine`, e.g. a test's fake),
 * else in emulator mode the local engine (the real SDK only talks to Azure: calls between browsers
 * run on their own WebRTC, phone numbers on the emulator's simulation), else the real SDK. Each is
 * its own lazy chunk, so an Azure page never fetches the local engine and an emulator page never
 * fetches the 1.8 MB SDK.
 */
export async function callEngineFor(session: AcsSession, override: CallEngine | undefined): Promise<CallEngine> {
  if (override) return override;
  if (session.emulator) return (await import('./engines/local-call-engine.js')).localCallEngine(session.endpoint);
  const [{ loadSdkEngine }] = await loadAzureEngine();
  return loadSdkEngine();
}

/**
 * Downloads and runs the SDK engine and the calling SDK before the session says which engine it is,
 * so that the agent can be made the moment the session is there: for an element that will most
 * likely run on Azure (the local emulator never runs them).
 */
export function prefetchAzureEngine(): void {
  loadAzureEngine().catch(() => undefined);
}

/** Both at once: asked for by the engine's chunk, the SDK's would start only once that one had arrived. */
function loadAzureEngine() {
  return Promise.all([import('./sdk-engine.js'), loadCallingSdk()]);
}
