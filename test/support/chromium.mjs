import { existsSync } from 'node:fs';

/** Debian's Chromium unless CHROME_PATH names another; Playwright's own download is not available here. */
export function chromiumExecutable() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  }
  return path;
}

/** Flags for a closed network and fake camera/microphones (see the README's testing notes). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--use-fake-device-for-media-stream',
];
