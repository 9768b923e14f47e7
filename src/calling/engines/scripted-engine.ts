/*
 * A stand-in for @azure/communication-calling behind the `CallEngine` contract, for headless tests
 * and demos: no network, no 1.8 MB SDK (only its types are imported). Calls go through the SDK's
 * state names, events, end reasons and error codes, a little later than asked, as real ones do;
 * tests script the other side of the call (see `FakeCall` and `FakeRemoteParticipant`).
 *
 * One class a file in this folder; this module is the engine's public face, which
 * `acs-elements/testing` re-exports.
 */
export { callEndReasons } from './call-end-reasons.js';
export { FakeCall } from './fake-call.js';
export { FakeCallAgent } from './fake-call-agent.js';
export { FakeCallClient } from './fake-call-client.js';
export { FakeCallEngine } from './fake-call-engine.js';
export type { FakeCallEngineOptions, PhoneCalleeAnswer } from './fake-call-engine-options.js';
export type { FakeCallFeatures } from './fake-call-features.js';
export type { FakeCallPlacement } from './fake-call-placement.js';
export { FakeCallingError } from './fake-calling-error.js';
export { FakeDataChannel } from './fake-data-channel.js';
export { FakeDataChannelReceiver } from './fake-data-channel-receiver.js';
export { FakeDataChannelSender, type SentDataMessage } from './fake-data-channel-sender.js';
export { FakeDeviceManager } from './fake-device-manager.js';
export { FakeDominantSpeakers } from './fake-dominant-speakers.js';
export { FakeIncomingCall, type FakeCaller } from './fake-incoming-call.js';
export { FakeLocalVideoStream } from './fake-local-video-stream.js';
export { FakeRaiseHand } from './fake-raise-hand.js';
export { FakeRecording } from './fake-recording.js';
export { FakeRemoteParticipant, type FakeParticipantInit } from './fake-remote-participant.js';
export { FakeRemoteVideoStream } from './fake-remote-video-stream.js';
export { FakeTranscription } from './fake-transcription.js';
