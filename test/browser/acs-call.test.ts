import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { callEndReasons, createTestToken, FakeCallEngine, FakeDeviceManager } from '../../src/testing/index.js';
import { acsEvent, forever } from './support/events.js';
import { button, callElement, hasButton, join, joinable, menuItem, nameOf, playing, shadow, strings, videoTracks } from './support/call-fixture.js';
import { en } from './support/strings.js';

describe('<acs-call>', function () {
  this.timeout(20000);

  it('paints the lobby with a live preview and the devices before it has even signed in', async () => {
    const { el } = await callElement({ provider: () => forever() });
    await waitUntil(() => shadow(el).querySelector('video'), 'no preview', { timeout: 5000 });
    await playing(shadow(el).querySelector('video')!);
    const pickers = [...shadow(el).querySelectorAll('select')];
    await waitUntil(() => pickers[0].options.length > 0 && pickers[1].options.length > 0, 'no devices listed');
    expect(pickers[0].options[0].textContent).to.contain('fake_device_0');
    const joinButton = button(el, strings.gettingReady);
    expect(joinButton.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('joins a group call, shows a participant with playing video, and ends with the reason after hang-up', async () => {
    const { el, engine } = await callElement();
    const call = await join(el, engine);
    expect(call.isLocalVideoStarted, 'the preview camera was handed to the call').to.equal(true);

    const changed = acsEvent(el, 'acs-participants-changed');
    const ana = call.addRemoteParticipant({ displayName: 'Ana Lima', video: true });
    expect((await changed).detail.joined.map((participant: { displayName: string }) => participant.displayName)).to.deep.equal(['Ana Lima']);
    await waitUntil(() => shadow(el).querySelector('video[aria-label="Ana Lima"]'), 'no tile for Ana');
    await playing(shadow(el).querySelector<HTMLVideoElement>('video[aria-label="Ana Lima"]')!);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.contain('Ana Lima joined');
    await expect(el).to.be.accessible();

    ana.speak();
    await waitUntil(() => shadow(el).querySelector('[data-dominant]')?.textContent!.includes('Ana Lima'), 'Ana is not highlighted as the speaker');

    ana.leave();
    await waitUntil(() => !shadow(el).querySelector('video[aria-label="Ana Lima"]'), 'Ana’s tile stayed');

    const ended = acsEvent(el, 'acs-call-ended');
    button(el, strings.hangUp).click();
    const detail = (await ended).detail;
    expect(detail).to.include({ reason: 'hung-up', code: 0, subCode: 0 });
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain(strings.ended).and.contain(strings.endHungUp);
    expect(hasButton(el, strings.rejoin)).to.equal(true);
  });

  it('mutes, turns the camera off and on, and shares the screen, in the UI and in the call', async () => {
    const { el, engine } = await callElement();
    const call = await join(el, engine);

    const microphone = button(el, strings.mute);
    expect(microphone.getAttribute('aria-pressed'), 'pressed means muted').to.equal('false');
    microphone.click();
    await waitUntil(() => call.isMuted && microphone.getAttribute('aria-pressed') === 'true', 'not muted');
    expect(nameOf(microphone), 'the toggle keeps its name').to.equal(strings.mute);

    const cameraTracks = videoTracks(el);
    const camera = button(el, strings.turnCameraOff);
    camera.click();
    await waitUntil(() => !call.isLocalVideoStarted && camera.getAttribute('aria-pressed') === 'true', 'camera still on');
    expect(
      cameraTracks.every((track) => track.readyState === 'ended'),
      'the camera light stays on',
    ).to.equal(true);
    camera.click();
    await waitUntil(() => call.isLocalVideoStarted && camera.getAttribute('aria-pressed') === 'false', 'camera did not come back');

    const share = button(el, strings.shareScreen);
    share.click();
    await waitUntil(() => call.isScreenSharingOn && share.getAttribute('aria-pressed') === 'true', 'not sharing');
    share.click();
    await waitUntil(() => !call.isScreenSharingOn, 'still sharing');

    el.focus();
    const keyboardMute = new KeyboardEvent('keydown', { code: 'KeyM', altKey: true, bubbles: true, composed: true });
    microphone.dispatchEvent(keyboardMute);
    await waitUntil(() => !call.isMuted, 'Alt+M did not unmute');
  });

  it('holds and resumes, raises a hand, lists the participants, and reports each state', async () => {
    const { el, engine } = await callElement();
    const states: string[] = [];
    el.addEventListener('acs-call-state-changed', (event) => states.push(event.detail.state));
    const call = await join(el, engine);
    call.addRemoteParticipant({ displayName: 'Ana' });

    (await menuItem(el, strings.hold)).click();
    await waitUntil(() => call.state === 'LocalHold' && shadow(el).textContent.includes(strings.onHold), 'not on hold');
    const hold = await menuItem(el, strings.hold);
    expect(hold.getAttribute('aria-checked')).to.equal('true');
    hold.click();
    await waitUntil(() => call.state === 'Connected', 'not resumed');
    expect(states).to.include.members(['Connecting', 'Connected', 'LocalHold']);

    (await menuItem(el, strings.raiseHand)).click();
    await waitUntil(() => call.raisedHands.length === 1, 'the hand is not up');
    expect((await menuItem(el, strings.raiseHand)).getAttribute('aria-checked')).to.equal('true');
    await waitUntil(() => shadow(el).querySelector(`[part~="self-tile"] [aria-label="${strings.handRaised}"]`), 'no raised-hand badge on the own tile');

    await waitUntil(() => hasButton(el, 'Participants (2)'), 'Ana is not counted');
    const toggle = button(el, 'Participants (2)');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = shadow(el).querySelector('ul[aria-label="Participants (2)"]')!;
    expect([...list.querySelectorAll('li bdi')].map((item) => item.textContent.trim())).to.deep.equal(['Caller (you)', 'Ana']);
  });

  it('joins to listen only when the microphone is blocked, and says how to fix it', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(navigator.mediaDevices), and put back by identity
    const getUserMedia = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = (constraints) =>
      constraints?.audio ? Promise.reject(new DOMException('blocked', 'NotAllowedError')) : getUserMedia.call(navigator.mediaDevices, constraints);
    try {
      const { el, engine } = await callElement();
      await waitUntil(() => shadow(el).querySelector('[role="alert"]')?.textContent === strings.microphoneDenied, 'no explanation');
      const call = await join(el, engine);
      expect(call.isMuted, 'joined with the microphone on').to.equal(true);
    } finally {
      navigator.mediaDevices.getUserMedia = getUserMedia;
    }
  });

  it('shows a remote screen share large, recording, and reconnection', async () => {
    const { el, engine } = await callElement();
    const call = await join(el, engine);
    const ana = call.addRemoteParticipant({ displayName: 'Ana' });
    ana.startScreenShare();
    await waitUntil(() => shadow(el).querySelector('[part="screen-share"] video'), 'no screen share view');
    expect(shadow(el).querySelector('[part="screen-share"] video')!.getAttribute('aria-label')).to.equal('Ana is sharing their screen');

    call.setRecording(true);
    await waitUntil(() => shadow(el).querySelector('[part="recording-indicator"]')?.textContent === strings.recording, 'no recording indicator');

    call.dropConnection();
    await waitUntil(() => shadow(el).textContent.includes(strings.reconnecting), 'no reconnecting state');
    call.restoreConnection();
    await waitUntil(() => !shadow(el).textContent.includes(strings.reconnecting), 'still reconnecting');
  });

  it('joins when start() is called before it has signed in', async () => {
    const engine = new FakeCallEngine({ latencyMs: 20, agentDelayMs: 300 });
    const el = document.createElement('acs-call');
    el.callEngine = engine;
    el.tokenProvider = () => createTestToken();
    el.setAttribute('group-id', '29228d3e-040e-4656-a70e-890ab4e173e5');
    document.body.append(el);
    try {
      const placed = engine.nextCall();
      await el.start();
      expect((await placed).state).to.be.oneOf(['Connecting', 'Connected']);
    } finally {
      el.remove();
    }
  });

  it('keeps keyboard focus in the element from the join button to the call and to the end screen', async () => {
    const { el, engine } = await callElement();
    await joinable(el);
    const placed = engine.nextCall();
    button(el, strings.join).focus();
    await sendKeys({ press: 'Enter' });
    const call = await placed;
    await waitUntil(() => call.state === 'Connected' && nameOf(shadow(el).activeElement) === strings.mute, 'focus did not move to the microphone button');
    button(el, strings.hangUp).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => nameOf(shadow(el).activeElement) === strings.rejoin, 'focus did not move to the rejoin button');
  });

  it('rejoins after the end screen, with the camera back on', async () => {
    const { el, engine } = await callElement();
    const first = await join(el, engine);
    await first.hangUp();
    await waitUntil(() => hasButton(el, strings.rejoin), 'no rejoin button');
    expect(videoTracks(el), 'the camera stays on after the call').to.deep.equal([]);
    const rejoined = engine.nextCall();
    button(el, strings.rejoin).click();
    const second = await rejoined;
    await waitUntil(() => second.state === 'Connected' && second.isLocalVideoStarted, 'did not rejoin with video');
    expect(second).to.not.equal(first);
  });

  it('switches the microphone during the call', async () => {
    const { el, engine } = await callElement();
    await join(el, engine);
    const chosen: string[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this), and put back by identity
    const select = FakeDeviceManager.prototype.selectMicrophone;
    FakeDeviceManager.prototype.selectMicrophone = function (this: FakeDeviceManager, microphone) {
      chosen.push(microphone.id);
      return select.call(this, microphone);
    };
    try {
      (await menuItem(el, strings.deviceSettings)).click();
      await waitUntil(() => shadow(el).querySelector('dialog')?.open, 'the device settings did not open');
      const picker = [...shadow(el).querySelectorAll<HTMLSelectElement>('dialog select')].find((candidate) =>
        candidate.closest('label')!.textContent.includes(strings.microphone),
      )!;
      await waitUntil(() => picker.options.length > 1, 'no microphones to pick from');
      const other = picker.options[picker.options.length - 1];
      picker.value = other.value;
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => chosen.length === 1, 'the SDK did not switch microphones');
      expect(chosen[0]).to.equal(`microphone:${other.value}`);
    } finally {
      FakeDeviceManager.prototype.selectMicrophone = select;
    }
  });

  it('is accessible in a call, in the dark theme and right to left', async () => {
    const { el, engine } = await callElement({ attributes: { 'group-id': '29228d3e-040e-4656-a70e-890ab4e173e5', theme: 'dark', lang: 'ar' } });
    await waitUntil(() => shadow(el).querySelector('[dir="rtl"]'), 'not right to left');
    const placed = engine.nextCall();
    await el.start();
    const call = await placed;
    call.addRemoteParticipant({ displayName: 'Ana', video: true });
    await waitUntil(() => shadow(el).querySelector('video[aria-label="Ana"]'), 'no tile');
    await expect(el).to.be.accessible();
  });

  it('tells why a call failed in plain words', async () => {
    const { el, engine } = await callElement();
    const call = await join(el, engine);
    const ended = acsEvent(el, 'acs-call-ended');
    call.end(callEndReasons.networkLost);
    expect((await ended).detail).to.include({ reason: 'network', code: 410, subCode: 3101 });
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain(strings.endNetwork);
  });

  it('rings with incoming set, and accepts or declines', async () => {
    const { el, engine } = await callElement({ attributes: { incoming: '' } });
    await waitUntil(() => engine.agents.length === 1, 'no agent');
    expect(shadow(el).querySelector('[part="join-button"]'), 'a join button with nothing to join').to.equal(null);

    let ringing = acsEvent(el, 'acs-incoming-call');
    const first = engine.ringIncoming({ from: { rawId: '8:acs:resource_ana', displayName: 'Ana' } });
    expect((await ringing).detail).to.deep.equal({ from: '8:acs:resource_ana', displayName: 'Ana' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alertdialog"]')!.textContent).to.contain('Ana is calling');
    const answers = [...shadow(el).querySelectorAll('[role="alertdialog"] button')].map((answer) => answer.getAttribute('part'));
    expect(answers).to.deep.equal(['accept-video-button', 'accept-audio-button', 'decline-button']);
    await expect(el).to.be.accessible();
    const declined = new Promise<void>((resolve) => first.on('callEnded', () => resolve()));
    button(el, strings.decline).click();
    await declined;
    await waitUntil(() => !shadow(el).querySelector('[role="alertdialog"]'), 'the prompt stayed');

    ringing = acsEvent(el, 'acs-incoming-call');
    engine.ringIncoming({ from: { rawId: '8:acs:resource_bo', displayName: 'Bo' } });
    await ringing;
    await el.updateComplete;
    const accepted = engine.nextCall();
    button(el, strings.acceptAudio).click();
    const call = await accepted;
    await waitUntil(() => shadow(el).querySelector('[part~="video-tile"]')?.textContent!.includes('Bo'), 'Bo is not in the call');
    expect(call.direction).to.equal('Incoming');
    expect(call.isLocalVideoStarted, 'audio only').to.equal(false);
  });

  it('exchanges data with the other participants', async () => {
    const { el, engine } = await callElement();
    const call = await join(el, engine);
    const ana = call.addRemoteParticipant({ rawId: '8:acs:resource_ana', displayName: 'Ana' });
    await el.sendData({ cue: 'slide-2' });
    expect(new TextDecoder().decode(call.sentData[0].data)).to.equal('{"cue":"slide-2"}');

    const received = acsEvent(el, 'acs-data-received');
    call.receiveData(ana, new TextEncoder().encode('hello'));
    expect((await received).detail).to.include({ from: '8:acs:resource_ana', text: 'hello' });
  });

  it('reports sendData() outside a call as a visible error', async () => {
    const { el } = await callElement();
    const failed = acsEvent(el, 'acs-error');
    await el.sendData('too early');
    expect((await failed).detail.code).to.equal('not-in-call');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error-message"]')!.textContent).to.equal(en.errors['not-in-call']);
  });

  it('joins a Teams meeting by its link and a Room by its id', async () => {
    const meetingLink = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
    const teams = await callElement({ attributes: { 'meeting-link': meetingLink } });
    expect((await join(teams.el, teams.engine)).locator).to.deep.equal({ meetingLink });
    const room = await callElement({ attributes: { 'room-id': '99027345677890' } });
    expect((await join(room.el, room.engine)).locator).to.deep.equal({ roomId: '99027345677890' });
  });

  it('starts with the camera off when camera="off", and joins without video', async () => {
    const { el, engine } = await callElement({ attributes: { 'group-id': '29228d3e-040e-4656-a70e-890ab4e173e5', camera: 'off' } });
    await joinable(el);
    expect(shadow(el).textContent).to.contain(strings.cameraOff);
    expect(videoTracks(el)).to.deep.equal([]);
    const call = await join(el, engine);
    expect(call.isLocalVideoStarted).to.equal(false);
  });

  it('refuses a meeting link that is not https, with a visible error', async () => {
    const failed = acsEvent(document, 'acs-error');
    const { el } = await callElement({ attributes: { 'meeting-link': 'javascript:alert(1)' } });
    expect((await failed).detail.code).to.equal('invalid-meeting-link');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain(en.errors['invalid-meeting-link']);
  });

  it('explains a missing call target', async () => {
    const failed = acsEvent(document, 'acs-error');
    const { el } = await callElement({ attributes: {} });
    expect((await failed).detail.code).to.equal('missing-call-target');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain(en.errors['missing-call-target']);
  });

  it('calls a phone number and says when it is busy', async () => {
    const engine = new FakeCallEngine({ latencyMs: 20, phoneCallee: () => 'busy' });
    const { el } = await callElement({ engine, attributes: { callee: '+14255550123', 'alternate-caller-id': '+18005550100' } });
    await waitUntil(() => hasButton(el, strings.startCall) && !button(el, strings.startCall).disabled, 'not ready');
    const ended = acsEvent(el, 'acs-call-ended');
    button(el, strings.startCall).click();
    expect((await ended).detail.reason).to.equal('busy');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain(strings.endBusy);
  });

  it('shares one call agent between elements of the same user, and disposes it with the last', async () => {
    const engine = new FakeCallEngine({ latencyMs: 20 });
    const first = await callElement({ engine });
    const second = await callElement({ engine });
    await Promise.all([joinable(first.el), joinable(second.el)]);
    expect(engine.agents).to.have.length(1);
    first.el.remove();
    expect(engine.agents).to.have.length(1);
    second.el.remove();
    await waitUntil(() => engine.agents.length === 0, 'the agent outlived its last element');
  });

  it('releases the camera and microphone when removed, in the lobby and in a call', async () => {
    const lobby = await callElement();
    await waitUntil(() => videoTracks(lobby.el).length > 0, 'no preview');
    const lobbyTracks = videoTracks(lobby.el);
    lobby.el.remove();
    expect(lobbyTracks.every((track) => track.readyState === 'ended')).to.equal(true);

    const inCall = await callElement();
    const call = await join(inCall.el, inCall.engine);
    const callTracks = videoTracks(inCall.el);
    expect(callTracks.length).to.be.greaterThan(0);
    inCall.el.remove();
    expect(callTracks.every((track) => track.readyState === 'ended')).to.equal(true);
    await waitUntil(() => call.state === 'Disconnected', 'removing the element did not leave the call');
  });
});
