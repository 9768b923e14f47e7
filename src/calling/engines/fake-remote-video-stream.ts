import type { Changed, EngineRemoteVideoStream } from '../call-engine.js';
import { Emitter } from './emitter.js';
import { FakeCallingError } from './fake-calling-error.js';
import { paintStream, type PaintedStream } from './painted-stream.js';

let lastRemoteStreamId = 0;

/**
 * A remote camera or screen: an animated canvas (the participant's initials, or a slide naming
 * them, on a colour of their own) captured as a real `MediaStream`, so a `<video>` plays it.
 */
export class FakeRemoteVideoStream implements EngineRemoteVideoStream {
  readonly id = ++lastRemoteStreamId;
  readonly mediaStreamType: 'Video' | 'ScreenSharing';
  readonly #label: string;
  readonly #events = new Emitter<{ isAvailableChanged: [] }>();
  #isAvailable = false;
  #stopped = false;
  #painting: PaintedStream | undefined;

  constructor(mediaStreamType: 'Video' | 'ScreenSharing', label: string) {
    this.mediaStreamType = mediaStreamType;
    this.#label = label;
  }

  get isAvailable(): boolean {
    return this.#isAvailable;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that its errors reject, as the SDK's do
  async getMediaStream(): Promise<MediaStream> {
    if (this.#stopped) {
      throw new FakeCallingError(
        'The remote video stream is no longer available to subscribe to. Wait for a remoteVideoAvailable event before subscribing.',
        412,
        60246,
      );
    }
    this.#painting ??= paintStream(this.#label, this.mediaStreamType);
    return this.#painting.stream;
  }

  on(event: 'isAvailableChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isAvailableChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  /** @internal */
  setAvailable(available: boolean): void {
    if (this.#stopped || this.#isAvailable === available) return;
    this.#isAvailable = available;
    this.#events.emit('isAvailableChanged');
  }

  /** @internal Ends the tracks and the animation. */
  stop(): void {
    this.#stopped = true;
    this.#isAvailable = false;
    this.#painting?.stop();
  }
}
