import type { CallState } from './call-engine.js';

/** The SDK's ten call states, as the few a person tells apart. */
export type CallPhase = 'connecting' | 'ringing' | 'in-lobby' | 'connected' | 'on-hold' | 'ended';

export function callPhase(state: CallState): CallPhase {
  switch (state) {
    case 'Ringing':
    case 'EarlyMedia':
      return 'ringing';
    case 'InLobby':
      return 'in-lobby';
    case 'Connected':
      return 'connected';
    case 'LocalHold':
    case 'RemoteHold':
      return 'on-hold';
    case 'Disconnecting':
    case 'Disconnected':
      return 'ended';
    default:
      return 'connecting';
  }
}
