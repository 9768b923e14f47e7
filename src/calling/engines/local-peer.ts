import type { PeerSignal } from './local-protocol.js';

/** What this browser sends: a track per sender (null while off), and the streams that tell the receiver which is which. */
export interface OutgoingMedia {
  readonly tracks: Readonly<Record<MediaSlot, MediaStreamTrack | null>>;
  readonly streams: Readonly<Record<MediaSlot, MediaStream>>;
}

export type MediaSlot = 'audio' | 'camera' | 'screen';

/** How the camera is encoded for one connection: a mesh sends it once per member, so more members get less each. */
export interface VideoQuality {
  scaleResolutionDownBy: number;
  maxFramerate: number;
  maxBitrate: number;
}

export interface LocalPeerEvents {
  /** A description or candidate to pass to the other browser. */
  signal(payload: PeerSignal): void;
  /** The other browser's track arrived, in the stream of that id (which names its camera or screen). */
  track(track: MediaStreamTrack, streamId: string): void;
  connection(state: RTCPeerConnectionState): void;
  data(bytes: Uint8Array): void;
}

/** The order of the three transceivers, which the answering side finds in the offer. */
const SLOTS: readonly MediaSlot[] = ['audio', 'camera', 'screen'];

/**
 * The connection to one other member of a call: an `RTCPeerConnection` with three two-way
 * transceivers (the microphone, the camera, the screen; tracks swap in and out without
 * renegotiating) and an ordered, reliable data channel.
 *
 * The impolite side (the higher user id) opens them and makes the first offer; the polite side
 * takes them over from that offer (sending its own tracks on them), so the first negotiation
 * never has two offers crossing. Any later one (an ICE restart) follows the "perfect
 * negotiation" pattern: either side may offer, and when offers cross the polite side gives way.
 */
export class LocalPeer {
  private readonly pc: RTCPeerConnection;
  /** The senders, once the transceivers exist (at once when offering, with the first offer when answering). */
  private senders: Record<MediaSlot, RTCRtpSender> | undefined;
  private channel: RTCDataChannel | undefined;
  /** Data sent before the channel opened, in order. */
  private readonly unsent: Uint8Array[] = [];
  /** The signals applied so far: the next one waits for them, so an answer never overtakes its offer. */
  private received: Promise<void> = Promise.resolve();
  private makingOffer = false;
  private ignoreOffer = false;
  private cameraQuality: VideoQuality | undefined;
  private closed = false;

  constructor(
    private readonly polite: boolean,
    iceServers: RTCIceServer[],
    private readonly media: OutgoingMedia,
    private readonly events: LocalPeerEvents,
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.addEventListener('negotiationneeded', () => void this.offer());
    this.pc.addEventListener('icecandidate', ({ candidate }) => this.events.signal({ candidate: candidate?.toJSON() ?? null }));
    this.pc.addEventListener('track', ({ track, streams }) => this.events.track(track, streams[0]?.id ?? ''));
    this.pc.addEventListener('datachannel', ({ channel }) => this.useChannel(channel));
    this.pc.addEventListener('connectionstatechange', () => {
      if (this.pc.connectionState === 'failed') this.pc.restartIce();
      if (this.pc.connectionState === 'connected') void this.applyCameraQuality();
      this.events.connection(this.pc.connectionState);
    });
    if (polite) return;
    const add = (slot: MediaSlot) =>
      this.pc.addTransceiver(media.tracks[slot] ?? (slot === 'audio' ? 'audio' : 'video'), { direction: 'sendrecv', streams: [media.streams[slot]] }).sender;
    this.senders = { audio: add('audio'), camera: add('camera'), screen: add('screen') };
    this.useChannel(this.pc.createDataChannel('acs-data', { ordered: true }));
  }

  get connectionState(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** Sends `track` (or nothing) on a sender, without renegotiating. */
  async setTrack(slot: MediaSlot, track: MediaStreamTrack | null): Promise<void> {
    // Before the transceivers exist, the track is taken from `media` when they do.
    if (!this.closed && this.senders) await this.senders[slot].replaceTrack(track);
  }

  /** Encodes the camera at `quality` on this connection, from now on. */
  async setCameraQuality(quality: VideoQuality): Promise<void> {
    this.cameraQuality = quality;
    await this.applyCameraQuality();
  }

  sendData(bytes: Uint8Array): void {
    if (this.channel?.readyState === 'open') this.channel.send(bytes as Uint8Array<ArrayBuffer>);
    else if (!this.channel || this.channel.readyState === 'connecting') this.unsent.push(bytes);
  }

  /** A description or candidate from the other browser, applied after those that came before it. */
  receive(signal: PeerSignal): Promise<void> {
    const applied = this.received.then(() => this.apply(signal));
    // One that fails (a candidate of an ignored offer) must not hold up the next.
    this.received = applied.catch(() => undefined);
    return applied;
  }

  private async apply({ description, candidate }: PeerSignal): Promise<void> {
    if (this.closed) return;
    if (description) {
      const collision = description.type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await this.pc.setRemoteDescription(description);
      if (!this.senders && description.type === 'offer') await this.takeOverTransceivers();
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
    this.channel?.close();
    this.pc.close();
  }

  /** The polite side sends its own tracks on the transceivers of the first offer, in the offerer's order. */
  private async takeOverTransceivers(): Promise<void> {
    const transceivers = this.pc.getTransceivers();
    const senders = Object.fromEntries(SLOTS.map((slot, index) => [slot, transceivers[index].sender])) as Record<MediaSlot, RTCRtpSender>;
    SLOTS.forEach((slot, index) => {
      transceivers[index].direction = 'sendrecv';
      senders[slot].setStreams(this.media.streams[slot]);
    });
    this.senders = senders;
    await Promise.all(SLOTS.map((slot) => senders[slot].replaceTrack(this.media.tracks[slot])));
  }

  private async applyCameraQuality(): Promise<void> {
    const sender = this.senders?.camera;
    const quality = this.cameraQuality;
    if (!sender || !quality || this.closed) return;
    const parameters = sender.getParameters();
    // The encodings exist once the connection is negotiated; until then the quality waits for 'connected'.
    if (parameters.encodings.length === 0) return;
    parameters.encodings = parameters.encodings.map((encoding) => ({ ...encoding, ...quality }));
    await sender.setParameters(parameters).catch(() => undefined);
  }

  private useChannel(channel: RTCDataChannel): void {
    this.channel = channel;
    channel.binaryType = 'arraybuffer';
    channel.addEventListener('open', () => {
      for (const bytes of this.unsent.splice(0)) channel.send(bytes as Uint8Array<ArrayBuffer>);
    });
    channel.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => this.events.data(new Uint8Array(event.data)));
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
