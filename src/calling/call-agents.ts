import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { AcsSession } from '../core/session.js';
import type { CallEngine, EngineCallAgent, EngineCallClient, EngineDeviceManager } from './call-engine.js';

/** One element's share of the call agent of its identity. */
export interface CallAgentLease {
  /** Settles when the agent exists (about 15 s offline with the real SDK: never block the UI on it). */
  readonly agent: Promise<EngineCallAgent>;
  /** The SDK's device manager; slow offline too, so the lobby lists the browser's devices first. */
  readonly deviceManager: Promise<EngineDeviceManager>;
  /** Gives the share back; the last one disposes the agent and its client. */
  release(): void;
}

interface SharedAgent {
  readonly client: EngineCallClient;
  readonly agent: Promise<EngineCallAgent>;
  readonly deviceManager: Promise<EngineDeviceManager>;
  /** Sessions of the elements holding a lease: the agent's token comes from any one still open. */
  readonly sessions: AcsSession[];
}

/*
 * The SDK allows one CallAgent per CallClient and one client per identity, so every element of
 * one user on a page (say an <acs-call> and an <acs-dialpad>) must share them.
 */
const agentsByEngine = new WeakMap<CallEngine, Map<string, SharedAgent>>();

/** Leases the call agent of `session`'s user on `engine`, creating it on first use. */
export function leaseCallAgent(engine: CallEngine, session: AcsSession, displayName: string | undefined): CallAgentLease {
  let agents = agentsByEngine.get(engine);
  if (!agents) agentsByEngine.set(engine, (agents = new Map<string, SharedAgent>()));
  const shared = agents.get(session.userId) ?? createSharedAgent(engine, agents, session, displayName);
  shared.sessions.push(session);
  let released = false;
  return {
    agent: shared.agent,
    deviceManager: shared.deviceManager,
    release: () => {
      if (released) return;
      released = true;
      shared.sessions.splice(shared.sessions.indexOf(session), 1);
      if (shared.sessions.length > 0) return;
      if (agents.get(session.userId) === shared) agents.delete(session.userId);
      void disposeShared(shared);
    },
  };
}

function createSharedAgent(engine: CallEngine, agents: Map<string, SharedAgent>, first: AcsSession, displayName: string | undefined): SharedAgent {
  const client = engine.createCallClient();
  const sessions: AcsSession[] = [];
  // Each element's session stops refreshing when that element leaves the page, so the shared
  // agent asks whichever session is still open.
  const credential: CommunicationTokenCredential = {
    getToken: (options) => (sessions[0] ?? first).credential.getToken(options),
    dispose: () => undefined,
  };
  const agent = client.createCallAgent(credential, displayName ? { displayName } : {});
  const shared: SharedAgent = { client, agent, deviceManager: client.getDeviceManager(), sessions };
  agent.catch(() => {
    // A failed agent is forgotten so that the next element (or a retry) tries again.
    if (agents.get(first.userId) === shared) agents.delete(first.userId);
  });
  shared.deviceManager.catch(() => undefined);
  agents.set(first.userId, shared);
  return shared;
}

async function disposeShared(shared: SharedAgent): Promise<void> {
  try {
    const agent = await shared.agent;
    await agent.dispose();
  } catch {
    // The agent never existed or is already gone: only the client is left to dispose.
  }
  await shared.client.dispose().catch(() => undefined);
}
