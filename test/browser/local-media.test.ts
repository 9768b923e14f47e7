import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { LocalMedia, type LocalMediaState, type MediaDeviceAccess } from '../../src/call/local-media.js';
import { callElement, join } from './support/call-fixture.js';

/**
 * Chromium's fake devices behind hooks a test can pull: requests can be held, failed by kind,
 * and kinds of device hidden from the listing (as if unplugged).
 */
class ScriptedDevices extends EventTarget implements MediaDeviceAccess {
  readonly requests: MediaStreamConstraints[] = [];
  /** Every stream handed out, including ones whose request was later abandoned. */
  readonly streams: MediaStream[] = [];
  readonly failures: { video?: DOMException; audio?: DOMException } = {};
  readonly hidden = new Set<MediaDeviceKind>();
  private held: Promise<void> | undefined;
  private releaseHeld: () => void = () => undefined;

  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  letGo(): void {
    this.held = undefined;
    this.releaseHeld();
  }

  async getUserMedia(constraints: MediaStreamConstraints = {}): Promise<MediaStream> {
    this.requests.push(constraints);
    await this.held;
    const failure = constraints.video ? this.failures.video : this.failures.audio;
    if (failure) throw failure;
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    this.streams.push(stream);
    return stream;
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return (await navigator.mediaDevices.enumerateDevices()).filter((device) => !this.hidden.has(device.kind));
  }
}

interface Watched {
  media: LocalMedia;
  states: LocalMediaState[];
  /** Every track any state has carried. */
  tracks: () => MediaStreamTrack[];
}

const created: LocalMedia[] = [];
afterEach(() => created.splice(0).forEach((media) => media.stop()));

function watch(devices?: MediaDeviceAccess): Watched {
  const states: LocalMediaState[] = [];
  const media = new LocalMedia((state) => states.push(state), devices);
  created.push(media);
  const tracks = () => {
    const streams = new Set(states.flatMap((state) => [state.camera.stream, state.microphone.stream]));
    return [...streams].flatMap((stream) => stream?.getTracks() ?? []);
  };
  return { media, states, tracks };
}

const denied = () => new DOMException('', 'NotAllowedError');
const live = (stream: MediaStream | undefined) => stream?.getTracks().every((track) => track.readyState === 'live') ?? false;
const ended = (tracks: MediaStreamTrack[]) => tracks.every((track) => track.readyState === 'ended');

