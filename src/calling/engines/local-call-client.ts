import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { EngineCallClient, EngineCallAgent } from '../call-engine.js';
import { FakeCallingError } from './fake-calling-error.js';
import { FakeDeviceManager } from './fake-device-manager.js';
import { LocalCallAgent } from './local-call-agent.js';

export interface LocalCallClientInit {
  /** The emulator's origin, where its call signalling is. */
  endpoint: string;
  /** A client of the emulator's simulated calls (phone numbers, Teams meetings). */
  simulated: () => EngineCallClient;
  /** For the demo bot: an agent that opens no microphone and plays nobody. */
  headless?: boolean;
}

/** The local engine's `CallClient`: one agent at a time, devices from the browser's own lists. */
export class LocalCallClient implements EngineCallClient {
  readonly #init: LocalCallClientInit;
  readonly #simulated: EngineCallClient;
  #agent: Promise<LocalCallAgent> | undefined;
  #deviceManager: Promise<FakeDeviceManager> | undefined;

  constructor(init: LocalCallClientInit) {
    this.#init = init;
    this.#simulated = init.simulated();
  }

  async createCallAgent(credential: CommunicationTokenCredential, options: { displayName?: string } = {}): Promise<LocalCallAgent> {
    if (this.#agent) {
      throw new FakeCallingError(
        'CallClient instance can support only one CallAgent or TeamsCallAgent create new CallClient instance to create new CallAgent or TeamsCallAgent',
        400,
        40008,
      );
    }
    const simulated: Promise<EngineCallAgent> = this.#simulated.createCallAgent(credential, options);
    const agent = LocalCallAgent.create({
      endpoint: this.#init.endpoint,
      credential,
      displayName: options.displayName,
      deviceManager: this.getDeviceManager(),
      simulated,
      headless: this.#init.headless,
    });
    this.#agent = agent;
    // A failed agent leaves room for another attempt.
    agent.catch(() => (this.#agent = undefined));
    simulated.catch(() => undefined);
    return agent;
  }

  getDeviceManager(): Promise<FakeDeviceManager> {
    return (this.#deviceManager ??= FakeDeviceManager.create());
  }

  async dispose(): Promise<void> {
    const agent = await this.#agent?.catch(() => undefined);
    this.#agent = undefined;
    await agent?.dispose();
  }
}
