import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/call.js';
import { createTestToken, FakeCallEngine } from '../../src/testing/index.js';
import {
  agentReady,
  announced,
  button,
  CALLER_ID,
  connected,
  countrySelect,
  dialpad,
  field,
  hasButton,
  key,
  press,
  ready,
  shadow,
  status,
  strings,
  typeIntoField,
  USER,
} from './support/dialpad.js';
import { acsEvent, forever } from './support/events.js';
import { ar, en } from './support/strings.js';

/** Holds the pointer down on `target` for `ms`, as a finger or mouse would. */
async function holdDown(target: Element, ms = 800): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
  await sendMouse({ type: 'down' });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await sendMouse({ type: 'up' });
}

describe('<acs-dialpad>', function () {
  this.timeout(20000);

  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('is usable from the keyboard alone: type, Enter dials, digits send DTMF in order, Escape hangs up', async () => {
    const { el, engine } = await dialpad();
    await ready(el);
    const agent = engine.agents[0];
    const placedWith: unknown[] = [];
    const startCall = agent.startCall.bind(agent);
    agent.startCall = (participants, options) => {
      placedWith.push({ participants, options });
      return startCall(participants, options);
    };
    const states: string[] = [];
    el.addEventListener('acs-call-state-changed', (event) => states.push(event.detail.state));

    await typeIntoField(el, '4255550100');
    expect(field(el).value).to.equal('(425) 555-0100');
    expect(el.value).to.equal('+14255550100');

    const dialled = acsEvent(el, 'acs-dial');
    const placed = engine.nextCall();
    await sendKeys({ press: 'Enter' });
    const call = await placed;
    expect((await dialled).detail).to.deep.equal({ phoneNumber: '+14255550100' });
    expect(placedWith).to.deep.equal([{ participants: [{ phoneNumber: '+14255550100' }], options: { alternateCallerId: { phoneNumber: CALLER_ID } } }]);
    await connected(el, call);
    expect(states).to.deep.equal(['Connecting', 'Ringing', 'Connected']);
    expect(status(el)).to.match(/^Connected · 0:0\d$/);
    expect(shadow(el).querySelector('[part="timer"]')!.textContent).to.match(/^0:0\d$/);
    expect(announced(el)).to.equal('Connected');
    expect(hasButton(el, strings.hangUp)).to.equal(true);
    expect(field(el).value, 'the number called shows once, as it was typed').to.equal('(425) 555-0100');
    expect(shadow(el).textContent, 'and in no other format').not.to.contain('425 555 0100');

    const tones: string[] = [];
    el.addEventListener('acs-dtmf', (event) => tones.push(event.detail.tone));
    await sendKeys({ type: '123' });
    await waitUntil(() => call.sentTones.length === 3, 'the tones were not sent');
    expect(call.sentTones).to.deep.equal(['Num1', 'Num2', 'Num3']);
    expect(tones).to.deep.equal(['Num1', 'Num2', 'Num3']);
    expect(field(el).value, 'the number stays as dialled').to.equal('(425) 555-0100');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="sent-keys"]')!.textContent, 'the keys sent, discreetly').to.equal('123');
    expect(status(el), 'not the fake phone’s read-back').not.to.contain('heard');

    const ended = acsEvent(el, 'acs-call-ended');
    await sendKeys({ press: 'Escape' });
    expect((await ended).detail).to.include({ reason: 'hung-up', code: 0, subCode: 0 });
    await el.updateComplete;
    expect(status(el))
      .to.match(/^Call ended · 0:0\d /)
      .and.contain(en.call.endHungUp);
    expect(announced(el)).to.contain(en.call.endHungUp);
    expect(call.state).to.equal('Disconnected');
    expect(hasButton(el, strings.call), 'the call button is back to dial again').to.equal(true);
  });

  it('dials once, when the agent is ready, a number entered with Enter (twice) before it was', async () => {
    // Long enough for typing ten digits on a loaded machine: the Enters must come before the agent.
    const engine = new FakeCallEngine({ latencyMs: 20, agentDelayMs: 3000 });
    const { el } = await dialpad({ engine });
    await typeIntoField(el, '4255550100');
    expect(agentReady(el), 'the agent was already there').to.equal(false);
    const placed = engine.nextCall();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(hasButton(el, en.call.gettingReady), 'the call does not say it waits for the agent').to.equal(true);
    await sendKeys({ press: 'Enter' });
    const call = await placed;
    await connected(el, call);
    expect(engine.calls).to.have.length(1);
  });

  it('paints its country selector with the selected country alone, then lists every country once on screen', async () => {
    const { el } = await dialpad();
    await el.updateComplete;
    const options = () => [...countrySelect(el).options];
    expect(
      options().map((option) => option.value),
      'naming and sorting every country is not part of the first paint',
    ).to.deep.equal(['US']);
    await waitUntil(() => options().length > 200, 'the selector never listed every country', { timeout: 3000 });
    expect(countrySelect(el).value).to.equal('US');
    expect(options().find((option) => option.value === 'IT')?.textContent).to.contain('(+39)');
  });

  it('start() places the call as dial() does, bringing the agent first when nothing woke it', async () => {
    const { el, engine } = await dialpad();
    await el.updateComplete;
    // The number arrives without any intent the pad listens for (no focus, key, pointer or paste).
    field(el).value = '4255550100';
    field(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(agentReady(el), 'the agent came without an intent').to.equal(false);
    const placed = engine.nextCall();
    await el.start();
    const call = await placed;
    await connected(el, call);
    expect(call.state).to.equal('Connected');
  });

  it('hangs up with the hang-up button, and mutes and holds in between', async () => {
    const { el, engine } = await dialpad();
    await ready(el);
    await typeIntoField(el, '2015550123');
    const placed = engine.nextCall();
    button(el, strings.call).click();
    const call = await placed;
    await connected(el, call);
    await expect(el).to.be.accessible();

    const mute = button(el, strings.mute);
    expect(mute.getAttribute('aria-pressed')).to.equal('false');
    mute.click();
    await waitUntil(() => call.isMuted && mute.getAttribute('aria-pressed') === 'true', 'not muted');
    expect(button(el, strings.mute), 'the toggle keeps its name').to.equal(mute);

    const hold = button(el, strings.hold);
    hold.click();
    await waitUntil(() => call.state === 'LocalHold' && status(el).includes(strings.onHold), 'not on hold');
    expect(hold.getAttribute('aria-pressed')).to.equal('true');
    press(el, '5 JKL');
    expect(call.sentTones, 'no tones on hold').to.deep.equal([]);
    button(el, strings.hold).click();
    await waitUntil(() => call.state === 'Connected' && status(el).startsWith(strings.connected), 'not resumed');
    expect(hold.getAttribute('aria-pressed')).to.equal('false');

    const ended = acsEvent(el, 'acs-call-ended');
    button(el, strings.hangUp).click();
    expect((await ended).detail.reason).to.equal('hung-up');
  });

  it('says at load that a missing or invalid alternate-caller-id stops phone calls: Call disabled, one acs-error', async () => {
    for (const attributes of [{ 'default-country': 'US' }, { 'default-country': 'US', 'alternate-caller-id': '8005550100' }] as Record<string, string>[]) {
      const errors: unknown[] = [];
      const { el, engine } = await dialpad({ attributes, listen: (pad) => pad.addEventListener('acs-error', (event) => errors.push(event.detail)) });
      await el.updateComplete;
      const message = shadow(el).querySelector<HTMLElement>('[part="config-message"]');
      expect(message?.textContent.trim(), 'shown before anything was typed').to.equal(en.errors['missing-caller-id']);
      expect(message!.getBoundingClientRect().height).to.be.greaterThan(0);
      await ready(el);
      await typeIntoField(el, '4255550100');
      expect(button(el, strings.call).disabled, 'a valid number, but no caller id').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(errors).to.deep.equal([{ code: 'missing-caller-id', message: en.errors['missing-caller-id'] }]);
      expect(engine.calls).to.have.length(0);
      await expect(el).to.be.accessible();

      el.setAttribute('alternate-caller-id', CALLER_ID);
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="config-message"]'), 'fixed: the message goes').to.equal(null);
      expect(button(el, strings.call).disabled).to.equal(false);
    }
  });

  it('with for=, needs no caller id of its own: no message, no acs-error', async () => {
    const errors: unknown[] = [];
    const { el } = await dialpad({
      attributes: { for: 'meeting', 'default-country': 'US' },
      listen: (pad) => pad.addEventListener('acs-error', (event) => errors.push(event.detail)),
    });
    await ready(el);
    await typeIntoField(el, '4255550100');
    expect(shadow(el).querySelector('[part="config-message"]')).to.equal(null);
    expect(button(el, strings.call).disabled).to.equal(false);
    expect(errors).to.deep.equal([]);
  });

  it('keeps the call button disabled while the number is invalid, and says why once something was typed', async () => {
    const { el } = await dialpad();
    await ready(el);
    const message = () => shadow(el).getElementById(field(el).getAttribute('aria-describedby')!)!.textContent.trim();
    expect(button(el, strings.call).disabled, 'empty pad').to.equal(true);
    expect(message(), 'no message on a pristine pad').to.equal('');

    await typeIntoField(el, '425555');
    expect(button(el, strings.call).disabled).to.equal(true);
    expect(message()).to.equal(strings.tooShort);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.value).to.equal('');
    await expect(el).to.be.accessible();

    await sendKeys({ type: '01001234' });
    await el.updateComplete;
    expect(message()).to.equal(strings.tooLong);

    field(el).select();
    await sendKeys({ type: '+999123456' });
    await el.updateComplete;
    expect(message()).to.equal(strings.invalidCountry);

    field(el).select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(message()).to.equal(strings.empty);

    await sendKeys({ type: '4255550100' });
    await el.updateComplete;
    expect(message()).to.equal('');
    expect(button(el, strings.call).disabled).to.equal(false);
    expect(field(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('reports Enter on an invalid number as invalid-phone-number, without calling', async () => {
    const { el, engine } = await dialpad();
    await ready(el);
    await typeIntoField(el, '12');
    const failed = acsEvent(el, 'acs-error');
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.code).to.equal('invalid-phone-number');
    expect(engine.calls).to.have.length(0);
  });

  it('keeps digits and a leading + of a pasted number', async () => {
    const { el } = await dialpad();
    await ready(el);
    const paste = (text: string) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      field(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
      return el.updateComplete;
    };
    for (const [pasted, shown, e164] of [
      ['(425) 555-0100', '(425) 555-0100', '+14255550100'],
      ['tel:+44 20 7946 0958', '+44 20 7946 0958', '+442079460958'],
      ['+39 06-6988.4857', '+39 06 6988 4857', '+390669884857'],
      ['1-800-FLOWERS', '1 (800) 356-9377', '+18003569377'],
      ['Call me: +1 (425) 555-0199!', '+1 425 555 0199', '+14255550199'],
      ['0044 20 7946 0958', '+44 20 7946 0958', '+442079460958'],
    ]) {
      field(el).focus();
      field(el).select();
      await paste(pasted);
      // Text with letters waits for the number finder, loaded on the first such paste.
      await waitUntil(() => field(el).value === shown, `${pasted} shows ${field(el).value}, not ${shown}`);
      expect(el.value, pasted).to.equal(e164);
    }

    field(el).select();
    await paste('See you at the office!');
    await waitUntil(() => shadow(el).querySelector('[part="validation-message"]')!.textContent === strings.noNumberInPaste, 'no word about the paste');
    expect(field(el).value, 'the field keeps its number').to.equal('+44 20 7946 0958');
    expect(announced(el), 'and a screen reader hears why').to.equal(strings.noNumberInPaste);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('keeps a pasted extension apart, shows it, and dials it as tones once the call connects', async () => {
    const { el, engine } = await dialpad();
    await ready(el);
    const data = new DataTransfer();
    data.setData('text/plain', 'Front desk: +1 (425) 555-0199 ext. 45');
    field(el).focus();
    field(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
    await waitUntil(() => shadow(el).querySelector('[part="extension"]'), 'the extension is not shown');
    expect(field(el).value).to.equal('+1 425 555 0199');
    expect(field(el).scrollWidth, 'the whole international number shows in the field').to.be.at.most(field(el).clientWidth);
    expect(el.value, 'the extension is not part of the number').to.equal('+14255550199');
    expect(shadow(el).querySelector('[part="extension"]')!.textContent).to.contain(strings.extension.replace('{digits}', '45'));
    expect(hasButton(el, strings.removeExtension)).to.equal(true);
    await expect(el).to.be.accessible();

    const tones: string[] = [];
    el.addEventListener('acs-dtmf', (event) => tones.push(event.detail.tone));
    const placed = engine.nextCall();
    button(el, strings.call).click();
    const call = await placed;
    await connected(el, call);
    expect(call.sentTones, 'nothing before the pause after connecting').to.deep.equal([]);
    await waitUntil(() => call.sentTones.length === 2, 'the extension was not dialled', { timeout: 5000 });
    expect(call.sentTones).to.deep.equal(['Num4', 'Num5']);
    expect(tones).to.deep.equal(['Num4', 'Num5']);
    expect(shadow(el).querySelector('[part="sent-keys"]')?.textContent).to.contain('45');
  });

  it('drops a pasted extension with its remove button: the call then sends no tones', async () => {
    const { el, engine } = await dialpad();
    await ready(el);
    const data = new DataTransfer();
    data.setData('text/plain', '+1 425 555 0199 x45');
    field(el).focus();
    field(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
    await waitUntil(() => hasButton(el, strings.removeExtension), 'the extension is not shown');
    button(el, strings.removeExtension).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="extension"]')).to.equal(null);
    const placed = engine.nextCall();
    button(el, strings.call).click();
    const call = await placed;
    await connected(el, call);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(call.sentTones).to.deep.equal([]);
  });

  it('formats as you type and keeps the caret in place when a digit is inserted in the middle', async () => {
    const { el } = await dialpad();
    await typeIntoField(el, '425550100');
    expect(field(el).value).to.equal('(425) 550-100');
    // Put the caret after "(425) 55" and type the missing 5.
    field(el).setSelectionRange(8, 8);
    await sendKeys({ type: '5' });
    await el.updateComplete;
    expect(field(el).value).to.equal('(425) 555-0100');
    expect(field(el).selectionStart).to.equal(9);
    // Backspace over the formatting dash deletes the digit before it.
    field(el).setSelectionRange(10, 10);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(cleanDigits(field(el).value)).to.equal('425550100');
  });

  it('takes a number before it has signed in, and keeps it and the focus when it is ready', async () => {
    let signIn!: (token: string) => void;
    const engine = new FakeCallEngine({ latencyMs: 20 });
    const el = document.createElement('acs-dialpad');
    el.callEngine = engine;
    el.tokenProvider = () => new Promise<string>((resolve) => (signIn = resolve));
    el.setAttribute('alternate-caller-id', CALLER_ID);
    el.setAttribute('default-country', 'US');
    await fixture(html`<div>${el}</div>`);
    await typeIntoField(el, '42555');
    expect(button(el, en.dialpad.call).disabled, 'not a whole number yet').to.equal(true);
    const input = field(el);

    const ready = acsEvent(el, 'acs-ready');
    signIn(createTestToken({ userId: USER }));
    await ready;
    await el.updateComplete;
    expect(field(el), 'the same field').to.equal(input);
    expect(shadow(el).activeElement).to.equal(input);
    await sendKeys({ type: '50100' });
    await el.updateComplete;
    expect(el.value).to.equal('+14255550100');
    expect(button(el, strings.call).disabled).to.equal(false);
  });

  it('types with the keys, + with a long press of 0, and deletes with backspace (held: clears)', async () => {
    const { el } = await dialpad();
    await ready(el);
    await holdDown(key(el, strings.zeroKey));
    await el.updateComplete;
    expect(field(el).value).to.equal('+');
    press(el, '4 GHI', '4 GHI', '2 ABC', strings.zeroKey, '7 PQRS', '9 WXYZ', '4 GHI', '6 MNO', strings.zeroKey, '9 WXYZ', '5 JKL', '8 TUV', '8 TUV');
    await el.updateComplete;
    expect(cleanDigits(field(el).value)).to.equal('4420794609588');
    expect(el.value, 'one digit too many').to.equal('');
    key(el, strings.backspace).click();
    await el.updateComplete;
    expect(field(el).value).to.equal('+44 20 7946 0958');
    expect(el.value).to.equal('+442079460958');

    press(el, strings.star, strings.pound);
    await el.updateComplete;
    expect(field(el).value).to.equal('+442079460958*#');

    await holdDown(key(el, strings.backspace));
    await el.updateComplete;
    expect(field(el).value).to.equal('');
  });

  it('lights up the key typed on the keyboard, wherever focus is in the pad', async () => {
    const { el } = await dialpad();
    await ready(el);
    /** Whether `label`'s key lit up (the flash is short: a test cannot count on seeing it after a round trip). */
    const lights = (label: string) => {
      const target = key(el, label);
      const seen = { lit: false };
      const observer = new MutationObserver(() => (seen.lit ||= target.hasAttribute('data-pressed')));
      observer.observe(target, { attributes: true, attributeFilter: ['data-pressed'] });
      return Object.assign(seen, { stop: () => observer.disconnect() });
    };

    key(el, '1').focus();
    const five = lights('5 JKL');
    await sendKeys({ press: '5' });
    await el.updateComplete;
    five.stop();
    expect(five.lit).to.equal(true);
    expect(field(el).value, 'typed outside the field, the digit still goes into the number').to.equal('5');
    await waitUntil(() => !key(el, '5 JKL').hasAttribute('data-pressed'), 'the key stayed lit');

    const eight = lights('8 TUV');
    await typeIntoField(el, '8');
    eight.stop();
    expect(eight.lit).to.equal(true);
    expect(field(el).value).to.equal('58');
  });

  it('says the line was busy', async () => {
    const engine = new FakeCallEngine({ latencyMs: 20, phoneCallee: () => 'busy' });
    const { el } = await dialpad({ engine });
    await ready(el);
    await typeIntoField(el, '4255550123');
    const ended = acsEvent(el, 'acs-call-ended');
    button(el, strings.call).click();
    expect((await ended).detail).to.include({ reason: 'busy', code: 486 });
    await el.updateComplete;
    expect(status(el)).to.contain('The line was busy.');
    expect(shadow(el).querySelector('[part="timer"]'), 'no duration for a call that never connected').to.equal(null);
    expect(announced(el)).to.contain('The line was busy.');
  });

  it('shares the call agent with an <acs-call> of the same user', async () => {
    const engine = new FakeCallEngine({ latencyMs: 20 });
    const call = document.createElement('acs-call');
    call.callEngine = engine;
    call.tokenProvider = () => createTestToken({ userId: USER });
    call.setAttribute('group-id', '29228d3e-040e-4656-a70e-890ab4e173e5');
    await fixture(html`<div>${call}</div>`);
    const { el } = await dialpad({ engine });
    await ready(el);
    await waitUntil(() => hasButton(call, en.call.join) && !button(call, en.call.join).disabled, 'the call never got ready', { timeout: 5000 });
    expect(engine.agents).to.have.length(1);
    el.remove();
    expect(engine.agents).to.have.length(1);
    call.remove();
    await waitUntil(() => engine.agents.length === 0, 'the agent outlived both elements');
  });

  it('with for=, sends its keys into the <acs-call>’s call and adds a phone number to it', async () => {
    const engine = new FakeCallEngine({ latencyMs: 20 });
    const call = document.createElement('acs-call');
    call.id = 'meeting';
    call.callEngine = engine;
    call.tokenProvider = () => createTestToken({ userId: USER });
    call.setAttribute('group-id', '29228d3e-040e-4656-a70e-890ab4e173e5');
    call.setAttribute('alternate-caller-id', CALLER_ID);
    call.setAttribute('camera', 'off');
    const el = document.createElement('acs-dialpad');
    el.callEngine = engine;
    el.tokenProvider = () => createTestToken({ userId: USER });
    el.setAttribute('for', 'meeting');
    el.setAttribute('default-country', 'US');
    await fixture(html`<div>${call}${el}</div>`);
    await ready(el);
    expect(hasButton(el, strings.call), 'no call yet: the pad dials on its own').to.equal(true);

    await waitUntil(() => hasButton(call, en.call.join) && !button(call, en.call.join).disabled, 'the call never got ready', { timeout: 5000 });
    const placed = engine.nextCall();
    button(call, en.call.join).click();
    const groupCall = await placed;
    await waitUntil(() => groupCall.state === 'Connected' && hasButton(el, strings.addToCall), 'the pad did not follow the call', { timeout: 5000 });
    expect(engine.agents).to.have.length(1);

    const tones: string[] = [];
    el.addEventListener('acs-dtmf', (event) => tones.push(event.detail.tone));
    press(el, '1', '2 ABC', strings.pound);
    await waitUntil(() => groupCall.sentTones.length === 3, 'the tones did not reach the call');
    expect(groupCall.sentTones).to.deep.equal(['Num1', 'Num2', 'Pound']);
    expect(tones).to.deep.equal(['Num1', 'Num2', 'Pound']);
    expect(field(el).value, 'keys are tones, not digits of the number').to.equal('');

    await typeIntoField(el, '4255550100');
    const dialled = acsEvent(el, 'acs-dial');
    button(el, strings.addToCall).click();
    expect((await dialled).detail.phoneNumber).to.equal('+14255550100');
    await waitUntil(() => groupCall.remoteParticipants.some((participant) => participant.rawId === '4:+14255550100'), 'the phone was not added');
    expect(engine.calls, 'no second call').to.have.length(1);
    await expect(el).to.be.accessible();

    button(call, en.call.hangUp).click();
    await waitUntil(() => hasButton(el, strings.call), 'the pad still acts on an ended call');
  });

  it('keeps the keypad left to right in a right-to-left language', async () => {
    const { el } = await dialpad({ attributes: { 'alternate-caller-id': CALLER_ID, lang: 'ar' } });
    await waitUntil(() => shadow(el).querySelector(`button[aria-label="${ar.dialpad.star}"]`), 'the Arabic strings never arrived');
    expect(shadow(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(shadow(el).querySelector('[part="keypad"]')!.getAttribute('dir')).to.equal('ltr');
    expect(shadow(el).querySelector('[part="keypad"]')!.getAttribute('aria-label')).to.equal(ar.dialpad.keypad);
    const keys = [...shadow(el).querySelectorAll('[part="key"]')];
    expect(keys[0].getBoundingClientRect().left).to.be.lessThan(keys[2].getBoundingClientRect().left);
    expect(shadow(el).querySelector('select')!.value, 'the default country comes from the language').to.equal('EG');
    await expect(el).to.be.accessible();
  });

  it('reads national numbers in default-country, and in the country selected', async () => {
    const { el } = await dialpad({ attributes: { 'alternate-caller-id': CALLER_ID, 'default-country': 'gb' } });
    const select = shadow(el).querySelector('select')!;
    expect(select.value).to.equal('GB');
    await typeIntoField(el, '020 7946 0958');
    expect(el.value).to.equal('+442079460958');
    select.value = 'IT';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.value, 'the same digits, read as an Italian number').to.equal('+3902079460958');
    field(el).select();
    await sendKeys({ type: '06 6988 4857' });
    await el.updateComplete;
    expect(el.value).to.equal('+390669884857');
  });

  it('is accessible in the light and dark themes, before and after sign-in', async () => {
    const waiting = document.createElement('acs-dialpad');
    waiting.tokenProvider = () => forever();
    await fixture(html`<div>${waiting}</div>`);
    expect(button(waiting, en.dialpad.call).disabled).to.equal(true);
    await expect(waiting).to.be.accessible();

    for (const theme of ['light', 'dark']) {
      const { el } = await dialpad({ attributes: { 'alternate-caller-id': CALLER_ID, theme } });
      await ready(el);
      await typeIntoField(el, '42');
      await expect(el).to.be.accessible();
    }
  });

  it('labels every key with its letters', async () => {
    const { el } = await dialpad();
    const labels = [...shadow(el).querySelectorAll('[part="key"]')].map((element) => element.getAttribute('aria-label'));
    expect(labels).to.deep.equal(['1', '2 ABC', '3 DEF', '4 GHI', '5 JKL', '6 MNO', '7 PQRS', '8 TUV', '9 WXYZ', strings.star, strings.zeroKey, strings.pound]);
    expect(shadow(el).querySelector('[part="keypad"]')!.getAttribute('role')).to.equal('group');
  });

  it('plays key tones, unless key-tones="off" or the toggle turns them off', async () => {
    const contexts = recordAudioContexts();
    try {
      const { el } = await dialpad({ attributes: { 'alternate-caller-id': CALLER_ID, 'key-tones': 'off' } });
      press(el, '1');
      expect(contexts).to.have.length(0);
      button(el, strings.keyTones).click();
      await el.updateComplete;
      expect(button(el, strings.keyTones).getAttribute('aria-pressed')).to.equal('true');
      press(el, '2 ABC');
      expect(contexts).to.have.length(1);
      button(el, strings.keyTones).click();
      await el.updateComplete;
      press(el, '3 DEF');
      expect(contexts).to.have.length(1);
    } finally {
      contexts.restore();
    }
  });

  it('hangs up its call and lets go of the agent and the audio when removed', async () => {
    const contexts = recordAudioContexts();
    try {
      const { el, engine } = await dialpad();
      await ready(el);
      await typeIntoField(el, '4255550100');
      const placed = engine.nextCall();
      await sendKeys({ press: 'Enter' });
      const call = await placed;
      await connected(el, call);
      press(el, '1');
      expect(contexts).to.have.length(1);
      el.remove();
      await waitUntil(() => call.state === 'Disconnected', 'removing the element did not hang up');
      await waitUntil(() => engine.agents.length === 0, 'the agent outlived the element');
      await waitUntil(() => contexts.every((context) => context.state === 'closed'), 'the audio context stayed open');
    } finally {
      contexts.restore();
    }
  });
});

function cleanDigits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Every `AudioContext` made until `restore()`. */
function recordAudioContexts(): AudioContext[] & { restore(): void } {
  const Original = window.AudioContext;
  const made: AudioContext[] = [];
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      made.push(this);
    }
  };
  return Object.assign(made, { restore: () => (window.AudioContext = Original) });
}
