import type { EngineCallFeatures } from '../call-engine.js';
import type { FakeDataChannel } from './fake-data-channel.js';
import type { FakeDominantSpeakers } from './fake-dominant-speakers.js';
import type { FakeRaiseHand } from './fake-raise-hand.js';
import type { FakeRecording } from './fake-recording.js';
import type { FakeTranscription } from './fake-transcription.js';

/** The features of a fake call, as `engine.features(call)` returns them. */
export interface FakeCallFeatures extends EngineCallFeatures {
  readonly raiseHand: FakeRaiseHand;
  readonly dominantSpeakers: FakeDominantSpeakers;
  readonly recording: FakeRecording;
  readonly transcription: FakeTranscription;
  readonly dataChannel: FakeDataChannel;
}
