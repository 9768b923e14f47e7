import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { acsConnection, identityClient } from '../../server/acs-clients.js';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { browserChatClient, loadBrowserChatSdk, type BrowserChatSdk } from './support/browser-chat-sdk.js';
import { realtimeSpecs } from './support/live-specs/realtime-specs.js';

// The real-time group of the ACS SDK team's public live tests (Azure/azure-sdk-for-js, MIT licence):
// sdk/communication/communication-chat/test/public/browser/realtimeNotifications.spec.ts at
// 268d7ddabbe6824c6670506155c8ec6ba1790e13, rewritten for node:test (see sdk-live-specs.test.ts for the other groups).
// Real-time notifications run only in the SDK's browser build, loaded here into Node as emulator-trouter.test.ts
// does, against the app `npm start` runs (its server takes the Trouter WebSocket upgrades).

let app: RunningApp;
let sdk: BrowserChatSdk;
let identity: CommunicationIdentityClient;

before(async () => {
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });
  sdk = await loadBrowserChatSdk(app.url);
  identity = identityClient(acsConnection(app.emulatorConnectionString!));
});
after(() => app.close());

realtimeSpecs({
  identity: () => identity,
  createTestUser: async () => {
    const { user } = await identity.createUserAndToken(['chat', 'voip']);
    // The signaling client appends `/chat/config/…` to the endpoint as given, so it is given without its trailing slash.
    return { user, chat: browserChatClient(sdk, app.url.replace(/\/$/, ''), identity, user) };
  },
});
