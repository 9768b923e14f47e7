import { FakeLocalVideoStream } from './fake-local-video-stream.js';

/** A camera this user sends; a call sending it follows `setMediaStream` (another camera picked mid-call). */
export class LocalCameraStream extends FakeLocalVideoStream {
  /** Set by the call that sends this stream. */
  onSourceChanged: ((source: MediaStream) => void) | undefined;

  override async setMediaStream(source: MediaStream): Promise<void> {
    await super.setMediaStream(source);
    this.onSourceChanged?.(source);
  }
}