describe('LocalMedia', function () {
  this.timeout(10000);

  it('shows a live camera preview and names the cameras, microphones and speakers', async () => {
    const { media } = watch();
    await media.start({ camera: true, microphone: true });

    const { camera, microphone, cameras, microphones, speakers } = media.state;
    expect(camera.status).to.equal('on');
    expect(microphone.status).to.equal('on');
    expect(camera.stream!.getVideoTracks()).to.have.length(1);
    expect(live(camera.stream)).to.equal(true);
    expect(cameras.map((option) => option.id)).to.include(camera.deviceId);
    expect(microphones.map((option) => option.id)).to.include(microphone.deviceId);
    for (const option of [...cameras, ...microphones, ...speakers]) expect(option.label, option.id).to.not.equal('');
    expect(speakers.length).to.be.greaterThan(0);

    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = camera.stream!;
    await video.play();
    await waitUntil(() => video.videoWidth > 0, 'the preview shows no picture', { timeout: 3000 });
  });

  it('asks for the camera first, and for the microphone once the preview has shown its first frame', async () => {
    const devices = new ScriptedDevices();
    devices.hold();
    const { media } = watch(devices);
    const started = media.start({ camera: true, microphone: true });

    expect(media.state.camera.status).to.equal('starting');
    expect(media.state.microphone.status, 'never shown as off meanwhile').to.equal('starting');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(devices.requests, 'the microphone waits for the camera').to.deep.equal([{ video: true }]);
    devices.letGo();
    await waitUntil(() => media.state.camera.status === 'on', 'the camera never came');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(devices.requests, 'the microphone waits for the preview').to.deep.equal([{ video: true }]);
    media.previewShown();
    await started;
    expect(devices.requests).to.deep.equal([{ video: true }, { audio: true }]);
    expect(media.state.microphone.status).to.equal('on');
  });

  it('starts the microphone without waiting when the camera is refused, and after a second when no preview shows', async () => {
    const refused = new ScriptedDevices();
    refused.failures.video = new DOMException('denied', 'NotAllowedError');
    const first = watch(refused).media;
    await first.start({ camera: true, microphone: true });
    expect(first.state.camera.status).to.equal('denied');
    expect(first.state.microphone.status).to.equal('on');

    const unseen = watch(new ScriptedDevices()).media;
    const startedAt = performance.now();
    await unseen.start({ camera: true, microphone: true });
    expect(unseen.state.microphone.status).to.equal('on');
    expect(performance.now() - startedAt, 'a preview nobody renders holds the microphone for a second at most').to.be.within(900, 4000);
  });

  it('moves the microphone level with the sound, at most about ten times a second', async () => {
    const { media, states } = watch();
    await media.start({ camera: false, microphone: true });
    const since = states.length;
    const startedAt = performance.now();

    // Chromium's fake microphone beeps twice a second and is silent in between.
    await waitUntil(() => media.state.microphone.level > 0.3, 'the level never rose', { timeout: 3000 });
    await waitUntil(() => media.state.microphone.level === 0, 'the level never fell back', { timeout: 3000 });
    const seconds = (performance.now() - startedAt) / 1000;
    const levels = states.slice(since).map((state) => state.microphone.level);
    expect(levels.length).to.be.at.most(Math.ceil(seconds * 10) + 1);
    levels.slice(1).forEach((level, index) => expect(Math.abs(level - levels[index]), 'a change too small to see').to.be.at.least(0.02));
    expect(media.state.camera.status).to.equal('off');
  });

  it('turns the camera off by ending its tracks, and on again with a new stream', async () => {
    const { media, tracks } = watch();
    await media.start({ camera: true, microphone: true });
    const first = media.state.camera.stream!;

    await media.setCamera(false);
    expect(media.state.camera).to.include({ status: 'off', stream: undefined });
    expect(ended(first.getTracks())).to.equal(true);
    expect(live(media.state.microphone.stream)).to.equal(true);

    await media.setCamera(true);
    expect(media.state.camera.status).to.equal('on');
    expect(media.state.camera.stream).to.not.equal(first);
    expect(live(media.state.camera.stream)).to.equal(true);
    expect(tracks().filter((track) => track.readyState === 'live')).to.have.length(2);
  });

  it('switches to another microphone, ending the old one', async () => {
    const { media } = watch();
    await media.start({ camera: false, microphone: true });
    const old = media.state.microphone.stream!;
    const other = media.state.microphones.find((option) => option.id !== media.state.microphone.deviceId)!;

    await media.selectMicrophone(other.id);

    expect(media.state.microphone.status).to.equal('on');
    expect(media.state.microphone.deviceId).to.equal(other.id);
    expect(media.state.microphone.stream!.getAudioTracks()[0].label).to.equal(other.label);
    expect(ended(old.getTracks())).to.equal(true);
  });

  it('keeps only the last of two quick microphone choices', async () => {
    const devices = new ScriptedDevices();
    const { media } = watch(devices);
    await media.start({ camera: false, microphone: true });
    const [, first, second] = media.state.microphones;

    devices.hold();
    const firstChoice = media.selectMicrophone(first.id);
    const secondChoice = media.selectMicrophone(second.id);
    devices.letGo();
    await Promise.all([firstChoice, secondChoice]);

    expect(media.state.microphone.deviceId).to.equal(second.id);
    expect(devices.streams).to.have.length(3);
    const [opening, abandoned, kept] = devices.streams;
    expect(ended([...opening.getTracks(), ...abandoned.getTracks()])).to.equal(true);
    expect(media.state.microphone.stream).to.equal(kept);
    expect(live(kept)).to.equal(true);
  });

  it('remembers a camera chosen while the camera is off, without turning it on', async () => {
    const devices = new ScriptedDevices();
    const { media } = watch(devices);
    await media.start({ camera: true, microphone: false });
    const [camera] = media.state.cameras;
    await media.setCamera(false);

    await media.selectCamera(camera.id);
    expect(media.state.camera).to.include({ status: 'off', deviceId: camera.id });
    expect(devices.requests).to.have.length(1);

    await media.setCamera(true);
    expect(devices.requests.at(-1)).to.deep.equal({ video: { deviceId: camera.id } });
    expect(media.state.camera).to.include({ status: 'on', deviceId: camera.id });
  });

  it('ends every track it handed out when stopped, and reports nothing after', async () => {
    const { media, states, tracks } = watch();
    await media.start({ camera: true, microphone: true });
    await media.selectMicrophone(media.state.microphones.find((option) => option.id !== media.state.microphone.deviceId)!.id);
    await media.setCamera(false);
    await media.setCamera(true);
    expect(tracks()).to.have.length(4);

    media.stop();
    media.stop();
    const reported = states.length;
    expect(ended(tracks())).to.equal(true);
    expect(media.state.camera.status).to.equal('off');
    expect(media.state.microphone).to.include({ status: 'off', level: 0 });

    await media.setCamera(true);
    media.selectSpeaker('default');
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(states.length).to.equal(reported);
  });

  it('ends the tracks of requests still pending when stopped', async () => {
    const devices = new ScriptedDevices();
    devices.hold();
    const { media, states } = watch(devices);
    const started = media.start({ camera: true, microphone: true });
    media.stop();
    const reported = states.length;
    devices.letGo();
    await started;

    // The camera's request was pending; the microphone's, which waits for the camera, was never made.
    expect(devices.requests).to.deep.equal([{ video: true }]);
    expect(devices.streams).to.have.length(1);
    expect(ended(devices.streams.flatMap((stream) => stream.getTracks()))).to.equal(true);
    expect(states.length).to.equal(reported);
  });

  it('keeps the microphone when only the camera is denied', async () => {
    const devices = new ScriptedDevices();
    devices.failures.video = denied();
    const { media } = watch(devices);
    await media.start({ camera: true, microphone: true });

    expect(media.state.camera).to.include({ status: 'denied', stream: undefined });
    expect(media.state.microphone.status).to.equal('on');
    expect(live(media.state.microphone.stream)).to.equal(true);
    expect(media.state.microphones.length).to.be.greaterThan(0);
  });

  for (const [name, status] of [
    ['SecurityError', 'denied'],
    ['NotFoundError', 'unavailable'],
    ['OverconstrainedError', 'unavailable'],
    ['NotReadableError', 'failed'],
  ] as const) {
    it(`shows the camera ${status} after a ${name}`, async () => {
      const devices = new ScriptedDevices();
      devices.failures.video = new DOMException('', name);
      const { media } = watch(devices);
      await media.start({ camera: true, microphone: false });
      expect(media.state.camera.status).to.equal(status);
    });
  }

  it('asks again when the camera is turned on after a denial', async () => {
    const devices = new ScriptedDevices();
    devices.failures.video = denied();
    const { media } = watch(devices);
    await media.start({ camera: true, microphone: false });
    delete devices.failures.video;

    await media.setCamera(true);
    expect(media.state.camera.status).to.equal('on');
  });

  it('shows the camera unavailable when its only device is unplugged', async () => {
    const devices = new ScriptedDevices();
    const { media } = watch(devices);
    await media.start({ camera: true, microphone: false });
    const track = media.state.camera.stream!.getVideoTracks()[0];

    devices.hidden.add('videoinput');
    track.dispatchEvent(new Event('ended'));

    await waitUntil(() => media.state.camera.status === 'unavailable', 'the camera still shows as usable');
    expect(media.state.camera.stream).to.equal(undefined);
    expect(media.state.cameras).to.deep.equal([]);
    expect(track.readyState).to.equal('ended');
  });

  it('refreshes the lists when devices change, forgetting a speaker that has gone', async () => {
    const devices = new ScriptedDevices();
    const { media } = watch(devices);
    await media.start({ camera: false, microphone: true });
    const speaker = media.state.speakers.at(-1)!;
    media.selectSpeaker(speaker.id);
    expect(media.state.speakerId).to.equal(speaker.id);

    devices.hidden.add('audiooutput');
    devices.dispatchEvent(new Event('devicechange'));

    await waitUntil(() => media.state.speakers.length === 0, 'the speakers are still listed');
    expect(media.state.speakerId).to.equal(undefined);
  });

  it('shows both unavailable where the browser has no media devices (a page on plain http)', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    let media: LocalMedia;
    try {
      media = watch().media;
    } finally {
      delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    }
    await media.start({ camera: true, microphone: true });
    expect(media.state.camera.status).to.equal('unavailable');
    expect(media.state.microphone.status).to.equal('unavailable');
  });
});

