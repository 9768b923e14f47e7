import type { EngineLocalVideoStream } from '../call-engine.js';
import { FakeCallingError } from './fake-calling-error.js';
import { FakeLocalVideoStream } from './fake-local-video-stream.js';
import { LocalCameraStream } from './local-camera-stream.js';
import type { LocalMesh } from './local-mesh.js';
import { stopTracks } from './stop-tracks.js';

/** What changed in what this user sends: the call's own event of that name. */
export type OutgoingChange = 'isMutedChanged' | 'isLocalVideoStartedChanged' | 'isScreenSharingOnChanged';

/**
 * What this user sends in a local call: the microphone (opened by the call, muted by disabling
 * its track), the camera streams the element hands over, and a shared screen. Every change goes
 * to all connections of the mesh at once, without renegotiating.
 */
export class LocalOutgoing {
  #isMuted: boolean;
  #videos: EngineLocalVideoStream[];
  #screen: MediaStream | undefined;
  #onHold = false;

  constructor(
    private readonly mesh: LocalMesh,
    options: { muted: boolean; video: readonly EngineLocalVideoStream[] },
    private readonly changed: (change: OutgoingChange) => void,
  ) {
    this.#isMuted = options.muted;
    this.#videos = [...options.video];
  }

  get isMuted(): boolean {
    return this.#isMuted;
  }

  get isScreenSharingOn(): boolean {
    return this.#screen !== undefined;
  }

  get isLocalVideoStarted(): boolean {
    return this.#videos.some((stream) => stream.mediaStreamType !== 'ScreenSharing');
  }

  get localVideoStreams(): readonly EngineLocalVideoStream[] {
    return this.#videos;
  }

  /** Starts sending: the microphone the call opened (if any) and the camera it was given. */
  async start(microphone: MediaStreamTrack | undefined): Promise<void> {
    if (microphone) microphone.enabled = !this.#isMuted;
    await this.mesh.setTrack('audio', microphone ?? null);
    await this.#sendCamera();
  }

  setMuted(muted: boolean): void {
    if (this.#isMuted === muted) return;
    this.#isMuted = muted;
    const microphone = this.mesh.tracks.audio;
    if (microphone) microphone.enabled = !muted && !this.#onHold;
    this.changed('isMutedChanged');
  }

  async startVideo(stream: EngineLocalVideoStream): Promise<void> {
    if (this.isLocalVideoStarted) throw new FakeCallingError('Failed to start video, video is already started.', 400, 41027);
    this.#videos = [...this.#videos, stream];
    await this.#sendCamera();
    this.changed('isLocalVideoStartedChanged');
  }

  async stopVideo(stream: EngineLocalVideoStream): Promise<void> {
    if (!this.#videos.includes(stream)) throw new FakeCallingError('Failed to stop video, video is already stopped.', 400, 41030);
    this.#videos = this.#videos.filter((started) => started !== stream);
    await this.#sendCamera();
    this.changed('isLocalVideoStartedChanged');
  }

  /** Shares what the browser's screen picker gives, while `connected()` still holds after it. */
  async startScreenSharing(connected: () => boolean, notConnected: () => Error): Promise<void> {
    if (this.#screen) throw new FakeCallingError('Failed to start screen share, screen share is already started.', 400, 41035);
    if (!connected()) throw notConnected();
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- another share may have started during the await, which narrowing cannot see
    if (!connected() || this.#screen) {
      stopTracks(screen);
      throw notConnected();
    }
    this.#screen = screen;
    this.#videos = [...this.#videos, new FakeLocalVideoStream(screen, 'ScreenSharing')];
    const [track] = screen.getVideoTracks();
    // The browser's own "Stop sharing" button ends the track; the SDK then stops sharing too.
    track.addEventListener('ended', () => void this.#endScreenShare(screen), { once: true });
    await this.mesh.setTrack('screen', track);
    this.changed('isScreenSharingOnChanged');
  }

  async stopScreenSharing(): Promise<void> {
    if (!this.#screen) throw new FakeCallingError('Failed to stop screen share, screen share is already stopped.', 400, 41041);
    await this.#endScreenShare(this.#screen);
  }

  /** On hold nothing is sent or heard; resuming brings back what was on. */
  hold(onHold: boolean): void {
    this.#onHold = onHold;
    const { audio, camera, screen } = this.mesh.tracks;
    if (audio) audio.enabled = !onHold && !this.#isMuted;
    for (const track of [camera, screen]) if (track) track.enabled = !onHold;
    this.mesh.silence(onHold);
  }

  /** Releases what the call opened: the microphone and the shared screen (the camera is the element's). */
  stop(): void {
    this.mesh.tracks.audio?.stop();
    if (this.#screen) stopTracks(this.#screen);
    this.#screen = undefined;
  }

  /** Sends the started camera's track, or none, and follows it when the element switches cameras. */
  async #sendCamera(): Promise<void> {
    const camera = this.#videos.find((stream) => stream.mediaStreamType !== 'ScreenSharing');
    if (camera instanceof LocalCameraStream) camera.onSourceChanged = (source) => void this.mesh.setTrack('camera', source.getVideoTracks()[0] ?? null);
    const source = camera ? await camera.getMediaStream() : undefined;
    await this.mesh.setTrack('camera', source?.getVideoTracks()[0] ?? null);
  }

  async #endScreenShare(screen: MediaStream): Promise<void> {
    if (this.#screen !== screen) return;
    this.#screen = undefined;
    stopTracks(screen);
    this.#videos = this.#videos.filter((stream) => stream.mediaStreamType !== 'ScreenSharing');
    await this.mesh.setTrack('screen', null);
    this.changed('isScreenSharingOnChanged');
  }
}
