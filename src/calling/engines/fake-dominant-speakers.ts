import type { DominantSpeakersInfo } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { Changed, EngineDominantSpeakers } from '../call-engine.js';
import { Emitter } from './emitter.js';

/** Dominant speakers. Scripting: `setSpeakers(list)`; `FakeRemoteParticipant.speak()` uses it. */
export class FakeDominantSpeakers implements EngineDominantSpeakers {
  readonly #events = new Emitter<{ dominantSpeakersChanged: [] }>();
  #info: DominantSpeakersInfo = { speakersList: [], timestamp: new Date() };

  get dominantSpeakers(): DominantSpeakersInfo {
    return this.#info;
  }

  on(event: 'dominantSpeakersChanged', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'dominantSpeakersChanged', listener: Changed): void {
    this.#events.off(event, listener);
  }

  /** The service names the dominant speakers, most dominant first. */
  setSpeakers(speakersList: readonly CommunicationIdentifierKind[]): void {
    this.#info = { speakersList: [...speakersList], timestamp: new Date() };
    this.#events.emit('dominantSpeakersChanged');
  }
}
