import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/dialpad.js';
import type { AcsDialpad } from '../../../src/dialpad/acs-dialpad.js';
import { en } from './strings.js';
import { createTestToken, FakeCallEngine, type FakeCall } from '../../../src/testing/index.js';

export const strings = en.dialpad;
export const CALLER_ID = '+18005550100';
export const USER = '8:acs:resource_dialler';

export interface PadFixture {
  el: AcsDialpad;
  engine: FakeCallEngine;
}

export interface PadOptions {
  /** As on the page; default: the caller id and `default-country="US"`. */
  attributes?: Record<string, string>;
  engine?: FakeCallEngine;
  userId?: string;
  /** Inline size of the element, e.g. `width: 960px; height: 600px`. */
  style?: string;
  /** Listeners added before the element joins the page (what it says at load). */
  listen?: (el: AcsDialpad) => void;
}

/** An `<acs-dialpad>` signed in on a fake engine. */
export async function dialpad(options: PadOptions = {}): Promise<PadFixture> {
  const engine = options.engine ?? new FakeCallEngine({ latencyMs: 20 });
  const el = document.createElement('acs-dialpad');
  el.callEngine = engine;
  el.tokenProvider = () => createTestToken({ userId: options.userId ?? USER });
  for (const [name, value] of Object.entries(options.attributes ?? { 'alternate-caller-id': CALLER_ID, 'default-country': 'US' })) el.setAttribute(name, value);
  if (options.style) el.setAttribute('style', options.style);
  options.listen?.(el);
  await fixture(html`<div>${el}</div>`);
  return { el, engine };
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export function buttons(el: Element): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll('button')];
}

/** A button's accessible name: its `aria-label`, else its text. */
export function nameOf(button: HTMLButtonElement): string {
  return button.getAttribute('aria-label') ?? button.textContent.trim();
}

/** A button by its accessible name. */
export function button(el: Element, name: string): HTMLButtonElement {
  const match = buttons(el).find((candidate) => nameOf(candidate) === name);
  if (!match) throw new Error(`No button named "${name}" in ${buttons(el).map(nameOf).join(' | ')}`);
  return match;
}

export function hasButton(el: Element, name: string): boolean {
  return buttons(el).some((candidate) => nameOf(candidate) === name);
}

/** A keypad key (or the backspace) by its accessible name. */
export function key(el: Element, label: string): HTMLButtonElement {
  const match = shadow(el).querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  if (!match) throw new Error(`No key named "${label}"`);
  return match;
}

/** The number field, found by its label as a person would. */
export function field(el: Element): HTMLInputElement {
  const label = [...shadow(el).querySelectorAll('label')].find((candidate) => candidate.textContent.trim() === strings.number)!;
  return shadow(el).getElementById(label.htmlFor) as HTMLInputElement;
}

/** The country selector, found by its label. */
export function countrySelect(el: Element): HTMLSelectElement {
  return [...shadow(el).querySelectorAll('label')].find((candidate) => candidate.textContent.trim().startsWith(strings.country))!.querySelector('select')!;
}

export function status(el: Element): string {
  return shadow(el).querySelector('[part="call-status"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

export function announced(el: Element): string {
  return shadow(el).querySelector('[role="status"]')!.textContent;
}

/**
 * Signed in, and the call agent there: the pad loads the calling SDK only on a first sign of
 * intent, so this gives one (a pointer down on the pad, which moves no focus).
 */
export async function ready(el: AcsDialpad): Promise<void> {
  await waitUntil(() => el.readyState === 'ready', 'the pad never signed in', { timeout: 15000 });
  el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  await waitUntil(() => agentReady(el), 'the call agent never came', { timeout: 15000 });
}

/** The pad's share of the call agent exists (read from its controller: nothing on screen says it). */
export const agentReady = (el: AcsDialpad): boolean => (el as unknown as { calls: { state: { agentReady: boolean } } }).calls.state.agentReady;

export async function typeIntoField(el: AcsDialpad, text: string): Promise<void> {
  field(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

export function press(el: AcsDialpad, ...labels: string[]): void {
  for (const label of labels) key(el, label).click();
}

export async function connected(el: AcsDialpad, call: FakeCall): Promise<void> {
  await waitUntil(() => call.state === 'Connected' && status(el).startsWith(strings.connected), 'the call did not connect', { timeout: 5000 });
}
