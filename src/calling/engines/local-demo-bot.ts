import type { SessionResponse } from '../../core/session.js';
import { emulatorCallEngine } from './emulator-call-engine.js';
import { LocalCallClient } from './local-call-client.js';
import { LocalCameraStream } from './local-camera-stream.js';
import { emulatorOrigin } from './local-origin.js';
import { paintStream } from './painted-stream.js';

const BOT_NAME = 'Demo bot';

/**
 * What a page dispatches on `window` to bring the bot into a group call (`detail: { groupId, tokenUrl? }`,
 * the token URL by default `/api/session`) or to send it away (`detail: { groupId }`). The answer
 * comes back on `window` as `acs-demo-bot-joined` or `acs-demo-bot-failed` (`detail: { groupId, message? }`).
 */
export const DEMO_BOT_EVENTS = { invite: 'acs-demo-bot-invited', dismiss: 'acs-demo-bot-dismissed' } as const;

interface DemoBotRequest {
  groupId: string;
  tokenUrl?: string;
}

const bots = new Map<string, Promise<DemoBot>>();
let listening = false;

/** Answers the page's invitations (emulator mode: the local engine calls this when it is first used). */
export function listenForDemoBot(): void {
  if (listening) return;
  listening = true;
  addEventListener(DEMO_BOT_EVENTS.invite, (event) => {
    const { groupId, tokenUrl } = (event as CustomEvent<DemoBotRequest>).detail;
    if (bots.has(groupId)) return;
    const bot = inviteDemoBot({ groupId, tokenUrl });
    bots.set(groupId, bot);
    bot.then(
      () => dispatchEvent(new CustomEvent('acs-demo-bot-joined', { detail: { groupId } })),
      (error: unknown) => {
        bots.delete(groupId);
        dispatchEvent(new CustomEvent('acs-demo-bot-failed', { detail: { groupId, message: error instanceof Error ? error.message : String(error) } }));
      },
    );
  });
  addEventListener(DEMO_BOT_EVENTS.dismiss, (event) => {
    const { groupId } = (event as CustomEvent<DemoBotRequest>).detail;
    const bot = bots.get(groupId);
    bots.delete(groupId);
    void bot?.then((joined) => joined.leave()).catch(() => undefined);
  });
}

/** The bot's session, one per page while its token lasts: every sign-in makes a new user, who joins the demo chat too. */
let session: Promise<SessionResponse> | undefined;
let sessionExpiresAt = 0;

function botSession(tokenUrl: string): Promise<SessionResponse> {
  if (!session || Date.now() > sessionExpiresAt - 60_000) {
    session = signIn(tokenUrl).then((signedIn) => {
      sessionExpiresAt = signedIn.expiresOn ? Date.parse(signedIn.expiresOn) : Date.now() + 3_600_000;
      return signedIn;
    });
    // A failure is not kept: the next invitation tries again.
    session.catch(() => (session = undefined));
  }
  return session;
}

async function signIn(tokenUrl: string): Promise<SessionResponse> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    // Without the page's cookie the token service makes a new user: the bot is not the person inviting it.
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: BOT_NAME }),
  });
  if (!response.ok) throw new Error(`The demo bot could not sign in: ${tokenUrl} answered ${response.status}.`);
  const signedIn = (await response.json()) as SessionResponse;
  if (!signedIn.emulator) throw new Error('The demo bot joins calls in emulator mode only (npm start without ACS_CONNECTION_STRING).');
  return signedIn;
}

/** The bot in a call, until it leaves. */
interface DemoBot {
  leave(): Promise<void>;
}

/**
 * Brings the demo bot into the group call `groupId` of emulator mode (`npm start`): a peer of the
 * local engine run by the page that invites it, under a user of its own (a session from
 * `tokenUrl` without this page's cookie), sending a synthetic camera (its initials on a moving
 * canvas) and no sound. The others in the call see it as any participant; it leaves when told,
 * or with the page.
 */
async function inviteDemoBot({ groupId, tokenUrl = '/api/session' }: DemoBotRequest): Promise<DemoBot> {
  const signedIn = await botSession(tokenUrl);
  const token = { token: signedIn.token, expiresOnTimestamp: sessionExpiresAt };
  const client = new LocalCallClient({
    endpoint: emulatorOrigin(signedIn.endpoint),
    simulated: () => emulatorCallEngine().createCallClient(),
    headless: true,
  });
  const agent = await client.createCallAgent({ getToken: () => Promise.resolve(token), dispose: () => undefined }, { displayName: BOT_NAME });
  const camera = paintStream(BOT_NAME, 'Video');
  const call = agent.join(
    { groupId },
    { audioOptions: { muted: true }, videoOptions: { localVideoStreams: [new LocalCameraStream(camera.stream, 'RawMedia')] } },
  );
  return {
    async leave() {
      await call.hangUp();
      camera.stop();
      await client.dispose();
    },
  };
}
