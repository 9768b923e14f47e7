import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from './after-paint.js';
import { AcsError, toAcsError } from './errors.js';
import type { AcsSession, SessionSource } from './session.js';

export type ConnectionState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting' }
  | { readonly status: 'ready'; readonly session: AcsSession; readonly refreshError: AcsError | undefined }
  | { readonly status: 'failed'; readonly error: AcsError };

export interface SessionControllerOptions {
  /** Read before every render: a change of source signs in again. */
  source(): SessionSource;
  /** What the element connects to besides its token source (e.g. a chat thread), read before every render: a change reconnects. */
  target?(): string;
  /** Work that must finish before the element is usable, e.g. loading its SDK. */
  prepare(session: AcsSession, signal: AbortSignal): Promise<void>;
  onReady(session: AcsSession): void;
  onError(error: AcsError): void;
  /** Sign in once the element's first frame is on screen, not with its first render: for an element that needs its session only later. */
  afterFirstPaint?: boolean;
}

/**
 * Signs an element in while it is connected: resolves the session, prepares the element, and
 * cancels everything when the element leaves the page or its token source changes.
 */
export class SessionController implements ReactiveController {
  state: ConnectionState = { status: 'idle' };
  private run: AbortController | undefined;
  private signedInWith: SessionSource | undefined;
  private connectedTo: string | undefined;
  /** Lit still updates an element that has left the page; it must not sign in again then. */
  private connected = false;
  private waiters: { resolve(session: AcsSession): void; reject(error: AcsError): void }[] = [];
  private painted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SessionControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostUpdate(): void {
    if (!this.connected) return;
    const source = this.options.source();
    const target = this.options.target?.() ?? '';
    if (!this.signedInWith || !sameSource(this.signedInWith, source) || target !== this.connectedTo) {
      this.connectedTo = target;
      // start() catches its failures and reports them itself (state `failed`, onError, the waiters).
      void this.start(source);
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.signedInWith = undefined;
    this.state = { status: 'idle' };
  }

  /** Settles when signing in has finished: with the session, or the error that stopped it; at once when it already has. */
  settled(): Promise<AcsSession> {
    if (this.state.status === 'ready') return Promise.resolve(this.state.session);
    if (this.state.status === 'failed') return Promise.reject(this.state.error);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Signs in again from scratch, e.g. after an error. */
  retry(): void {
    // As in hostUpdate: start() reports its own failures.
    void this.start(this.options.source());
  }

  private stop(): void {
    this.run?.abort();
    this.run = undefined;
    if (this.state.status === 'ready') this.state.session.dispose();
  }

  private async start(source: SessionSource): Promise<void> {
    this.stop();
    const run = new AbortController();
    this.run = run;
    this.signedInWith = source;
    this.setState({ status: 'connecting' });
    try {
      if (this.options.afterFirstPaint && !this.painted) {
        await afterNextPaint();
        this.painted = true;
        if (run.signal.aborted) return;
      }
      // Its own chunk: the element paints (and a dial pad takes digits) before the sign-in code has arrived.
      const { openSession } = await import('./session.js');
      const session = await openSession(source, {
        signal: run.signal,
        onRefresh: (refreshError) => {
          if (this.state.status !== 'ready' || this.state.session !== session) return;
          this.setState({ ...this.state, refreshError });
          if (refreshError) this.options.onError(refreshError);
        },
      });
      // An aborted run drops its session; dispose() returns nothing, so `return` ends the run with undefined either way.
      // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression
      if (run.signal.aborted) return session.dispose();
      try {
        await this.options.prepare(session, run.signal);
      } catch (error) {
        session.dispose();
        throw error;
      }
      // prepare() took time: the run may have been aborted meanwhile, which TypeScript's narrowing cannot see.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition, @typescript-eslint/no-confusing-void-expression
      if (run.signal.aborted) return session.dispose();
      this.setState({ status: 'ready', session, refreshError: undefined });
      this.options.onReady(session);
      for (const waiter of this.waiters.splice(0)) waiter.resolve(session);
    } catch (error) {
      if (run.signal.aborted) return;
      const failure = toAcsError(error);
      this.setState({ status: 'failed', error: failure });
      this.options.onError(failure);
      for (const waiter of this.waiters.splice(0)) waiter.reject(failure);
    }
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

function sameSource(a: SessionSource, b: SessionSource): boolean {
  return a.tokenProvider === b.tokenProvider && a.tokenProviderName === b.tokenProviderName && a.tokenUrl === b.tokenUrl && a.displayName === b.displayName;
}
