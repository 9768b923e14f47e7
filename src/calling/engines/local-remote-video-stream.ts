import type { Changed, EngineRemoteVideoStream } from '../call-engine.js';
import { Emitter } from './emitter.js';
import { FakeCallingError } from './fake-calling-error.js';

let lastStreamId = 0;

/** Another member's camera or screen: the track their browser sends, available while they say it is on. */
export class LocalRemoteVideoStream implements EngineRemoteVideoStream {
  readonly id = ++lastStreamId;
  readonly #events = new Emitter<{ isAvailableChanged: [] }>();
  readonly #stream: MediaStream;
  #isAvailable = false;

  constructor(
    readonly mediaStreamType: 'Video' | 'ScreenSharing',
    track: MediaStreamTrack,
  ) {
    this.#stream = new MediaStream([track]);
  }

  get isAvailable(): boolean {
    return this.#isAvailable;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that its errors reject, as the SDK's do
  async getMediaStream(): Promise<MediaStream> {
    if (!this.#isAvailable) {
      throw new FakeCallingError(
        'The remote video stream is no longer available to subscribe to. Wait for a remoteVideoAvailable event before subscribing.',
        412,
        60246,
      );
    }
    return this.#stream;
  }

  on(event: 'isAvailableChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isAvailableChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  /** @internal */
  setAvailable(available: boolean): void {
    if (this.#isAvailable === available) return;
    this.#isAvailable = available;
    this.#events.emit('isAvailableChanged');
  }
}
