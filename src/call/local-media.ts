/*
 * The lobby's camera, microphone and speaker on the browser's own media APIs, so the preview,
 * the device lists and the level meter work before the calling SDK has downloaded. The call
 * later sends the same camera `MediaStream`; this class keeps owning (and stopping) it.
 */

export type MediaStatus = 'off' | 'starting' | 'on' | 'denied' | 'unavailable' | 'failed';
export type MediaKind = 'camera' | 'microphone';

/** One entry of a device picker. `label` is empty when the browser gives none: the caller shows a localized fallback such as "Camera 2". */
export interface MediaDeviceOption {
  readonly id: string;
  readonly label: string;
}

export interface CaptureState {
  readonly status: MediaStatus;
  /** Live while `status` is 'on', undefined otherwise. */
  readonly stream: MediaStream | undefined;
  /** The device open now, or opened next; undefined means the browser's default. */
  readonly deviceId: string | undefined;
}

export interface MicrophoneState extends CaptureState {
  /** Loudness from 0 (silence, or the microphone is off) to 1. */
  readonly level: number;
}

export interface LocalMediaState {
  readonly camera: CaptureState;
  readonly microphone: MicrophoneState;
  readonly cameras: readonly MediaDeviceOption[];
  readonly microphones: readonly MediaDeviceOption[];
  readonly speakers: readonly MediaDeviceOption[];
  /** The chosen output; undefined means the system default. The element applies it with `setSinkId`. */
  readonly speakerId: string | undefined;
}

/** The part of `navigator.mediaDevices` used here. */
export type MediaDeviceAccess = Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices' | 'addEventListener'>;

const LEVEL_INTERVAL_MS = 100;
/** How long the microphone waits for the preview's first frame before it starts anyway. */
const PREVIEW_FRAME_WAIT_MS = 1000;
/** Smaller changes do not show on a meter, so they are not worth a render. */
const LEVEL_STEP = 0.02;
/** The loudness shown as an empty meter; loudness is heard on a log scale, so the meter is linear in decibels. */
const SILENT_DECIBELS = -60;

/** Before `start()`: nothing open, no devices known. */
export const idleMedia: LocalMediaState = {
  camera: { status: 'off', stream: undefined, deviceId: undefined },
  microphone: { status: 'off', stream: undefined, deviceId: undefined, level: 0 },
  cameras: [],
  microphones: [],
  speakers: [],
  speakerId: undefined,
};

/**
 * Opens and closes the local camera and microphone, lists devices, and measures the microphone
 * level. Every change produces a new state object passed to `onChange`. Nothing here throws:
 * failures show as a status, per device kind.
 */
export class LocalMedia {
  private current = idleMedia;
  private stopped = false;
  private readonly listeners = new AbortController();
  /** Called after every change, then forgotten (they register again while still waiting). */
  private readonly waiters: (() => void)[] = [];
  /** Bumped whenever a kind's stream is replaced or released, so a late `getUserMedia` knows it lost. */
  private readonly generation: Record<MediaKind, number> = { camera: 0, microphone: 0 };
  private enumeration = 0;
  private previewFrameSeen = false;
  private previewFrameWaiter: (() => void) | undefined;
  private meter: { context: AudioContext; timer: ReturnType<typeof setInterval> } | undefined;

  /** `mediaDevices` defaults to `navigator.mediaDevices`, which plain-http pages lack: there every kind is 'unavailable'. */
  constructor(
    private readonly onChange: (state: LocalMediaState) => void,
    private readonly mediaDevices: MediaDeviceAccess | undefined = (globalThis.navigator as Partial<Navigator> | undefined)?.mediaDevices,
  ) {
    mediaDevices?.addEventListener('devicechange', () => void this.refreshDevices(), { signal: this.listeners.signal });
  }

  get state(): LocalMediaState {
    return this.current;
  }

