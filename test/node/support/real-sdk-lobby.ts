import type { BrowserContext, Page } from 'playwright';
import { createTestToken } from '../../../src/testing/test-token.js';

/** A link a household or office might have: what makes the 1.8 MB SDK take a realistic time to arrive. */
export const BROADBAND = { offline: false, latency: 40, downloadThroughput: (20 * 1024 * 1024) / 8, uploadThroughput: (5 * 1024 * 1024) / 8 };

/**
 * Opens, on the demo server at `baseUrl`, a page with an `<acs-call>` on an Azure session, so it
 * takes the real calling SDK. There is no Azure here: the SDK waits on its config service as a
 * page does offline. `link` throttles the page's network (CDP), as a visitor's would be; `null`
 * leaves it unthrottled (`undefined`, like an omitted argument, takes the default).
 */
export async function openRealSdkLobby(context: BrowserContext, baseUrl: string, link: typeof BROADBAND | null = BROADBAND): Promise<Page> {
  const session = { token: createTestToken({ userId: '8:acs:resource_lobby' }), endpoint: 'https://lobby.communication.azure.com/' };
  const page = await context.newPage();
  if (link) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', link);
  }
  const url = new URL('/lobby-test.html', baseUrl).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><body>
        <script>window.lobbySession = () => (${JSON.stringify(session)});</script>
        <script type="module" src="/dist/cdn/acs-call.js"></script>
        <acs-call token-provider="lobbySession" group-id="0c6b1f3a-2d4e-4f5a-8b9c-0d1e2f3a4b5c"></acs-call>
      </body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** Waits for the performance mark `name` that the elements set (see the README's "Timing marks"). */
export async function waitForMark(page: Page, name: string, timeout: number): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout });
}

export async function readMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])));
}
