// The incumbent's call as its documentation builds it: an adapter for a group call, then the composite.
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallComposite, createAzureCommunicationCallAdapter } from '@azure/communication-react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GROUP_ID, readSession } from './session.js';

const session = await readSession();
const adapter = await createAzureCommunicationCallAdapter({
  userId: { communicationUserId: session.userId },
  displayName: session.displayName,
  credential: new AzureCommunicationTokenCredential(session.token),
  locator: { groupId: GROUP_ID },
});
createRoot(document.getElementById('root')).render(createElement(CallComposite, { adapter }));
