// The floor for a call: the calling SDK and a call agent, then an enabled join button.
import { CallClient } from '@azure/communication-calling';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { readSession } from './session.js';

const session = await readSession();
await new CallClient().createCallAgent(new AzureCommunicationTokenCredential(session.token), { displayName: session.displayName });
document.getElementById('join').disabled = false;
