import type { SessionResponse } from '../../core/session.js';
import { emulatorCallEngine } from './emulator-call-engine.js';
import { LocalCallClient } from './local-call-client.js';
import { LocalCameraStream } from './local-camera-stream.js';
import { emulatorOrigin } from './local-call-engine.js';
import { paintStream } from './painted-stream.js';

const BOT_NAME = 'Demo bot';

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
export interface DemoBot {
  leave(): Promise<void>;
}

/**
 * Brings the demo bot into the group call `groupId` of emulator mode (`npm start`): a peer of the
 * local engine run by the page that invites it, under a user of its own (a session from
 * `tokenUrl` without this page's cookie), sending a synthetic camera (its initials on a moving
 * canvas) and no sound. The others in the call see it as any participant; it leaves when told,
 * or with the page. The CDN build serves it as `acs-demo-bot.js` for the demo page.
 */
export async function inviteDemoBot({ groupId, tokenUrl = '/api/session' }: { groupId: string; tokenUrl?: string }): Promise<DemoBot> {
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
