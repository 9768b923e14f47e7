import { expect } from '@open-wc/testing';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { loadChatSdk } from '../../src/core/chat-sdk.js';
import { emulatorHttpClient, emulatorSdkEndpoint } from '../../src/core/emulator-transport.js';
import { AcsError } from '../../src/core/errors.js';
import { loadCommonSdk } from '../../src/core/sdk-loader.js';
import { emulatorSession } from './support/emulator.js';

describe('the emulator transport', () => {
  it('lets the real ChatClient in the browser talk to the local emulator', async () => {
    const session = await emulatorSession('Browser Ana');
    expect(session.emulator).to.equal(true);
    const [{ ChatClient }, { AzureCommunicationTokenCredential }] = await Promise.all([loadChatSdk(), loadCommonSdk()]);
    const client = new ChatClient(emulatorSdkEndpoint(session.endpoint), new AzureCommunicationTokenCredential(session.token), {
      httpClient: emulatorHttpClient,
    });
    const thread = client.getChatThreadClient(session.threadId);

    const { id } = await thread.sendMessage({ content: 'from Chromium' }, { senderDisplayName: 'Browser Ana' });
    const message = await thread.getMessage(id);
    expect(message.content?.message).to.equal('from Chromium');
    expect(await thread.getProperties()).to.include({ topic: 'acs-elements demo' });
    const names: string[] = [];
    for await (const participant of thread.listParticipants()) names.push(participant.displayName ?? '');
    expect(names).to.include('Browser Ana');
  });

  it('refuses to send anything to a host that is not loopback', async () => {
    const request: PipelineRequest = createPipelineRequest({
      url: 'https://contoso.communication.azure.com/chat/threads?api-version=2025-03-15',
      method: 'GET',
    });
    const failure = await emulatorHttpClient.sendRequest(request).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(AcsError);
    expect(() => emulatorSdkEndpoint('http://192.168.1.20:8080/')).to.throw(AcsError);
  });
});
