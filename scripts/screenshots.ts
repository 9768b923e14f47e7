/**
 * `npm run screenshots`: each element in its main states (light, dark, RTL, mobile) against the
 * in-memory emulator, in headless Chromium with a fake camera, written to docs/screenshots/ and
 * shown in the README. Run after `npm run build` (the npm script does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright';
import { startApp } from '../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';

interface Scenario {
  /** The file name under docs/screenshots/, without `.png`. */
  name: string;
  /** What the README says the picture shows. */
  caption: string;
  tag: 'acs-chat' | 'acs-call' | 'acs-dialpad';
  attributes?: string;
  theme?: 'light' | 'dark';
  lang?: string;
  width: number;
  height: number;
  /** Brings the element into the state to picture, driving it as a user would. */
  act?: (page: Page) => Promise<void>;
}

const GROUP_ID = '4b9c1e2a-7d3f-4a6b-9c8e-1f2a3b4c5d6e';

/** Types a message and waits for the demo bot's answer. */
async function converse(page: Page): Promise<void> {
  const composer = page.getByRole('textbox').first();
  await composer.fill('Hello! Can you see my message?');
  await composer.press('Enter');
  await page
    .locator('acs-chat')
    .getByText(/Hello! Can you see my message\?/)
    .waitFor();
  await page.waitForTimeout(1500);
}

/** Joins the group call, invites the demo bot (run by the page's local engine: see local-demo-bot.ts) and waits until its video plays. */
async function joinCall(page: Page): Promise<void> {
  await page.locator('acs-call').evaluate((call: HTMLElement & { start(): Promise<void> }) => call.start());
  await page.evaluate(
    (groupId) =>
      new Promise((resolve) => {
        addEventListener('acs-demo-bot-joined', resolve, { once: true });
        dispatchEvent(new CustomEvent('acs-demo-bot-invited', { detail: { groupId } }));
      }),
    GROUP_ID,
  );
  await page.waitForFunction(
    () => {
      const videos = document.querySelector('acs-call')?.shadowRoot?.querySelectorAll('video') ?? [];
      return [...videos].filter((video) => video.videoWidth > 0).length >= 2;
    },
    undefined,
    { timeout: 20000 },
  );
  await page.waitForTimeout(1000);
}

async function endCall(page: Page): Promise<void> {
  await joinCall(page);
  await page.waitForTimeout(3000);
  await page.locator('acs-call').evaluate((call: HTMLElement & { hangUp(): Promise<void> }) => call.hangUp());
  await page.waitForTimeout(500);
}

/** Types a number and calls it; the emulator plays the callee. */
async function phoneCall(page: Page): Promise<void> {
  await page.getByRole('textbox').first().fill('+1 425 555 0199');
  await page.locator('acs-dialpad').evaluate((pad: HTMLElement & { dial(): Promise<void> }) => pad.dial());
  await page
    .locator('acs-dialpad')
    .getByText(/0:0[2-9]/)
    .waitFor({ timeout: 20000 });
}

