import type { CallDirection, CallerInfo } from '@azure/communication-calling';
import type { EngineCallLocator, EngineJoinOptions } from '../call-engine.js';

/** What an agent needs to place a call; see `FakeCallAgent.place`. */
export interface FakeCallPlacement {
  direction: CallDirection;
  options: EngineJoinOptions;
  callerInfo?: CallerInfo;
  locator?: EngineCallLocator;
  /** A one-to-one call ends when its last remote participant leaves; a group call goes on. */
  endsWithLastParticipant: boolean;
}
