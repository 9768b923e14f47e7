import { FakeCallEngine, type FakeCall } from './scripted-engine.js';

/** The other side of a demo call needs a moment to "pick up", as a person would. */
const BOT_JOINS_AFTER_MS = 1200;
const BOT_TALKS_EVERY_MS = 3500;
/** Feels like a real network: slow enough to see "Connecting…", fast enough not to bore. */
const DEMO_LATENCY_MS = 400;

let engine: FakeCallEngine | undefined;

/**
 * The simulated calls of emulator mode (`npm start` without Azure), behind the local engine for
 * what has no browser at the other end: the fake engine, shared by every element of the page,
 * with the demo bot joining each Teams meeting on synthetic video and talking now and then. Phone
 * numbers answer and read back the DTMF tones they hear (the fake engine's own phone callee).
 */
export function emulatorCallEngine(): FakeCallEngine {
  if (!engine) {
    engine = new FakeCallEngine({ latencyMs: DEMO_LATENCY_MS });
    void botJoinsEveryCall(engine);
  }
  return engine;
}

async function botJoinsEveryCall(calls: FakeCallEngine): Promise<never> {
  for (;;) {
    const call = await calls.nextCall();
    if (call.remoteParticipants.length === 0 && call.direction === 'Outgoing') setTimeout(() => botJoins(call), BOT_JOINS_AFTER_MS);
  }
}

function botJoins(call: FakeCall): void {
  if (call.state === 'Disconnected') return;
  const bot = call.addRemoteParticipant({ displayName: 'Demo bot', video: true });
  const talking = setInterval(() => {
    if (call.state === 'Disconnected' || bot.state === 'Disconnected') {
      clearInterval(talking);
      return;
    }
    bot.speak(!bot.isSpeaking);
  }, BOT_TALKS_EVERY_MS);
}
