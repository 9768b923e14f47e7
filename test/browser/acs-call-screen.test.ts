import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AcsCall } from '../../src/call/acs-call.js';
import type { FakeCall, FakeCallEngine } from '../../src/testing/index.js';
import { button, callElement, join, nameOf, playing, shadow, strings } from './support/call-fixture.js';

const GROUP = '29228d3e-040e-4656-a70e-890ab4e173e5';

function part(el: AcsCall, name: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`No ${name}`);
  return found;
}

/** Joins through the join button found by its part, in any language. */
async function joinAnyLanguage(el: AcsCall, engine: FakeCallEngine): Promise<FakeCall> {
  await waitUntil(() => shadow(el).querySelector<HTMLButtonElement>('[part~="join-button"]')?.disabled === false, 'not joinable', { timeout: 5000 });
  const placed = engine.nextCall();
  part(el, 'join-button').click();
  const call = await placed;
  await waitUntil(() => call.state === 'Connected' && shadow(el).querySelector('[part~="controls"]'), 'the call did not connect', { timeout: 5000 });
  return call;
}

function area(rect: DOMRect): number {
  return rect.width * rect.height;
}

describe('<acs-call> screen', function () {
  this.timeout(30000);

  it('gives the one remote participant a tile that covers at least 60 % of a 960×600 element', async () => {
    const { el, engine } = await callElement({ size: { width: 960, height: 600 } });
    const call = await join(el, engine);
    call.addRemoteParticipant({ displayName: 'Ana Lima', video: true });
    await waitUntil(() => shadow(el).querySelector('video[aria-label="Ana Lima"]'), 'no tile for Ana');
    const tile = shadow(el).querySelector('video[aria-label="Ana Lima"]')!.closest('[part~="video-tile"]')!;
    const share = area(tile.getBoundingClientRect()) / area(el.getBoundingClientRect());
    expect(share, `the tile covers ${Math.round(share * 100)} %`).to.be.at.least(0.6);
  });

  for (const width of [360, 768, 1280]) {
    it(`keeps the call controls in one row of named icon buttons at ${width} px`, async () => {
      const { el, engine } = await callElement({ size: { width, height: 600 } });
      const call = await join(el, engine);
      const controls = [...part(el, 'controls').querySelectorAll<HTMLElement>('[part~="control"]')];
      expect(controls.map((control) => control.getAttribute('part'))).to.deep.equal([
        'control microphone-button',
        'control camera-button',
        'control share-button',
        'control participants-button',
        'control more-button',
        'control hang-up-button',
      ]);
      const host = el.getBoundingClientRect();
      for (const control of controls) {
        expect(control.tagName, nameOf(control)).to.equal('BUTTON');
        expect(control.querySelector('svg'), `${nameOf(control)} has no icon`).to.not.equal(null);
        expect(control.getAttribute('aria-label'), 'no accessible name').to.match(/\S/);
        expect(control.title, 'the tooltip says the name').to.equal(control.getAttribute('aria-label'));
        const box = control.getBoundingClientRect();
        expect(Math.abs(box.top - controls[0].getBoundingClientRect().top), `${nameOf(control)} is on another row`).to.be.at.most(3);
        expect(box.left >= host.left && box.right <= host.right, `${nameOf(control)} sticks out of the element`).to.equal(true);
      }

      const microphone = button(el, strings.mute);
      expect(microphone.getAttribute('aria-pressed')).to.equal('false');
      microphone.click();
      await waitUntil(() => call.isMuted && microphone.getAttribute('aria-pressed') === 'true', 'muting did not press the toggle');
      expect(nameOf(microphone)).to.equal(strings.mute);
    });
  }

  for (const [width, height] of [
    [960, 600],
    [390, 844],
  ]) {
    it(`shows the whole camera picture in the lobby preview at ${width}×${height}, with the toggles over it and a labelled level meter`, async () => {
      const { el } = await callElement({ size: { width, height } });
      await waitUntil(() => shadow(el).querySelector('[part="preview"] video'), 'no preview', { timeout: 5000 });
      const video = shadow(el).querySelector<HTMLVideoElement>('[part="preview"] video')!;
      await playing(video);
      const camera = video.videoWidth / video.videoHeight;
      await waitUntil(
        () => {
          const { width: boxWidth, height: boxHeight } = video.getBoundingClientRect();
          const fit = getComputedStyle(video).objectFit;
          // What is visible of the picture: all of it (contain) or the element's box (cover crops to it, fill stretches to it).
          const visible = fit === 'contain' || fit === 'scale-down' ? camera : boxWidth / boxHeight;
          return Math.abs(visible / camera - 1) <= 0.02;
        },
        `the preview does not show the camera's ${camera.toFixed(3)} picture whole`,
      );
      const box = video.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(box.width * box.height, 'the preview is too small').to.be.greaterThan(0.2 * area(host) * (width > height ? 1 : 0.5));
      expect(box.right <= host.right + 1 && box.bottom <= host.bottom + 1, 'the preview sticks out').to.equal(true);
      for (const toggle of [part(el, 'microphone-button'), part(el, 'camera-button')]) {
        const at = toggle.getBoundingClientRect();
        expect(
          at.top >= box.top && at.bottom <= box.bottom && at.left >= box.left && at.right <= box.right,
          `${nameOf(toggle)} is not over the preview`,
        ).to.equal(true);
      }
      const meter = shadow(el).querySelector<HTMLMeterElement>('meter[part="level-meter"]')!;
      expect(meter.labels[0].textContent.trim()).to.equal(strings.microphoneLevel);
    });
  }

  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'ar']) {
      it(`passes axe in the lobby, in a call with the participants and the More menu open, and after it (${theme}, ${lang})`, async () => {
        const { el, engine } = await callElement({ attributes: { 'group-id': GROUP, theme, lang }, size: { width: 960, height: 600 } });
        await waitUntil(() => shadow(el).querySelector<HTMLButtonElement>('[part~="join-button"]')?.disabled === false, 'not joinable', { timeout: 5000 });
        await expect(el).to.be.accessible();

        const call = await joinAnyLanguage(el, engine);
        call.addRemoteParticipant({ displayName: 'Ana Lima', video: true });
        call.addRemoteParticipant({ displayName: 'Bo' }).raiseHand();
        part(el, 'participants-button').click();
        part(el, 'more-button').click();
        await waitUntil(
          () => shadow(el).querySelector('[role="menu"]') && shadow(el).querySelectorAll('[part~="participant-list"] li').length === 3,
          'no menu or list',
        );
        await expect(el).to.be.accessible();

        part(el, 'hang-up-button').click();
        await waitUntil(() => shadow(el).querySelector('[part="end-screen"]'), 'no end screen');
        await expect(el).to.be.accessible();
      });
    }
  }

  for (const size of [
    { width: 470, height: 430 },
    { width: 960, height: 300 },
  ]) {
    it(`keeps the join button in view in a ${size.width}×${size.height} box too short for the whole lobby, which scrolls`, async () => {
      const { el } = await callElement({ size });
      await waitUntil(() => shadow(el).querySelector<HTMLButtonElement>('[part~="join-button"]')?.disabled === false, 'not joinable', { timeout: 5000 });
      await waitUntil(() => shadow(el).querySelector('video'), 'no preview');
      const box = el.getBoundingClientRect();
      const join = part(el, 'join-button').getBoundingClientRect();
      expect(join.top, 'the join button starts inside the element').to.be.at.least(box.top);
      expect(join.bottom, 'the join button ends inside the element').to.be.at.most(box.bottom + 0.5);
      const lobby = part(el, 'lobby');
      expect(lobby.scrollHeight, 'the lobby does not overflow at this size: the test proves nothing').to.be.greaterThan(lobby.clientHeight);
      const meter = part(el, 'level-meter');
      meter.scrollIntoView();
      expect(meter.getBoundingClientRect().bottom, 'the meter can be scrolled to').to.be.at.most(box.bottom + 0.5);
    });
  }

  it('moves through the More menu with the arrow keys, and Escape closes it back to its button', async () => {
    const { el, engine } = await callElement();
    await join(el, engine);
    const more = button(el, strings.more);
    const focused = () => shadow(el).activeElement?.textContent.trim();
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === strings.hold, 'the first item did not take focus');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(strings.raiseHand);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(strings.shortcuts);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(), 'the arrows wrap around').to.equal(strings.hold);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('[role="menu"]') && shadow(el).activeElement === more, 'Escape did not close the menu back to its button');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === strings.hold, 'the menu did not open again');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('dialog')?.open, 'the shortcuts dialog did not open');
    expect(shadow(el).querySelector('dialog')!.textContent).to.contain(strings.shortcutMute);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('dialog') && shadow(el).activeElement === more, 'closing the dialog did not give focus back');
  });

  it('shows a "+N" tile past eight tiles, and the speaker large with layout="speaker"', async () => {
    const { el, engine } = await callElement({ size: { width: 960, height: 600 } });
    const call = await join(el, engine);
    const people = Array.from({ length: 10 }, (_, index) => call.addRemoteParticipant({ displayName: `Person ${index + 1}` }));
    await waitUntil(() => shadow(el).querySelectorAll('[part="gallery"] > li').length === 9, 'not a 3×3 grid');
    expect(shadow(el).querySelector('[part="gallery"] > li:last-child')!.textContent.trim()).to.equal('+3 more');

    el.layout = 'speaker';
    people[4].speak();
    await waitUntil(
      () => shadow(el).querySelector('.spotlight [part~="dominant-speaker"]')?.textContent.includes('Person 5'),
      'the speaker is not shown large',
    );
    const speaker = shadow(el).querySelector('.spotlight [part~="dominant-speaker"]')!.getBoundingClientRect();
    expect(area(speaker), 'the speaker’s tile is not large').to.be.greaterThan(0.4 * area(el.getBoundingClientRect()));
    expect(shadow(el).querySelectorAll('[part="strip"] > li').length).to.be.greaterThan(0);
  });

  it('ends on a centred card with the reason, the duration, Rejoin and Close, and Close goes back to the lobby', async () => {
    const { el, engine } = await callElement({ size: { width: 960, height: 600 } });
    const call = await join(el, engine);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await call.hangUp();
    await waitUntil(() => shadow(el).querySelector('[part="end-screen"]'), 'no end screen');
    const card = part(el, 'end-screen').firstElementChild!;
    expect(card.textContent).to.contain(strings.endHungUp).and.contain('The call lasted 0:01');
    const box = card.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(box.width, 'a full-width bar').to.be.lessThan(host.width / 2);
    expect(Math.abs(box.left + box.width / 2 - (host.left + host.width / 2)), 'not centred').to.be.at.most(2);
    expect(nameOf(part(el, 'rejoin-button'))).to.equal(strings.rejoin);
    button(el, strings.close).click();
    await waitUntil(
      () => shadow(el).querySelector('[part="join-button"]') && shadow(el).querySelector('[part="preview"] video'),
      'Close did not go back to the lobby with the camera',
    );
  });
});
