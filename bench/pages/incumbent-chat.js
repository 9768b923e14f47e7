// The incumbent's chat as its documentation builds it (createAzureCommunicationChatAdapter does
// these same steps), from the clients so the emulator's http endpoint can be reached.
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { ChatComposite, createAzureCommunicationChatAdapterFromClient, createStatefulChatClient } from '@azure/communication-react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { chatSdkSettings, readSession } from './session.js';

const session = await readSession();
const { endpoint, options } = chatSdkSettings(session);
const chatClient = createStatefulChatClient(
  {
    userId: { communicationUserId: session.userId },
    displayName: session.displayName,
    endpoint,
    credential: new AzureCommunicationTokenCredential(session.token),
  },
  { chatClientOptions: options },
);
await chatClient.startRealtimeNotifications();
const adapter = await createAzureCommunicationChatAdapterFromClient(chatClient, chatClient.getChatThreadClient(session.threadId));
createRoot(document.getElementById('root')).render(createElement(ChatComposite, { adapter }));
