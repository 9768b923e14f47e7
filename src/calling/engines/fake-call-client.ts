import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { EngineCallClient } from '../call-engine.js';
import { FakeCallAgent, type FakeCallAgentHost } from './fake-call-agent.js';
import { FakeCallingError } from './fake-calling-error.js';
import { FakeDeviceManager } from './fake-device-manager.js';
import { userIdOf } from './identifiers.js';
import { sleep } from './sleep.js';

/** What a client needs from its engine (`FakeCallEngine`), besides what its agent needs. */
export interface FakeCallClientHost extends FakeCallAgentHost {
  readonly agentDelayMs: number;
  readonly deviceManagerDelayMs: number;
  agentCreated(agent: FakeCallAgent): void;
}

export class FakeCallClient implements EngineCallClient {
  readonly #engine: FakeCallClientHost;
  #creatingAgent = false;
  #agent: FakeCallAgent | undefined;
  #deviceManager: Promise<FakeDeviceManager> | undefined;

  constructor(engine: FakeCallClientHost) {
    this.#engine = engine;
  }

  async createCallAgent(credential: CommunicationTokenCredential, options: { displayName?: string } = {}): Promise<FakeCallAgent> {
    // Checked before the first await: the SDK refuses a second agent while the first is on its way too.
    if (this.#creatingAgent || (this.#agent && !this.#agent.disposed)) {
      throw new FakeCallingError(
        'CallClient instance can support only one CallAgent or TeamsCallAgent create new CallClient instance to create new CallAgent or TeamsCallAgent',
        400,
        40008,
      );
    }
    this.#creatingAgent = true;
    try {
      let token: string;
      try {
        ({ token } = await credential.getToken());
      } catch (cause) {
        throw new FakeCallingError('Failed to get AccessToken', 401, 44110, { cause });
      }
      await sleep(this.#engine.agentDelayMs);
      const agent = new FakeCallAgent(this.#engine, userIdOf(token), options.displayName);
      this.#agent = agent;
      this.#engine.agentCreated(agent);
      return agent;
    } finally {
      this.#creatingAgent = false;
    }
  }

  getDeviceManager(): Promise<FakeDeviceManager> {
    return (this.#deviceManager ??= sleep(this.#engine.deviceManagerDelayMs).then(() => FakeDeviceManager.create()));
  }

  async dispose(): Promise<void> {
    await this.#agent?.dispose();
  }
}
