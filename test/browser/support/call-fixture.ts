import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/call.js';
import type { AcsCall } from '../../../src/call/acs-call.js';
import { en } from './strings.js';
import { createTestToken, FakeCallEngine, type FakeCall } from '../../../src/testing/index.js';

export const strings = en.call;

export interface CallFixture {
  el: AcsCall;
  engine: FakeCallEngine;
}

/** An `<acs-call>` signed in as `userId` on a fake engine; `attributes` as on the page. */
export async function callElement(
  options: {
    attributes?: Record<string, string>;
    engine?: FakeCallEngine;
    userId?: string;
    provider?: () => unknown;
    /** The element's box in CSS pixels, as a page would size it. */
    size?: { width: number; height: number };
  } = {},
): Promise<CallFixture> {
  const engine = options.engine ?? new FakeCallEngine({ latencyMs: 20, screenShareSource: () => Promise.resolve(canvasStream()) });
  const el = document.createElement('acs-call');
  el.callEngine = engine;
  el.tokenProvider = (options.provider ?? (() => createTestToken({ userId: options.userId ?? '8:acs:resource_caller' }))) as never;
  el.displayName = 'Caller';
  for (const [name, value] of Object.entries(options.attributes ?? { 'group-id': '29228d3e-040e-4656-a70e-890ab4e173e5' })) el.setAttribute(name, value);
  if (options.size) Object.assign(el.style, { width: `${options.size.width}px`, height: `${options.size.height}px` });
  await fixture(html`<div>${el}</div>`);
  return { el, engine };
}

export function canvasStream(): MediaStream {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 });
  const context = canvas.getContext('2d')!;
  const paint = () => {
    context.fillStyle = `hsl(${Date.now() % 360} 60% 50%)`;
    context.fillRect(0, 0, 320, 180);
  };
  paint();
  setInterval(paint, 100);
  return canvas.captureStream(10);
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** A button's accessible name: its `aria-label`, else its text. */
export function nameOf(element: Element | null | undefined): string | undefined {
  return element ? (element.getAttribute('aria-label') ?? element.textContent.trim()) : undefined;
}

export function button(el: Element, name: string): HTMLButtonElement {
  const match = [...shadow(el).querySelectorAll('button')].find((candidate) => nameOf(candidate) === name);
  if (!match) throw new Error(`No button named "${name}" in ${[...shadow(el).querySelectorAll('button')].map(nameOf).join(' | ')}`);
  return match;
}

export function hasButton(el: Element, name: string): boolean {
  return [...shadow(el).querySelectorAll('button')].some((candidate) => nameOf(candidate) === name);
}

/** Opens the More menu if it is closed, and returns its item named `name`. */
export async function menuItem(el: AcsCall, name: string): Promise<HTMLElement> {
  if (!shadow(el).querySelector('[role="menu"]')) {
    button(el, strings.more).click();
    await el.updateComplete;
  }
  const item = [...shadow(el).querySelectorAll<HTMLElement>('[role="menu"] > *')].find((candidate) => candidate.textContent.trim() === name);
  if (!item) throw new Error(`No menu item named "${name}"`);
  return item;
}

export async function joinable(el: AcsCall): Promise<void> {
  await waitUntil(() => hasButton(el, strings.join) && !button(el, strings.join).disabled, 'the join button never became enabled', { timeout: 10000 });
}

export async function join(el: AcsCall, engine: FakeCallEngine): Promise<FakeCall> {
  await joinable(el);
  const placed = engine.nextCall();
  button(el, strings.join).click();
  const call = await placed;
  await waitUntil(() => call.state === 'Connected' && shadow(el).textContent.includes(strings.connected), 'the call did not connect', { timeout: 5000 });
  return call;
}

/** Every track of every `<video>` in the element, so a test can check they end. */
export function videoTracks(el: Element): MediaStreamTrack[] {
  return [...shadow(el).querySelectorAll('video')].flatMap((video) => (video.srcObject as MediaStream | null)?.getTracks() ?? []);
}

export async function playing(video: HTMLVideoElement): Promise<void> {
  await waitUntil(() => video.videoWidth > 0 && !video.paused, 'the video never played', { timeout: 5000 });
}
