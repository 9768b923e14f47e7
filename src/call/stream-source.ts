import { nothing } from 'lit';
import { AsyncDirective, directive, PartType, type ElementPart, type PartInfo } from 'lit/async-directive.js';
import type { EngineRemoteVideoStream } from '../calling/call-engine.js';

/** A local `MediaStream` the element holds, or a remote stream the SDK hands out asynchronously. */
export type VideoSource = MediaStream | EngineRemoteVideoStream | undefined;

/**
 * Plays a stream in the `<video>` it is placed on: `<video ${streamSource(source)}>`. Remote
 * streams come from the SDK's `getMediaStream()`, which is asynchronous; a stream that arrives
 * after the tile has moved on to another source, or left the page, is ignored.
 */
class StreamSourceDirective extends AsyncDirective {
  private video: HTMLVideoElement | undefined;
  private source: VideoSource;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('streamSource() belongs on a <video> element.');
  }

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- Lit reads the directive's arguments from render()'s signature
  render(_source: VideoSource) {
    return nothing;
  }

  override update(part: ElementPart, [source]: [VideoSource]) {
    this.video = part.element as HTMLVideoElement;
    if (source !== this.source) {
      this.source = source;
      void this.attach(source);
    }
    return nothing;
  }

  protected override disconnected(): void {
    if (this.video) this.video.srcObject = null;
    this.source = undefined;
  }

  private async attach(source: VideoSource): Promise<void> {
    const stream = source === undefined || source instanceof MediaStream ? source : await source.getMediaStream().catch(() => undefined);
    if (!this.video || this.source !== source) return;
    this.video.srcObject = stream ?? null;
    if (stream) this.video.play().catch(() => undefined);
  }
}

export const streamSource = directive(StreamSourceDirective);