export const scenarios: Scenario[] = [
  { name: 'chat-light', caption: 'Chat, light', tag: 'acs-chat', width: 480, height: 600, act: converse },
  { name: 'chat-dark-ar', caption: 'Chat in Arabic (right to left), dark', tag: 'acs-chat', theme: 'dark', lang: 'ar', width: 480, height: 600, act: converse },
  { name: 'chat-mobile', caption: 'Chat at 390 px', tag: 'acs-chat', width: 390, height: 700, act: converse },
  { name: 'call-lobby', caption: 'Call lobby, light', tag: 'acs-call', attributes: `group-id="${GROUP_ID}"`, width: 960, height: 600 },
  {
    name: 'call-dark',
    caption: 'In a call, dark',
    tag: 'acs-call',
    attributes: `group-id="${GROUP_ID}"`,
    theme: 'dark',
    width: 960,
    height: 600,
    act: joinCall,
  },
  {
    name: 'call-mobile-ar',
    caption: 'In a call at 390 px, Arabic',
    tag: 'acs-call',
    attributes: `group-id="${GROUP_ID}"`,
    lang: 'ar',
    width: 390,
    height: 700,
    act: joinCall,
  },
  { name: 'call-ended', caption: 'Call ended', tag: 'acs-call', attributes: `group-id="${GROUP_ID}"`, width: 960, height: 600, act: endCall },
  {
    name: 'dialpad-light',
    caption: 'Dial pad, light',
    tag: 'acs-dialpad',
    attributes: 'alternate-caller-id="+18005550100" default-country="US"',
    width: 390,
    height: 640,
  },
  {
    name: 'dialpad-dark-call',
    caption: 'Dial pad in a call, dark',
    tag: 'acs-dialpad',
    attributes: 'alternate-caller-id="+18005550100" default-country="US"',
    theme: 'dark',
    width: 390,
    height: 640,
    act: phoneCall,
  },
  {
    name: 'dialpad-ar',
    caption: 'Dial pad in Arabic',
    tag: 'acs-dialpad',
    attributes: 'alternate-caller-id="+18005550100" default-country="EG"',
    lang: 'ar',
    width: 390,
    height: 640,
  },
];

const README_BLOCK = /<!-- screenshots -->[\s\S]*<!-- \/screenshots -->/;

/** The README's picture gallery: every scenario, three to a row, with its caption. */
export function readmeGallery(): string {
  const rows: string[] = [];
  for (let index = 0; index < scenarios.length; index += 3) {
    const row = scenarios.slice(index, index + 3);
    rows.push(`| ${row.map(({ name, caption }) => `![${caption}](docs/screenshots/${name}.png)<br>${caption}`).join(' | ')} |`);
    if (index === 0) rows.push(`| ${row.map(() => '---').join(' | ')} |`);
  }
  return `<!-- screenshots -->\n${rows.join('\n')}\n<!-- /screenshots -->`;
}

/** The README's gallery as it stands. */
export function readmeGalleryNow(readme: string): string | undefined {
  return README_BLOCK.exec(readme)?.[0];
}

/** The page that holds one element: served from the app's origin, so `token-url` is same-origin. */
function pageFor(scenario: Scenario): string {
  const background = scenario.theme === 'dark' ? '#18181b' : '#f6f6f8';
  return `<!doctype html><html lang="${scenario.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/dist/cdn/acs-elements.js"></script>
<style>html,body{margin:0;height:100%;background:${background}}${scenario.tag}{height:100%}</style></head>
<body><${scenario.tag} token-url="/api/session" theme="${scenario.theme ?? 'light'}" ${scenario.attributes ?? ''}></${scenario.tag}></body></html>`;
}

async function main(): Promise<void> {
  const root = new URL('../', import.meta.url);
  const out = new URL('docs/screenshots/', root);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--use-fake-ui-for-media-stream'] });
  try {
    for (const scenario of scenarios) {
      // A fresh in-memory emulator each: one picture's messages and users do not show in the next.
      const app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(root) });
      try {
        const context = await browser.newContext({
          permissions: ['camera', 'microphone'],
          viewport: { width: scenario.width, height: scenario.height },
          colorScheme: scenario.theme ?? 'light',
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        const url = `${app.url}/__screenshots/${scenario.name}.html`;
        await page.route(url, (route) => route.fulfill({ body: pageFor(scenario), contentType: 'text/html' }));
        await page.goto(url);
        await page.locator(scenario.tag).evaluate((element: HTMLElement & { whenReady(): Promise<unknown> }) => element.whenReady());
        await scenario.act?.(page).catch(async (error: unknown) => {
          await page.screenshot({ path: fileURLToPath(new URL(`${scenario.name}.failed.png`, out)) });
          throw error;
        });
        await page.waitForTimeout(400);
        await page.screenshot({ path: fileURLToPath(new URL(`${scenario.name}.png`, out)), animations: 'disabled', caret: 'hide' });
        console.log(`docs/screenshots/${scenario.name}.png`);
        await context.close();
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
  }
  const readme = new URL('README.md', root);
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(README_BLOCK, readmeGallery()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
