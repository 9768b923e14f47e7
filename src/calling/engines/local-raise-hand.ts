import type { CommunicationUserKind } from '@azure/communication-common';
import type { EngineCall } from '../call-engine.js';
import { FakeRaiseHand } from './fake-raise-hand.js';

/** Raised hands of a local call: this user's go to the others through the emulator; theirs arrive in their member state. */
export class LocalRaiseHand extends FakeRaiseHand {
  constructor(
    call: Pick<EngineCall, 'state'>,
    localUser: CommunicationUserKind,
    private readonly changed: () => void,
  ) {
    super(call, localUser, 0);
  }

  override async raiseHand(): Promise<void> {
    await super.raiseHand();
    this.changed();
  }

  override async lowerHand(): Promise<void> {
    await super.lowerHand();
    this.changed();
  }
}
