import type { ConnectionState } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { FakeCallingError } from './fake-calling-error.js';
import { RESUME_WINDOW_MS, SIGNALLING_PATH, type ClientMessage, type ServerMessage } from './local-protocol.js';

/** Between reconnection attempts; several fit in the emulator's resume window. */
const RETRY_MS = 700;

export interface LocalSignalEvents {
  /** Any frame but `welcome`. */
  message(message: ServerMessage): void;
  /** 'Connected' when (re)connected; 'Disconnected' while the socket is away. */
  connection(state: ConnectionState): void;
  /** The socket came back too late: the emulator forgot the session, and the calls it held are gone. */
  sessionLost(): void;
}

/**
 * The call agent's WebSocket to the emulator's call signalling: says hello with the user's token,
 * reconnects after a drop and resumes the session, so calls survive a short network loss. Frames
 * sent while the socket is away wait for it.
 */
export class LocalSignal {
  userId = '';
  iceServers: RTCIceServer[] = [];
  private socket: WebSocket | undefined;
  private session: string | undefined;
  private readonly outbox: string[] = [];
  private closed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private droppedAt: number | undefined;

  private constructor(
    private readonly url: string,
    private readonly credential: CommunicationTokenCredential,
    private readonly events: LocalSignalEvents,
  ) {}

  /** Connects to the emulator at `endpoint`; settles once the emulator has welcomed this user. */
  static async open(endpoint: string, credential: CommunicationTokenCredential, events: LocalSignalEvents): Promise<LocalSignal> {
    const url = new URL(SIGNALLING_PATH, endpoint);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const signal = new LocalSignal(url.href, credential, events);
    await signal.connect();
    return signal;
  }

  send(message: ClientMessage): void {
    const frame = JSON.stringify(message);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
    else this.outbox.push(frame);
  }

  /** Says goodbye: the emulator takes this user out of every room at once. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.socket?.close(1000);
  }

  private async connect(): Promise<void> {
    const { token } = await this.credential.getToken();
    const socket = new WebSocket(this.url);
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'hello', token, ...(this.session && { resume: this.session }) })), {
        once: true,
      });
      socket.addEventListener('message', (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as ServerMessage;
        if (message.type !== 'welcome') {
          this.events.message(message);
          return;
        }
        const lost = this.session !== undefined && !message.resumed;
        this.session = message.session;
        this.userId = message.userId;
        this.iceServers = message.iceServers;
        this.droppedAt = undefined;
        for (const frame of this.outbox.splice(0)) socket.send(frame);
        if (lost) this.events.sessionLost();
        this.events.connection('Connected');
        resolve();
      });
      socket.addEventListener('close', (event) => {
        if (this.socket !== socket) return;
        // The SDK's own errors when its agent cannot sign in, or cannot reach the service.
        reject(
          event.code === 4401 ? new FakeCallingError('Failed to get AccessToken', 401, 44110) : new FakeCallingError('Failed to create CallAgent', 408, 40101),
        );
        // Only a session that was welcomed has calls to save.
        if (!this.closed && this.session) this.dropped();
      });
    });
  }

  private dropped(): void {
    if (this.droppedAt === undefined) {
      this.droppedAt = Date.now();
      this.events.connection('Disconnected');
    }
    // Past the emulator's window a resumed session would be a new one: the calls are over either way.
    const retryFor = RESUME_WINDOW_MS * 6;
    if (Date.now() - this.droppedAt > retryFor) {
      this.events.sessionLost();
      return;
    }
    this.retry = setTimeout(() => void this.connect().catch(() => undefined), RETRY_MS);
  }
}
