import type { PeerSignal } from './local-protocol.js';

/** What this browser sends: a track per sender (null while off), and the streams that tell the receiver which is which. */
export interface OutgoingMedia {
  readonly tracks: Readonly<Record<MediaSlot, MediaStreamTrack | null>>;
  readonly streams: Readonly<Record<MediaSlot, MediaStream>>;
}

export type MediaSlot = 'audio' | 'camera' | 'screen';

export interface LocalPeerEvents {
  /** A description or candidate to pass to the other browser. */
  signal(payload: PeerSignal): void;
  /** The other browser's track arrived, in the stream of that id (which names its camera or screen). */
  track(track: MediaStreamTrack, streamId: string): void;
  connection(state: RTCPeerConnectionState): void;
  data(bytes: Uint8Array): void;
}

/**
 * The connection to one other member of a call: an `RTCPeerConnection` with three senders (the
 * microphone, the camera, the screen; tracks swap in and out without renegotiating) and an
 * ordered, reliable data channel, negotiated by the "perfect negotiation" pattern: either side
 * may offer, and when offers cross the polite side (the lower user id) gives way.
 */
export class LocalPeer {
  private readonly pc: RTCPeerConnection;
  private readonly senders: Record<MediaSlot, RTCRtpSender>;
  private readonly channel: RTCDataChannel;
  /** Data sent before the channel opened, in order. */
  private readonly unsent: Uint8Array[] = [];
  private makingOffer = false;
  private ignoreOffer = false;
  private closed = false;

  constructor(
    readonly remoteId: string,
    private readonly polite: boolean,
    iceServers: RTCIceServer[],
    media: OutgoingMedia,
    private readonly events: LocalPeerEvents,
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    const add = (slot: MediaSlot, kind: 'audio' | 'video') =>
      this.pc.addTransceiver(media.tracks[slot] ?? kind, { direction: 'sendrecv', streams: [media.streams[slot]] }).sender;
    this.senders = { audio: add('audio', 'audio'), camera: add('camera', 'video'), screen: add('screen', 'video') };
    // Negotiated with a fixed id on both sides, so neither waits for the other to announce it.
    this.channel = this.pc.createDataChannel('acs-data', { negotiated: true, id: 0, ordered: true });
    this.channel.binaryType = 'arraybuffer';
    this.channel.addEventListener('open', () => {
      for (const bytes of this.unsent.splice(0)) this.channel.send(bytes as Uint8Array<ArrayBuffer>);
    });
    this.channel.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => this.events.data(new Uint8Array(event.data)));
    this.pc.addEventListener('negotiationneeded', () => void this.offer());
    this.pc.addEventListener('icecandidate', ({ candidate }) => this.events.signal({ candidate: candidate?.toJSON() ?? null }));
    this.pc.addEventListener('track', ({ track, streams }) => this.events.track(track, streams[0]?.id ?? ''));
    this.pc.addEventListener('connectionstatechange', () => {
      if (this.pc.connectionState === 'failed') this.pc.restartIce();
      this.events.connection(this.pc.connectionState);
    });
  }

  get connectionState(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** Sends `track` (or nothing) on a sender, without renegotiating. */
  async setTrack(slot: MediaSlot, track: MediaStreamTrack | null): Promise<void> {
    if (!this.closed) await this.senders[slot].replaceTrack(track);
  }

  sendData(bytes: Uint8Array): void {
    if (this.channel.readyState === 'open') this.channel.send(bytes as Uint8Array<ArrayBuffer>);
    else if (this.channel.readyState === 'connecting') this.unsent.push(bytes);
  }

  /** A description or candidate from the other browser. */
  async receive({ description, candidate }: PeerSignal): Promise<void> {
    if (this.closed) return;
    if (description) {
      const collision = description.type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await this.pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await this.pc.setLocalDescription();
        this.events.signal({ description: this.pc.localDescription?.toJSON() });
      }
    } else if (candidate !== undefined) {
      try {
        await this.pc.addIceCandidate(candidate ?? undefined);
      } catch (error) {
        // The candidates of an offer this side ignored fail to apply, and that is expected.
        if (!this.ignoreOffer) throw error;
      }
    }
  }

  /** The loudness (0 to 1) of what the other browser's microphone sends, as this side hears it. */
  async audioLevel(): Promise<number> {
    if (this.closed) return 0;
    const stats = await this.pc.getStats();
    let level = 0;
    stats.forEach((report: { type: string; kind?: string; audioLevel?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') level = Math.max(level, report.audioLevel ?? 0);
    });
    return level;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.close();
    this.pc.close();
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.events.signal({ description: this.pc.localDescription?.toJSON() });
    } catch {
      // Closed meanwhile, or an offer from the other side came first: its answer renegotiates.
    } finally {
      this.makingOffer = false;
    }
  }
}
