import type { DataChannelReceiver, DataChannelSender, DataChannelSenderOpenOptions } from '@azure/communication-calling';
import type { EngineCall, EngineDataChannel } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { FakeDataChannel } from './fake-data-channel.js';
import type { SentDataMessage } from './fake-data-channel-sender.js';
import { identifierFromRawId } from './identifiers.js';

/** Bytes before the payload on the wire: the channel id, big-endian. */
const HEADER_BYTES = 2;

/** What a local call's data channel sends through: every peer, or the named ones. */
export interface DataChannelTransport {
  readonly state: EngineCall['state'];
  sendData(bytes: Uint8Array, to: readonly string[]): void;
}

/**
 * `sendData()` over the `RTCDataChannel` each peer connection of the call has (ordered and
 * reliable), several SDK channels multiplexed on it by id. Senders check messages as the SDK does
 * (the scripted engine's sender does that); receivers are the scripted engine's too.
 */
export class LocalDataChannel implements EngineDataChannel {
  /** The scripted channel, fed with what arrives; its senders record into `outbox` and are then sent on. */
  readonly #channel: FakeDataChannel;
  readonly #transport: DataChannelTransport;

  constructor(transport: DataChannelTransport) {
    this.#transport = transport;
    // The scripted sender only ever `push`es what it accepted into its call's `sentData`: here that sends it.
    const outbox = { push: (...messages: SentDataMessage[]) => this.#send(messages) };
    this.#channel = new FakeDataChannel({
      get state() {
        return transport.state;
      },
      sentData: outbox as unknown as SentDataMessage[],
    });
  }

  createDataChannelSender(options: DataChannelSenderOpenOptions): DataChannelSender {
    return this.#channel.createDataChannelSender(options);
  }

  on(event: 'dataChannelReceiverCreated', listener: (receiver: DataChannelReceiver) => void): void {
    this.#channel.on(event, listener);
  }

  off(event: 'dataChannelReceiverCreated', listener: (receiver: DataChannelReceiver) => void): void {
    this.#channel.off(event, listener);
  }

  /** @internal Bytes from `from`'s data channel. */
  receive(from: string, bytes: Uint8Array): void {
    if (bytes.byteLength <= HEADER_BYTES) return;
    const channelId = (bytes[0] << 8) | bytes[1];
    this.#channel.receive(identifierFromRawId(from), channelId, bytes.subarray(HEADER_BYTES));
  }

  /** @internal `from` left (or, without it, the call ended): their receivers close. */
  closeReceivers(from?: string): void {
    this.#channel.closeReceivers(from === undefined ? undefined : identifierFromRawId(from));
  }

  #send(messages: SentDataMessage[]): number {
    for (const { channelId, data, participants } of messages) {
      const bytes = new Uint8Array(HEADER_BYTES + data.byteLength);
      bytes[0] = channelId >> 8;
      bytes[1] = channelId & 0xff;
      bytes.set(data, HEADER_BYTES);
      this.#transport.sendData(bytes, participants.map(rawIdOf));
    }
    return messages.length;
  }
}