describe('removing <acs-call> from the page', function () {
  this.timeout(20000);
  /** Every track the page's getUserMedia handed out, whoever asked: the camera and microphone lights. */
  const opened: MediaStreamTrack[] = [];
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  /** While set, microphone requests wait for it, as behind a permission prompt. */
  let microphonePrompt: Promise<void> | undefined;
  /** The microphone has been asked for (the lobby asks once the camera has answered). */
  let microphoneAsked = false;

  beforeEach(() => {
    opened.length = 0;
    microphonePrompt = undefined;
    microphoneAsked = false;
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (constraints?.audio) {
        microphoneAsked = true;
        await microphonePrompt;
      }
      const stream = await getUserMedia(constraints);
      opened.push(...stream.getTracks());
      return stream;
    };
  });
  afterEach(() => delete (navigator.mediaDevices as Partial<MediaDevices>).getUserMedia);

  const microphones = () => opened.filter((track) => track.kind === 'audio');
  const states = (tracks: MediaStreamTrack[]) => tracks.map((track) => `${track.kind} ${track.readyState}`);
  const allEnded = (tracks: MediaStreamTrack[]) => tracks.map((track) => `${track.kind} ended`);

  it('in the lobby, stops the microphone as well as the camera', async () => {
    const { el } = await callElement();
    await waitUntil(() => microphones().some((track) => track.readyState === 'live'), 'the lobby never opened the microphone', { timeout: 10000 });
    el.remove();
    expect(states(opened), 'a device stays open').to.deep.equal(allEnded(opened));
  });

  it('before the microphone has opened (a permission prompt still up), stops it when it arrives', async () => {
    let answer!: () => void;
    microphonePrompt = new Promise((resolve) => (answer = resolve));
    const { el } = await callElement();
    await waitUntil(() => microphoneAsked, 'the lobby never asked for the microphone', { timeout: 10000 });
    el.remove();
    answer();
    await waitUntil(() => microphones().length > 0, 'the microphone request never completed');
    await aTimeout(50);
    expect(states(opened), 'a device opened after removal stays open').to.deep.equal(allEnded(opened));
  });

  it('in a call, leaves it (taking the call’s own microphone) with no lobby microphone left open', async () => {
    const { el, engine } = await callElement();
    await waitUntil(() => microphones().length > 0, 'the lobby never opened the microphone', { timeout: 10000 });
    const call = await join(el, engine);
    // The SDK opens its own microphone for the call: the meter's must not stay open beside it.
    expect(states(microphones()), 'the lobby microphone stays open in the call').to.deep.equal(allEnded(microphones()));
    el.remove();
    expect(states(opened), 'a device stays open').to.deep.equal(allEnded(opened));
    await waitUntil(() => call.state === 'Disconnected', 'removing the element did not leave the call');
  });
});

describe('the lobby of <acs-call>', function () {
  this.timeout(20000);
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  afterEach(() => delete (navigator.mediaDevices as Partial<MediaDevices>).getUserMedia);

  it('asks for the microphone only once the preview has shown its first frame', async () => {
    let atMicrophone: { framesShown: number; previewPlaying: boolean } | undefined;
    navigator.mediaDevices.getUserMedia = (constraints) => {
      if (constraints?.audio && !atMicrophone) {
        const preview = document.querySelector('acs-call')?.shadowRoot?.querySelector('video');
        atMicrophone = {
          framesShown: preview?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
          previewPlaying: performance.getEntriesByName('acs-call:preview-playing').length > 0,
        };
      }
      return getUserMedia(constraints);
    };
    await callElement();
    await waitUntil(() => atMicrophone, 'the lobby never asked for the microphone', { timeout: 10000 });
    expect(atMicrophone).to.deep.include({ previewPlaying: true });
    expect(atMicrophone!.framesShown, 'frames of the preview shown before the microphone was asked for').to.be.at.least(1);
  });
});
