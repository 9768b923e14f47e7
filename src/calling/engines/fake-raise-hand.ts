import type { LoweredHandListener, RaisedHand, RaisedHandChangedEvent, RaisedHandListener } from '@azure/communication-calling';
import type { CommunicationIdentifierKind, CommunicationUserKind } from '@azure/communication-common';
import type { EngineCall, EngineRaiseHand } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { Emitter, type Listener } from './emitter.js';
import { FakeCallingError } from './fake-calling-error.js';
import { sleep } from './sleep.js';

interface RaiseHandEvents {
  raisedHandEvent: [RaisedHandChangedEvent];
  loweredHandEvent: [RaisedHandChangedEvent];
}

/** Raised hands. Scripting: `raise(identifier)` / `lower(identifier)`, as the service announces them. */
export class FakeRaiseHand implements EngineRaiseHand {
  readonly #call: Pick<EngineCall, 'state'>;
  readonly #localUser: CommunicationUserKind;
  readonly #latencyMs: number;
  readonly #events = new Emitter<RaiseHandEvents>();
  #hands: RaisedHand[] = [];
  #lastOrder = 0;

  constructor(call: Pick<EngineCall, 'state'>, localUser: CommunicationUserKind, latencyMs: number) {
    this.#call = call;
    this.#localUser = localUser;
    this.#latencyMs = latencyMs;
  }

  async raiseHand(): Promise<void> {
    await this.#changeOwnHand();
    this.raise(this.#localUser);
  }

  async lowerHand(): Promise<void> {
    await this.#changeOwnHand();
    this.lower(this.#localUser);
  }

  getRaisedHands(): RaisedHand[] {
    return [...this.#hands];
  }

  on(event: 'raisedHandEvent', listener: RaisedHandListener): void;
  on(event: 'loweredHandEvent', listener: LoweredHandListener): void;
  on(event: keyof RaiseHandEvents, listener: Listener): void {
    this.#events.on(event, listener);
  }

  off(event: 'raisedHandEvent', listener: RaisedHandListener): void;
  off(event: 'loweredHandEvent', listener: LoweredHandListener): void;
  off(event: keyof RaiseHandEvents, listener: Listener): void {
    this.#events.off(event, listener);
  }

  raise(identifier: CommunicationIdentifierKind): void {
    if (identifier.kind !== 'communicationUser' && identifier.kind !== 'microsoftTeamsUser') throw new TypeError('Only ACS and Teams users can raise a hand.');
    if (this.#indexOf(identifier) >= 0) return;
    this.#hands = [...this.#hands, { identifier, order: ++this.#lastOrder }];
    this.#events.emit('raisedHandEvent', { identifier });
  }

  lower(identifier: CommunicationIdentifierKind): void {
    const index = this.#indexOf(identifier);
    if (index < 0) return;
    const [hand] = this.#hands.splice(index, 1);
    this.#hands = [...this.#hands];
    this.#events.emit('loweredHandEvent', { identifier: hand.identifier });
  }

  async #changeOwnHand(): Promise<void> {
    if (this.#call.state !== 'Connected') throw new FakeCallingError('Could not change a participant state.', 500, 45752);
    await sleep(this.#latencyMs);
  }

  #indexOf(identifier: CommunicationIdentifierKind): number {
    const rawId = rawIdOf(identifier);
    return this.#hands.findIndex((hand) => rawIdOf(hand.identifier) === rawId);
  }
}
