/**
 * The pages of one bench run, written into `dist/bench/` so the repository's server serves them
 * from the same origin as the elements, its token service and its emulator. Every script that
 * is not one of our CDN files is bundled here by esbuild in one way: ES modules, minified,
 * production React, the Azure SDKs' browser builds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export type PageName = 'acs-chat' | 'incumbent-chat' | 'floor-chat' | 'lit-element' | 'acs-call' | 'incumbent-call' | 'floor-call' | 'camera' | 'acs-dialpad';

const BUNDLED = ['incumbent-chat', 'incumbent-call', 'floor-chat', 'floor-call', 'camera', 'lit-element'] as const;

/** Each page's body: our elements from the built CDN files, the others from their bundle. */
const BODIES: Record<PageName, string> = {
  'acs-chat': '<script type="module" src="/dist/cdn/acs-chat.js"></script><acs-chat class="widget" token-url="/api/session" display-name="Bench"></acs-chat>',
  'incumbent-chat': script('incumbent-chat', '<div id="root" class="widget"></div>'),
  'floor-chat': script('floor-chat', '<main class="widget"><ol id="messages"></ol><textarea id="composer" aria-label="Message" disabled></textarea></main>'),
  'lit-element': script('lit-element', '<bench-composer class="widget"></bench-composer>'),
  'acs-call': `<script type="module" src="/dist/cdn/acs-call.js"></script><acs-call class="widget" token-url="/api/session" display-name="Bench" group-id="0c6b1f3a-2d4e-4f5a-8b9c-0d1e2f3a4b5c"></acs-call>`,
  'incumbent-call': script('incumbent-call', '<div id="root" class="widget"></div>'),
  'floor-call': script('floor-call', '<main class="widget"><button id="join" type="button" disabled>Join</button></main>'),
  camera: script('camera', '<video id="preview" class="widget" autoplay muted playsinline></video>'),
  'acs-dialpad':
    '<script type="module" src="/dist/cdn/acs-dialpad.js"></script><acs-dialpad class="widget" token-url="/api/session" alternate-caller-id="+18005550100" default-country="US"></acs-dialpad>',
};

function script(name: string, body: string): string {
  return `<script type="module" src="/dist/bench/${name}.js"></script>${body}`;
}

const root = new URL('../', import.meta.url);

/** Bundles the pages and writes their HTML; returns the URL path of each. */
export async function buildPages(): Promise<Record<PageName, string>> {
  const out = fileURLToPath(new URL('dist/bench/', root));
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: BUNDLED.map((name) => fileURLToPath(new URL(`pages/${name}.js`, import.meta.url))),
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The incumbent's package offers its ES build under the `module` condition only.
    conditions: ['module'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const paths = {} as Record<PageName, string>;
  for (const [name, body] of Object.entries(BODIES) as [PageName, string][]) {
    writeFileSync(
      `${out}${name}.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: ${name}</title>
<style>html,body{margin:0;height:100%}.widget{display:block;height:100vh;width:100%}</style></head><body>${body}</body></html>`,
    );
    paths[name] = `/dist/bench/${name}.html`;
  }
  return paths;
}
