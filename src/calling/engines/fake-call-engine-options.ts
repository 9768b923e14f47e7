/** What the person at a dialled number does. */
export type PhoneCalleeAnswer = 'answer' | 'busy' | 'no-answer';

export interface FakeCallEngineOptions {
  /** How long each simulated network step takes (connecting, ringing, muting…). Default 50 ms. */
  latencyMs?: number;
  /** How long `createCallAgent` takes once it has the token. Default: `latencyMs`. */
  agentDelayMs?: number;
  /** How long `getDeviceManager` takes. Default: `latencyMs`. */
  deviceManagerDelayMs?: number;
  /** How the dialled phone number responds. Default: every number answers. */
  phoneCallee?: (phoneNumber: string) => PhoneCalleeAnswer;
  /** What screen sharing captures. Default: the browser's screen picker; tests pass a canvas stream. */
  screenShareSource?: () => Promise<MediaStream>;
}

/** What a call reads from its engine (`FakeCallEngine`). */
export type FakeCallContext = Readonly<Required<Pick<FakeCallEngineOptions, 'latencyMs' | 'phoneCallee' | 'screenShareSource'>>>;
