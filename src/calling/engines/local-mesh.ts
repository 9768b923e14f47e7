import { LocalPeer, type MediaSlot, type OutgoingMedia, type VideoQuality } from './local-peer.js';

/**
 * The camera's encoding by how many others it is sent to: each browser encodes it once per
 * member, so with more members each copy is smaller (a machine and an uplink have to carry all).
 */
function cameraQuality(others: number): VideoQuality {
  if (others <= 1) return { scaleResolutionDownBy: 1, maxFramerate: 30, maxBitrate: 1_500_000 };
  if (others <= 3) return { scaleResolutionDownBy: 2, maxFramerate: 15, maxBitrate: 400_000 };
  return { scaleResolutionDownBy: 2, maxFramerate: 12, maxBitrate: 250_000 };
}
import type { PeerSignal } from './local-protocol.js';

export interface LocalMeshEvents {
  signal(to: string, payload: PeerSignal): void;
  track(from: string, track: MediaStreamTrack, streamId: string): void;
  connection(userId: string, connected: boolean): void;
  data(from: string, bytes: Uint8Array): void;
}

/**
 * The media of one local call: a peer connection to every other member (a mesh: each browser
 * sends to each), what this browser sends on all of them, and the others' voices, which it plays
 * (the SDK plays remote audio itself; the element's videos are muted).
 */
export class LocalMesh implements OutgoingMedia {
  readonly tracks: Record<MediaSlot, MediaStreamTrack | null> = { audio: null, camera: null, screen: null };
  readonly streams: Record<MediaSlot, MediaStream> = { audio: new MediaStream(), camera: new MediaStream(), screen: new MediaStream() };
  private readonly peers = new Map<string, LocalPeer>();
  private readonly players = new Map<string, HTMLAudioElement>();
  private silenced = false;

  constructor(
    private readonly localUserId: string,
    private readonly iceServers: () => RTCIceServer[],
    private readonly playsOthers: boolean,
    private readonly events: LocalMeshEvents,
  ) {}

  /** Opens the connection to `userId`; either side may offer first (perfect negotiation). */
  connect(userId: string): void {
    if (this.peers.has(userId)) return;
    const peer = new LocalPeer(this.localUserId < userId, this.iceServers(), this, {
      signal: (payload) => this.events.signal(userId, payload),
      track: (track, streamId) => {
        if (track.kind === 'audio' && this.playsOthers) this.play(userId, track);
        this.events.track(userId, track, streamId);
      },
      connection: (state) => this.events.connection(userId, state === 'connected'),
      data: (bytes) => this.events.data(userId, bytes),
    });
    this.peers.set(userId, peer);
    this.adaptCamera();
  }

  disconnect(userId: string): void {
    this.peers.get(userId)?.close();
    this.peers.delete(userId);
    const player = this.players.get(userId);
    if (player) player.srcObject = null;
    this.players.delete(userId);
    this.adaptCamera();
  }

  async receive(from: string, payload: PeerSignal): Promise<void> {
    await this.peers.get(from)?.receive(payload);
  }

  /** Sends `track` (or stops sending) on every connection, now and to those who join later. */
  async setTrack(slot: MediaSlot, track: MediaStreamTrack | null): Promise<void> {
    this.tracks[slot] = track;
    await Promise.all([...this.peers.values()].map((peer) => peer.setTrack(slot, track)));
  }

  /** To the named members, or to everyone when none is named. */
  sendData(bytes: Uint8Array, to: readonly string[]): void {
    for (const [userId, peer] of this.peers) if (to.length === 0 || to.includes(userId)) peer.sendData(bytes);
  }

  /** How loud each member's microphone arrives. */
  async audioLevels(): Promise<Map<string, number>> {
    const levels = await Promise.all([...this.peers].map(async ([userId, peer]) => [userId, await peer.audioLevel().catch(() => 0)] as const));
    return new Map(levels);
  }

  /** Stops playing the others (on hold), or plays them again. */
  silence(silenced: boolean): void {
    this.silenced = silenced;
    for (const player of this.players.values()) player.muted = silenced;
  }

  close(): void {
    for (const userId of [...this.peers.keys()]) this.disconnect(userId);
  }

  private adaptCamera(): void {
    const quality = cameraQuality(this.peers.size);
    for (const peer of this.peers.values()) void peer.setCameraQuality(quality);
  }

  private play(userId: string, track: MediaStreamTrack): void {
    const player = this.players.get(userId) ?? new Audio();
    this.players.set(userId, player);
    player.muted = this.silenced;
    player.srcObject = new MediaStream([track]);
    // Blocked without a user gesture on the page; joining a call is one.
    player.play().catch(() => undefined);
  }
}
