import type { DataChannelSender } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';
import type { EngineCall } from '../call-engine.js';
import { FakeCallingError } from './fake-calling-error.js';

/** The SDK's `maxMessageSize` for data channel messages. */
const MAX_DATA_CHANNEL_MESSAGE_BYTES = 32 * 1024;

/** One message sent by this user's data channel sender. */
export interface SentDataMessage {
  channelId: number;
  data: Uint8Array;
  /** The sender's recipients; empty for everyone in the call. */
  participants: readonly CommunicationIdentifier[];
}

/** What a data channel needs from its call (`FakeCall`): its state, and where sent messages go. */
export type FakeDataChannelCall = Pick<EngineCall, 'state'> & { readonly sentData: SentDataMessage[] };

export class FakeDataChannelSender implements DataChannelSender {
  readonly channelId: number;
  readonly maxMessageSize = MAX_DATA_CHANNEL_MESSAGE_BYTES;
  readonly #call: FakeDataChannelCall;
  #participants: readonly CommunicationIdentifier[];
  #closed = false;

  constructor(call: FakeDataChannelCall, channelId: number, participants: readonly CommunicationIdentifier[]) {
    this.#call = call;
    this.channelId = channelId;
    this.#participants = [...participants];
  }

  /** Sends to these participants only; an empty list sends to everyone. */
  setParticipants(participants: CommunicationIdentifier[]): void {
    this.#participants = [...participants];
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that its errors reject, as the SDK's do
  async sendMessage(data: Uint8Array): Promise<void> {
    if (this.#closed) throw new FakeCallingError('The sender has been closed', 400, 45312);
    if (this.#call.state !== 'Connected') throw new FakeCallingError('Sender is not ready', 500, 45301);
    if (data.byteLength === 0) throw new FakeCallingError('Message data is empty', 400, 45308);
    if (data.byteLength > this.maxMessageSize) throw new FakeCallingError('The size of message data is too large', 400, 45309);
    this.#call.sentData.push({ channelId: this.channelId, data: data.slice(), participants: this.#participants });
  }

  close(): void {
    this.#closed = true;
  }
}
