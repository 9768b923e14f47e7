import { RealtimeHub, type RealtimeEvent } from '../realtime.js';
import type { TrouterHub } from './trouter-hub.js';

/**
 * The emulator's one publish point for live chat events: the SSE stream gets each event as it
 * always has, and the Trouter hub sends it as ACS's own real-time protocol.
 */
export class RealtimeFanOut extends RealtimeHub {
  constructor(private readonly trouter: TrouterHub) {
    super();
  }

  override publish(recipients: Iterable<string>, event: RealtimeEvent): void {
    // Callers hand in map iterators, which can be read only once.
    const audience = [...recipients];
    super.publish(audience, event);
    this.trouter.publish(audience, event);
  }

  override disconnect(userId: string): void {
    super.disconnect(userId);
    this.trouter.disconnectUser(userId);
  }

  override close(): void {
    super.close();
    this.trouter.close();
  }
}
