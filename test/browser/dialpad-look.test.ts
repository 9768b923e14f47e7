import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AcsDialpad } from '../../src/dialpad/acs-dialpad.js';
import { FakeCallEngine, type FakeCall } from '../../src/testing/index.js';
import { CALLER_ID, dialpad, shadow } from './support/dialpad.js';

/** The sizes the issue looks at: a 960×600 element, and a phone's width. */
const SIZES = ['width: 960px; height: 600px', 'width: 390px'];

function part(el: Element, name: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`No part ${name}`);
  return found;
}

/** Types into the number field, found by its part: these tests run in every language. */
async function type(el: AcsDialpad, text: string): Promise<void> {
  const field = part(el, 'display') as HTMLInputElement;
  field.focus();
  field.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function callReady(el: AcsDialpad): Promise<void> {
  await waitUntil(() => part(el, 'call-button').getAttribute('aria-busy') === 'false', 'the call button never got ready', { timeout: 5000 });
}

/** Dials what was typed; resolves with the call once it is in `state`. */
async function dialUntil(el: AcsDialpad, engine: FakeCallEngine, state: 'Ringing' | 'Connected'): Promise<FakeCall> {
  const placed = engine.nextCall();
  part(el, 'call-button').click();
  const call = await placed;
  await waitUntil(() => call.state === state && part(el, 'call-status').textContent.trim() !== '', `the call never got to ${state}`, { timeout: 5000 });
  await el.updateComplete;
  return call;
}

/** WCAG's contrast ratio of two computed `rgb()` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((channel) => {
        const value = Number(channel) / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('<acs-dialpad> look', function () {
  this.timeout(60000);

  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'ar']) {
      it(`passes axe in every state, ${theme}, ${lang}`, async () => {
        const attributes = { 'alternate-caller-id': CALLER_ID, 'default-country': 'US', theme, lang };
        const unconfigured = await dialpad({ attributes: { 'default-country': 'US', theme, lang }, style: SIZES[0] });
        await callReady(unconfigured.el);
        await expect(unconfigured.el, 'missing caller id').to.be.accessible();

        const ringing = await dialpad({ attributes, engine: new FakeCallEngine({ latencyMs: 20, phoneCallee: () => 'no-answer' }), style: SIZES[0] });
        await callReady(ringing.el);
        await type(ringing.el, '4255550100');
        const unanswered = await dialUntil(ringing.el, ringing.engine, 'Ringing');
        await expect(ringing.el, 'calling').to.be.accessible();
        await unanswered.hangUp();

        const { el, engine } = await dialpad({ attributes, style: SIZES[0] });
        await callReady(el);
        await expect(el, 'idle').to.be.accessible();
        await type(el, '42');
        await expect(el, 'invalid number').to.be.accessible();
        await type(el, '4255550100');
        await expect(el, 'typing a valid number').to.be.accessible();
        const call = await dialUntil(el, engine, 'Connected');
        await expect(el, 'in call').to.be.accessible();
        await call.hangUp();
        await waitUntil(() => part(el, 'call-status').querySelector('time'), 'no ended state');
        await expect(el, 'ended').to.be.accessible();
      });
    }
  }

  for (const style of SIZES) {
    for (const lang of ['en', 'ar']) {
      it(`puts the backspace inside the number field, at its end, and the country select level with it (${style}, ${lang})`, async () => {
        const { el } = await dialpad({ attributes: { 'alternate-caller-id': CALLER_ID, 'default-country': 'US', lang }, style });
        await type(el, '4255550100');
        const field = part(el, 'display').getBoundingClientRect();
        const backspace = part(el, 'backspace-button').getBoundingClientRect();
        const select = part(el, 'country-select').getBoundingClientRect();
        expect(backspace.left).to.be.at.least(field.left);
        expect(backspace.right).to.be.at.most(field.right);
        expect(backspace.top).to.be.at.least(field.top);
        expect(backspace.bottom).to.be.at.most(field.bottom);
        const centre = backspace.left + backspace.width / 2;
        if (lang === 'ar') expect(centre, 'at the end of a right-to-left line: the left').to.be.below(field.left + field.width / 2);
        else expect(centre, 'at the end of the line: the right').to.be.above(field.left + field.width / 2);
        expect(Math.abs(select.top - field.top), 'same top').to.be.at.most(1);
        expect(Math.abs(select.height - field.height), 'same height').to.be.at.most(1);
        expect(select.width, 'the select is visible').to.be.greaterThan(40);
      });
    }
  }

  it('makes mute, hold, hang up and key tones icon buttons with a name and a tooltip; hang up is the danger fill', async () => {
    const { el, engine } = await dialpad({ style: SIZES[1] });
    await callReady(el);
    await type(el, '4255550100');
    await dialUntil(el, engine, 'Connected');
    const controls = [...part(el, 'controls').querySelectorAll('button')];
    expect(controls.map((button) => button.getAttribute('part'))).to.deep.equal([
      'control mute-button',
      'control hold-button',
      'control key-tones-button',
      'hang-up-button',
    ]);
    for (const button of controls) {
      expect(button.textContent.trim(), 'no text beside the icon').to.equal('');
      expect(button.querySelector('svg')).to.not.equal(null);
      expect(button.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      expect(button.title).to.equal(button.getAttribute('aria-label'));
    }
    const hangUp = getComputedStyle(part(el, 'hang-up-button'));
    expect(hangUp.backgroundColor).to.equal('rgb(196, 43, 28)');
    expect(contrast(hangUp.color, hangUp.backgroundColor)).to.be.at.least(4.5);
    const controlTops = controls.map((button) => Math.round(button.getBoundingClientRect().top + button.getBoundingClientRect().height / 2));
    expect(new Set(controlTops).size, 'one row at 390 px').to.equal(1);
  });

  it('keeps the key tones toggle one name, its state in aria-pressed, and no accent fill', async () => {
    const { el } = await dialpad();
    const tones = part(el, 'key-tones-button');
    const name = tones.getAttribute('aria-label');
    expect(tones.getAttribute('aria-pressed')).to.equal('true');
    tones.click();
    await el.updateComplete;
    expect(tones.getAttribute('aria-pressed')).to.equal('false');
    expect(tones.getAttribute('aria-label')).to.equal(name);
    tones.click();
    await el.updateComplete;
    const accent = getComputedStyle(part(el, 'call-button')).backgroundColor;
    expect(getComputedStyle(tones).backgroundColor, 'pressed, it still does not look like the call button').to.not.equal(accent);
  });

  for (const theme of ['light', 'dark']) {
    it(`makes the disabled Call button look disabled, at AA contrast (${theme})`, async () => {
      const { el } = await dialpad({ attributes: { 'alternate-caller-id': CALLER_ID, 'default-country': 'US', theme } });
      await callReady(el);
      const call = part(el, 'call-button') as HTMLButtonElement;
      expect(call.disabled).to.equal(true);
      // Read now: a computed style is live.
      const { color, backgroundColor, opacity } = getComputedStyle(call);
      const disabled = { color, backgroundColor, opacity };
      const pad = getComputedStyle(el);
      expect(Number(disabled.opacity), 'not faded: faded text falls under AA').to.equal(1);
      expect(contrast(disabled.color, disabled.backgroundColor)).to.be.at.least(4.5);
      await type(el, '4255550100');
      expect(call.disabled).to.equal(false);
      const enabled = getComputedStyle(call);
      expect(enabled.backgroundColor, 'enabled and disabled differ in fill').to.not.equal(disabled.backgroundColor);
      expect(contrast(enabled.backgroundColor, pad.backgroundColor), 'the enabled fill stands out').to.be.at.least(3);
      expect(contrast(disabled.backgroundColor, pad.backgroundColor), 'the disabled fill does not').to.be.below(1.5);
    });
  }
});
