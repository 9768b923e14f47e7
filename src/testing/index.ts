/**
 * Helpers for headless component tests of pages that use acs-elements: an ACS-shaped test token,
 * and a fake calling SDK that never loads @azure/communication-calling or reaches the network.
 * Set an element's `callEngine` (`<acs-call>`'s, for one) to a `FakeCallEngine` before the
 * element connects, then play the other side of the call:
 *
 * ```ts
 * const engine = new FakeCallEngine();
 * element.callEngine = engine;
 * document.body.append(element);
 * const call = await engine.nextCall();
 * call.addRemoteParticipant({ displayName: 'Ana', video: true });
 * ```
 */
export { createTestToken, type TestTokenOptions } from './test-token.js';
export {
  callEndReasons,
  FakeCall,
  FakeCallAgent,
  FakeCallClient,
  FakeCallEngine,
  FakeCallingError,
  FakeDataChannel,
  FakeDataChannelReceiver,
  FakeDataChannelSender,
  FakeDeviceManager,
  FakeDominantSpeakers,
  FakeIncomingCall,
  FakeLocalVideoStream,
  FakeRaiseHand,
  FakeRecording,
  FakeRemoteParticipant,
  FakeRemoteVideoStream,
  FakeTranscription,
  type FakeCallEngineOptions,
  type FakeCaller,
  type FakeCallFeatures,
  type FakeParticipantInit,
  type PhoneCalleeAnswer,
  type SentDataMessage,
} from '../calling/engines/scripted-engine.js';
/** The calling contract an element's `callEngine` implements, to type a fake of your own. */
export type {
  CallEngine,
  EngineCall,
  EngineCallAgent,
  EngineCallChange,
  EngineCallClient,
  EngineCallFeatures,
  EngineCallLocator,
  EngineDataChannel,
  EngineDeviceManager,
  EngineDominantSpeakers,
  EngineIncomingCall,
  EngineJoinOptions,
  EngineLocalVideoStream,
  EngineRaiseHand,
  EngineRecording,
  EngineRemoteParticipant,
  EngineRemoteVideoStream,
  EngineStartCallOptions,
  EngineTranscription,
} from '../calling/call-engine.js';
export { FakeChatClient, type FakeChatClientOptions, type FakeChatSession } from './fake-chat-client.js';
export { FakeChatThreadClient, type FakeChatUser } from './fake-chat-thread.js';
