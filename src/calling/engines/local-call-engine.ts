import type { CallEngine, EngineCall, EngineCallFeatures } from '../call-engine.js';
import { emulatorCallEngine } from './emulator-call-engine.js';
import type { FakeCallEngine } from './fake-call-engine.js';
import { LocalCall } from './local-call.js';
import { LocalCallClient } from './local-call-client.js';
import { LocalCameraStream } from './local-camera-stream.js';
import { listenForDemoBot } from './local-demo-bot.js';
import { emulatorOrigin } from './local-origin.js';

/**
 * The calls of emulator mode (`npm start` without Azure): real calls between browsers, media on
 * their own WebRTC and the emulator as signalling server. What has no browser at the other end
 * (phone numbers, Teams meetings) stays on the emulator's simulated calls.
 */
export class LocalCallEngine implements CallEngine {
  constructor(
    private readonly endpoint: string,
    private readonly simulated: FakeCallEngine,
  ) {}

  createCallClient(): LocalCallClient {
    return new LocalCallClient({ endpoint: this.endpoint, simulated: () => this.simulated.createCallClient() });
  }

  /** Like the SDK, a stream made from a `MediaStream` is 'RawMedia', not a camera device's 'Video'. */
  createLocalVideoStream(source: MediaStream): LocalCameraStream {
    return new LocalCameraStream(source, 'RawMedia');
  }

  features(call: EngineCall): EngineCallFeatures {
    return call instanceof LocalCall ? call.features : this.simulated.features(call);
  }
}

const engines = new Map<string, LocalCallEngine>();

/** The engine of the emulator at `endpoint`, shared by every element of the page so they share one agent per user. */
export function localCallEngine(endpoint: string | undefined): LocalCallEngine {
  const origin = emulatorOrigin(endpoint);
  let engine = engines.get(origin);
  if (!engine) engines.set(origin, (engine = new LocalCallEngine(origin, emulatorCallEngine())));
  // Emulator mode only, and from the first element that calls: the demo page's "Invite the demo bot".
  listenForDemoBot();
  return engine;
}
