import type { Changed, EngineRecording } from '../call-engine.js';
import { Emitter } from './emitter.js';

/** Recording. Scripting: `setActive(active)`, or `FakeCall.setRecording`. */
export class FakeRecording implements EngineRecording {
  readonly #events = new Emitter<{ isRecordingActiveChanged: [] }>();
  #active = false;

  get isRecordingActive(): boolean {
    return this.#active;
  }

  on(event: 'isRecordingActiveChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'isRecordingActiveChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  setActive(active: boolean): void {
    if (this.#active === active) return;
    this.#active = active;
    this.#events.emit('isRecordingActiveChanged');
  }
}
