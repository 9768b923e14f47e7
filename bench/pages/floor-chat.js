// The floor for a chat: the chat SDK, the newest page of history as plain DOM, and a text field.
import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { chatSdkSettings, readSession } from './session.js';

const list = document.getElementById('messages');
const session = await readSession();
const { endpoint, options } = chatSdkSettings(session);
const thread = new ChatClient(endpoint, new AzureCommunicationTokenCredential(session.token), options).getChatThreadClient(session.threadId);
for await (const page of thread.listMessages({ maxPageSize: 20 }).byPage()) {
  for (const message of page.reverse()) {
    if (message.type !== 'text') continue;
    const item = document.createElement('li');
    item.textContent = message.content?.message ?? '';
    list.append(item);
  }
  break;
}
document.getElementById('composer').disabled = false;
