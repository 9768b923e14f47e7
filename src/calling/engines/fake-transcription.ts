import type { Changed, EngineTranscription } from '../call-engine.js';
import { Emitter } from './emitter.js';

/** Transcription. Scripting: `setActive(active)`, or `FakeCall.setTranscription`. */
export class FakeTranscription implements EngineTranscription {
  readonly #events = new Emitter<{ isTranscriptionActiveChanged: [] }>();
  #active = false;

  get isTranscriptionActive(): boolean {
    return this.#active;
  }

  on(event: 'isTranscriptionActiveChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isTranscriptionActiveChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  setActive(active: boolean): void {
    if (this.#active === active) return;
    this.#active = active;
    this.#events.emit('isTranscriptionActiveChanged');
  }
}
