import type { DataChannelMessage, DataChannelReceiver } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { Changed } from '../call-engine.js';
import { Emitter } from './emitter.js';

export class FakeDataChannelReceiver implements DataChannelReceiver {
  readonly channelId: number;
  readonly senderParticipantIdentifier: CommunicationIdentifierKind;
  readonly #events = new Emitter<{ messageReady: []; close: [] }>();
  readonly #messages: DataChannelMessage[] = [];
  #lastSequenceNumber = 0;

  constructor(channelId: number, sender: CommunicationIdentifierKind) {
    this.channelId = channelId;
    this.senderParticipantIdentifier = sender;
  }

  on(event: 'messageReady' | 'close', listener: Changed): void {
    this.#events.on(event, listener);
  }

  off(event: 'messageReady' | 'close', listener: Changed): void {
    this.#events.off(event, listener);
  }

  readMessage(): DataChannelMessage | undefined {
    return this.#messages.shift();
  }

  /** @internal */
  deliver(data: Uint8Array): void {
    this.#messages.push({ sequenceNumber: ++this.#lastSequenceNumber, data: data.slice() });
    this.#events.emit('messageReady');
  }

  /** @internal */
  close(): void {
    this.#events.emit('close');
  }
}
