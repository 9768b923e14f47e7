import type { AcsSession } from '../core/session.js';
import type { CallEngine } from './call-engine.js';
import { loadCallingSdk } from './calling-sdk.js';

/**
 * The calling implementation for a session: the element's own (`callEngine`, e.g. a test's fake),
 * else the fake engine in emulator mode (the real SDK only talks to Azure), else the real SDK.
 * Each is its own lazy chunk, so an Azure page never fetches the fake and an emulator page never
 * fetches the 1.8 MB SDK.
 */
export async function callEngineFor(session: AcsSession, override: CallEngine | undefined): Promise<CallEngine> {
  if (override) return override;
  if (session.emulator) return (await import('./engines/emulator-call-engine.js')).emulatorCallEngine();
  // Both at once: asked for by the engine's chunk, the SDK's would start only once that one had arrived.
  const [{ loadSdkEngine }] = await Promise.all([import('./sdk-engine.js'), loadCallingSdk()]);
  return loadSdkEngine();
}