  /**
   * Asks for the camera first and the microphone once the preview has shown its first frame (see
   * `previewShown`), or at once when the camera could not start: asked together, the microphone's
   * start delayed the first preview frame (~70 ms). The microphone shows as starting from the
   * beginning, so nothing reads it as off meanwhile.
   */
  async start(wanted: { camera: boolean; microphone: boolean }): Promise<void> {
    if (!wanted.camera || !wanted.microphone) {
      await Promise.all([wanted.camera && this.setCamera(true), wanted.microphone && this.setMicrophone(true)]);
      return;
    }
    const camera = this.setCamera(true);
    const { deviceId } = this.current.microphone;
    const request = this.release('microphone', this.mediaDevices ? 'starting' : 'unavailable', deviceId);
    await this.cameraAnswered();
    if (this.current.camera.status === 'on') await this.firstPreviewFrame();
    // Turned off, chosen again or stopped meanwhile: that choice stands.
    if (request !== this.generation.microphone || this.stopped) {
      await camera;
      return;
    }
    await Promise.all([camera, this.open('microphone', deviceId, deviceId === undefined ? true : { deviceId })]);
  }

  /** The preview of the camera's stream is on screen: its first frame was painted. */
  previewShown(): void {
    this.previewFrameSeen = true;
    this.previewFrameWaiter?.();
  }

