import type { Call } from '@azure/communication-calling';
import { loadCallingSdk } from './calling-sdk.js';
import type { CallEngine } from './call-engine.js';

/**
 * The real @azure/communication-calling behind the `CallEngine` contract. Returning the SDK's
 * objects where the contract's types are expected is what checks, at build time, that the SDK
 * still has every member the elements use.
 */
export async function loadSdkEngine(): Promise<CallEngine> {
  const { CallClient, Features, LocalVideoStream } = await loadCallingSdk();
  // `npm run bench` and the lobby tests time the lobby against this moment.
  performance.mark('acs:calling-sdk-loaded');
  return {
    createCallClient: () => new CallClient(),
    createLocalVideoStream: (source) => new LocalVideoStream(source),
    features: (engineCall) => {
      // Every call this engine hands out was made by the SDK's own agent.
      const call = engineCall as Call;
      return {
        get raiseHand() {
          return call.feature(Features.RaiseHand);
        },
        get dominantSpeakers() {
          return call.feature(Features.DominantSpeakers);
        },
        get recording() {
          return call.feature(Features.Recording);
        },
        get transcription() {
          return call.feature(Features.Transcription);
        },
        get dataChannel() {
          return call.feature(Features.DataChannel);
        },
      };
    },
  };
}
