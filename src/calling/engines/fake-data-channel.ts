import type { DataChannelReceiver, DataChannelSenderOpenOptions } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { EngineDataChannel } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { Emitter } from './emitter.js';
import { FakeCallingError } from './fake-calling-error.js';
import { FakeDataChannelReceiver } from './fake-data-channel-receiver.js';
import { FakeDataChannelSender, type FakeDataChannelCall } from './fake-data-channel-sender.js';

/** Without a `channelId` the SDK picks a free one from this range. */
const FIRST_RANDOM_CHANNEL_ID = 1024;
const LAST_CHANNEL_ID = 65535;

/**
 * Data channels. What this user sends lands in `FakeCall.sentData`; scripting: `receive(...)`, or
 * `FakeCall.receiveData`, delivers a message from a participant.
 */
export class FakeDataChannel implements EngineDataChannel {
  readonly #call: FakeDataChannelCall;
  readonly #events = new Emitter<{ dataChannelReceiverCreated: [FakeDataChannelReceiver] }>();
  readonly #senders = new Map<number, FakeDataChannelSender>();
  readonly #receivers = new Map<string, FakeDataChannelReceiver>();

  constructor(call: FakeDataChannelCall) {
    this.#call = call;
  }

  /** Like the SDK: no `channelId` picks a free one, and a new sender on a channel closes the previous one. */
  createDataChannelSender(options: DataChannelSenderOpenOptions): FakeDataChannelSender {
    // `||`, not `??`: a channelId of 0 picks a free one too.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    const channelId = options.channelId || this.#freeChannelId();
    if (!Number.isInteger(channelId) || channelId < 0 || channelId > LAST_CHANNEL_ID) throw new FakeCallingError(`Invalid channel id ${channelId}`, 400, 45303);
    this.#senders.get(channelId)?.close();
    const sender = new FakeDataChannelSender(this.#call, channelId, options.participants ?? []);
    this.#senders.set(channelId, sender);
    return sender;
  }

  on(event: 'dataChannelReceiverCreated', listener: (receiver: DataChannelReceiver) => void): void {
    this.#events.on(event, listener);
  }

  off(event: 'dataChannelReceiverCreated', listener: (receiver: DataChannelReceiver) => void): void {
    this.#events.off(event, listener);
  }

  /** `sender` sends `data` on `channelId`; the first message announces the receiver. */
  receive(sender: CommunicationIdentifierKind, channelId: number, data: Uint8Array): void {
    const key = `${rawIdOf(sender)} ${channelId}`;
    let receiver = this.#receivers.get(key);
    if (!receiver) {
      receiver = new FakeDataChannelReceiver(channelId, sender);
      this.#receivers.set(key, receiver);
      this.#events.emit('dataChannelReceiverCreated', receiver);
    }
    receiver.deliver(data);
  }

  /** Closes the receivers of `sender`'s messages (they left), or every receiver (the call ended). */
  closeReceivers(sender?: CommunicationIdentifierKind): void {
    for (const [key, receiver] of this.#receivers) {
      if (sender && rawIdOf(receiver.senderParticipantIdentifier) !== rawIdOf(sender)) continue;
      this.#receivers.delete(key);
      receiver.close();
    }
  }

  #freeChannelId(): number {
    for (;;) {
      const channelId = FIRST_RANDOM_CHANNEL_ID + Math.floor(Math.random() * (LAST_CHANNEL_ID - FIRST_RANDOM_CHANNEL_ID + 1));
      if (!this.#senders.has(channelId)) return channelId;
    }
  }
}