  /** Resolves with the preview's first frame, or after a while without one (a preview nobody sees: a hidden element, a page in the background). */
  private firstPreviewFrame(): Promise<void> {
    if (this.previewFrameSeen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.previewFrameWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, PREVIEW_FRAME_WAIT_MS);
      this.previewFrameWaiter = done;
    });
  }

  /** Resolves once the camera is no longer starting (on, refused, off or stopped). */
  private cameraAnswered(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.stopped || this.current.camera.status !== 'starting') resolve();
        else this.waiters.push(check);
      };
      check();
    });
  }

  /** Off releases the device (its light goes off); on asks again, even after a denial. Resolves at once if already on or starting. */
  setCamera(on: boolean): Promise<void> {
    return this.turn('camera', on);
  }

  setMicrophone(on: boolean): Promise<void> {
    return this.turn('microphone', on);
  }

  /** Switches to `deviceId` if the camera is on or starting; otherwise remembers it for the next time it is turned on. */
  selectCamera(deviceId: string): Promise<void> {
    return this.select('camera', deviceId);
  }

  selectMicrophone(deviceId: string): Promise<void> {
    return this.select('microphone', deviceId);
  }

  selectSpeaker(deviceId: string): void {
    if (!this.stopped) this.update({ speakerId: deviceId });
  }

  /** Stops every track, the level meter and all listeners; no `onChange` follows. Safe to call twice. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.listeners.abort();
    this.release('camera', 'off');
    this.release('microphone', 'off');
  }

  private async turn(kind: MediaKind, on: boolean): Promise<void> {
    if (this.stopped) return;
    if (!on) {
      this.release(kind, 'off');
      return;
    }
    const { status, deviceId } = this.current[kind];
    if (status === 'on' || status === 'starting') return;
    // Not exact: if the remembered device has gone, another one is better than none.
    await this.open(kind, deviceId, deviceId === undefined ? true : { deviceId });
  }

  private async select(kind: MediaKind, deviceId: string): Promise<void> {
    if (this.stopped) return;
    const { status } = this.current[kind];
    if (status !== 'on' && status !== 'starting') {
      this.patch(kind, { deviceId });
      return;
    }
    if (deviceId !== this.current[kind].deviceId) await this.open(kind, deviceId, { deviceId: { exact: deviceId } });
  }

  private async open(kind: MediaKind, deviceId: string | undefined, constraints: true | MediaTrackConstraints): Promise<void> {
    // Release the old device first: many phones will not open a second camera while one is open.
    const request = this.release(kind, this.mediaDevices ? 'starting' : 'unavailable', deviceId);
    if (!this.mediaDevices) return;
    try {
      const stream = await this.mediaDevices.getUserMedia(kind === 'camera' ? { video: constraints } : { audio: constraints });
      if (request !== this.generation[kind]) {
        stopTracks(stream);
        return;
      }
      this.adopt(kind, stream);
    } catch (error) {
      if (request !== this.generation[kind]) return;
      this.patch(kind, { status: statusAfter(error) });
    }
    // Device ids and labels are hidden until a device has been granted.
    await this.refreshDevices();
  }

  private adopt(kind: MediaKind, stream: MediaStream): void {
    const track = stream.getTracks().at(0);
    track?.addEventListener('ended', () => void this.lose(kind, stream), { signal: this.listeners.signal });
    this.patch(kind, { status: 'on', stream, deviceId: track?.getSettings().deviceId });
    if (kind === 'microphone') this.startMeter(stream);
  }

  /** The browser ended a track by itself: the device was unplugged, or another app took it. */
  private async lose(kind: MediaKind, stream: MediaStream): Promise<void> {
    if (this.current[kind].stream !== stream) return;
    const request = this.release(kind, 'off');
    await this.refreshDevices();
    const remaining = kind === 'camera' ? this.current.cameras : this.current.microphones;
    if (request === this.generation[kind] && remaining.length === 0) this.patch(kind, { status: 'unavailable' });
  }

  /** Stops the kind's stream and invalidates any request still pending for it; returns the new generation. */
  private release(kind: MediaKind, status: MediaStatus, deviceId = this.current[kind].deviceId): number {
    const { stream } = this.current[kind];
    if (stream) stopTracks(stream);
    if (kind === 'camera') {
      this.update({ camera: { status, stream: undefined, deviceId } });
    } else {
      this.stopMeter();
      this.update({ microphone: { status, stream: undefined, deviceId, level: 0 } });
    }
    return ++this.generation[kind];
  }

  private startMeter(stream: MediaStream): void {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    // An interval, not requestAnimationFrame: ten readings a second are plenty for a meter, and
    // the cadence does not depend on the display's frame rate.
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const level = levelOf(samples);
      if (Math.abs(level - this.current.microphone.level) >= LEVEL_STEP) this.update({ microphone: { ...this.current.microphone, level } });
    }, LEVEL_INTERVAL_MS);
    // No resume() after a user gesture is needed: while the page captures the microphone,
    // Chromium's autoplay policy lets the context run (checked in Chromium 156).
    this.meter = { context, timer };
  }

  private stopMeter(): void {
    if (!this.meter) return;
    clearInterval(this.meter.timer);
    void this.meter.context.close();
    this.meter = undefined;
  }

  private async refreshDevices(): Promise<void> {
    if (!this.mediaDevices) return;
    const call = ++this.enumeration;
    let devices: MediaDeviceInfo[];
    try {
      devices = await this.mediaDevices.enumerateDevices();
    } catch {
      return; // The last good lists stay.
    }
    if (call !== this.enumeration || this.stopped) return;
    // Before a grant, browsers list placeholders with empty ids that cannot be opened.
    const options = (kind: MediaDeviceKind): MediaDeviceOption[] =>
      devices.filter((device) => device.kind === kind && device.deviceId !== '').map((device) => ({ id: device.deviceId, label: device.label }));
    const speakers = options('audiooutput');
    const { speakerId } = this.current;
    this.update({
      cameras: options('videoinput'),
      microphones: options('audioinput'),
      speakers,
      speakerId: speakers.some((speaker) => speaker.id === speakerId) ? speakerId : undefined,
    });
  }

  private patch(kind: MediaKind, changes: Partial<CaptureState>): void {
    this.update(kind === 'camera' ? { camera: { ...this.current.camera, ...changes } } : { microphone: { ...this.current.microphone, ...changes } });
  }

  private update(changes: Partial<LocalMediaState>): void {
    this.current = { ...this.current, ...changes };
    if (!this.stopped) this.onChange(this.current);
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function statusAfter(error: unknown): MediaStatus {
  switch ((error as { name?: unknown } | null)?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'unavailable';
    default:
      return 'failed';
  }
}

/** The RMS of one window of samples, in decibels, mapped from `SILENT_DECIBELS`..0 dBFS to 0..1. */
function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const decibels = 20 * Math.log10(Math.sqrt(sum / samples.length));
  return Math.min(1, Math.max(0, 1 - decibels / SILENT_DECIBELS));
}
