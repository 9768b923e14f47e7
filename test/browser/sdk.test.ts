import { expect } from '@open-wc/testing';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { AcsError } from '../../src/core/errors.js';
import { loadCallingSdk } from '../../src/calling/calling-sdk.js';
import { loadChatSdk } from '../../src/core/chat-sdk.js';
import { createSdkLoader, loadCommonSdk } from '../../src/core/sdk-loader.js';
import { createTestToken } from '../../src/testing/index.js';

describe('the real ACS SDKs in the browser', () => {
  it('lets a ChatClient list threads through a custom httpClient, offline', async () => {
    const [{ ChatClient }, { AzureCommunicationTokenCredential }] = await Promise.all([loadChatSdk(), loadCommonSdk()]);
    const seen: PipelineRequest[] = [];
    const httpClient: HttpClient = {
      sendRequest(request) {
        seen.push(request);
        return Promise.resolve({
          request,
          status: 200,
          headers: createHttpHeaders({ 'content-type': 'application/json' }),
          bodyAsText: JSON.stringify({ value: [{ id: '19:demo@thread.v2', topic: 'Offline thread' }] }),
        });
      },
    };
    const credential = new AzureCommunicationTokenCredential(createTestToken());
    const client = new ChatClient('https://test.communication.azure.com/', credential, { httpClient });

    const page = await client.listChatThreads().next();

    expect(page.value).to.include({ id: '19:demo@thread.v2', topic: 'Offline thread' });
    expect(seen[0].url).to.match(/^https:\/\/test\.communication\.azure\.com\/chat\/threads\?/);
    expect(seen[0].headers.get('authorization')).to.match(/^Bearer /);
  });

  it("lists the browser's fake camera through the calling SDK's DeviceManager", async function () {
    // Offline, getDeviceManager() waits about 7 s on the SDK's config service.
    this.timeout(60000);
    const { CallClient } = await loadCallingSdk();
    const deviceManager = await new CallClient().getDeviceManager();
    await deviceManager.askDevicePermission({ video: true, audio: false });

    const cameras = await deviceManager.getCameras();

    expect(cameras.length).to.be.greaterThan(0);
    expect(cameras[0].name).to.be.a('string').and.not.have.lengthOf(0);
  });
});

describe('createSdkLoader', () => {
  it('loads once and hands every caller the same module', async () => {
    let imports = 0;
    const load = createSdkLoader('test', () => Promise.resolve({ imports: ++imports }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).to.equal(b);
    expect(imports).to.equal(1);
  });

  it('turns a failed download into sdk-load-failed, and retries on the next call', async () => {
    let attempts = 0;
    const load = createSdkLoader('flaky', () => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      return Promise.resolve({ ok: true });
    });

    const failure = await load().catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(AcsError);
    expect((failure as AcsError).code).to.equal('sdk-load-failed');
    expect((failure as AcsError).message).to.contain('flaky');

    expect(await load()).to.deep.equal({ ok: true });
    expect(attempts).to.equal(2);
  });
});
