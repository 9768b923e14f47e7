import type { EngineLocalVideoStream } from '../call-engine.js';

/** A camera or screen this user sends, over a `MediaStream` the page captured. */
export class FakeLocalVideoStream implements EngineLocalVideoStream {
  readonly mediaStreamType: 'RawMedia' | 'ScreenSharing';
  #source: MediaStream;

  constructor(source: MediaStream, mediaStreamType: 'RawMedia' | 'ScreenSharing') {
    this.#source = source;
    this.mediaStreamType = mediaStreamType;
  }

  getMediaStream(): Promise<MediaStream> {
    return Promise.resolve(this.#source);
  }

  setMediaStream(source: MediaStream): Promise<void> {
    this.#source = source;
    return Promise.resolve();
  }

  dispose(): void {
    // Nothing to release: the tracks belong to whoever captured them.
  }
}
