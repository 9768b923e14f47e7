/**
 * What each page counts as "painted" (its main region visible), "composer painted" (a text field
 * visible) and "usable" (an enabled control, and for a chat the newest history message on screen).
 * `pages/probe.js` watches for them in the page, once per animation frame.
 */
import { readFileSync } from 'node:fs';
import type { PageName } from './pages.js';

export interface PageProbe {
  /** The widget's main region. */
  main: string;
  composer?: string;
  /** The thread's newest message must be on screen before a chat counts as usable. */
  historyText?: string;
  /** An enabled, visible element this selector finds makes the page usable. */
  usable: string;
  /** …whose text is this (the incumbent's buttons are known by their text). */
  usableText?: string;
}

const CHAT = { composer: 'textarea', usable: 'textarea' };

export const PROBES: Record<PageName, PageProbe> = {
  'acs-chat': { main: '[part="message-list"]', ...CHAT },
  // The message thread is Fluent's chat list (its role="log" elements are 1 px live regions).
  'incumbent-chat': { main: '.fui-Chat', ...CHAT },
  'floor-chat': { main: '#messages li', ...CHAT },
  'lit-element': { main: 'textarea', ...CHAT },
  'acs-call': { main: '[part="lobby"]', usable: '[part="join-button"]' },
  'incumbent-call': { main: '[data-ui-id="call-composite-start-call-button"], button', usable: 'button', usableText: 'Start call' },
  'floor-call': { main: '#join', usable: '#join' },
  camera: { main: 'video[data-streaming]', usable: 'video[data-streaming]' },
  'acs-dialpad': { main: '[part="keypad"]', usable: 'input' },
};

/** In-page times the probe records, in ms since navigation start. */
export interface ProbeTimes {
  painted?: number;
  composer?: number;
  usable?: number;
  firstVideoFrame?: number;
}

const PROBE_JS = readFileSync(new URL('pages/probe.js', import.meta.url), 'utf8');

/** The init script for `page`; a chat must show `historyText`. */
export function probeScript(page: PageName, historyText: string): string {
  const probe = { ...PROBES[page], ...(PROBES[page].composer && page !== 'lit-element' && { historyText }) };
  return `window.benchProbe = ${JSON.stringify(probe)};\n${PROBE_JS}`;
}
