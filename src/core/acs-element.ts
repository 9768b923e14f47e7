import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { errorText } from './error-text.js';
import { causeMessage, type AcsError } from './errors.js';
import { emit, type AcsReadyDetail } from './events.js';
import { isLoopbackHost } from './loopback.js';
import { LocalizeController } from './i18n/localize-controller.js';
import type { AcsStringOverrides, SharedStrings } from './i18n/strings.js';
import type { AcsSession, SessionSource, TokenProvider } from './session.js';
import { SessionController, type ConnectionState } from './session-controller.js';
import { renderConnecting, renderFailure, renderNotice } from './status-view.js';
import { statusStyles } from './styles/status.styles.js';
import { tokenStyles } from './styles/tokens.styles.js';

export type AcsTheme = 'light' | 'dark' | 'auto';

/**
 * What every acs-* element shares: signing in, language, theme, and the connecting and error
 * states. Subclasses say which SDK they need and render their ready state.
 *
 * @event acs-ready - Signed in and usable. `detail: { userId }`.
 * @event acs-error - Something failed. `detail: { code, message, status?, url?, cause? }`: a stable code, the sentence shown, for a failed `token-url` the HTTP status and the URL (without its query string), and the underlying error's own message; never a token.
 *
 * @csspart base - The element's outer frame.
 * @csspart status - The connecting panel.
 * @csspart error - The error panel.
 * @csspart retry-button - The error panel's retry button.
 * @csspart notice - A problem that does not stop the element, e.g. a failed token refresh.
 *
 * @cssprop --acs-color-background - Background colour.
 * @cssprop --acs-color-surface - Background of raised surfaces (bubbles, panels).
 * @cssprop --acs-color-text - Text colour.
 * @cssprop --acs-color-text-muted - Secondary text colour.
 * @cssprop --acs-color-border - Border colour.
 * @cssprop --acs-color-accent - Accent colour (buttons, highlights).
 * @cssprop --acs-color-on-accent - Text on the accent colour.
 * @cssprop --acs-color-danger - Error colour.
 * @cssprop --acs-color-focus - Focus ring colour.
 * @cssprop --acs-radius-s - Small corner radius (buttons).
 * @cssprop --acs-radius-m - Medium corner radius (panels).
 * @cssprop --acs-font-family - Font family.
 * @cssprop --acs-font-size - Base font size.
 * @cssprop --acs-space - Base spacing unit.
 */
export abstract class AcsElement<T extends SharedStrings = SharedStrings> extends LitElement {
  static override styles = [tokenStyles, statusStyles];
  // Typed by name: an inferred type would be spelled out from the DOM lib of the tsc that built
  // the .d.ts, and a consumer's older or newer lib.dom then sees a static side that no longer
  // matches LitElement's (TS2417).
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** URL of the token service: POSTed to for the session and each refresh, with credentials (its cookie) even on another origin. */
  @property({ attribute: 'token-url' }) tokenUrl?: string;

  /** Dotted path of a function on `window` that returns a token or a session, e.g. `app.getAcsToken`. */
  @property({ attribute: 'token-provider' }) tokenProviderName?: string;

  /** A function that returns a token or a session (or a promise of either); wins over the attributes. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** The name others see; sent to the token service and wins over the session's display name. */
  @property({ attribute: 'display-name' }) displayName?: string;

  /** Colour scheme: `light` (default), `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) theme: AcsTheme = 'light';

  /** Language of the element (BCP 47); else the nearest ancestor's `lang`, else the browser's. */
  @property({ reflect: true }) override lang!: string;

  /** Replaces any of the element's strings, e.g. `{ retry: 'Reconnect' }`. */
  @property({ attribute: false }) strings?: AcsStringOverrides;

  /** The element's language and strings: each element brings its own tables, and no other element's. */
  protected abstract readonly localize: LocalizeController<T>;

  protected readonly connection = new SessionController(this, {
    source: (): SessionSource => ({
      tokenProvider: this.tokenProvider,
      tokenProviderName: this.tokenProviderName,
      tokenUrl: this.tokenUrl,
      displayName: this.displayName,
    }),
    target: () => this.connectionTarget(),
    prepare: (session, signal) => this.prepare(session, signal),
    onReady: (session) => emit(this, 'acs-ready', { userId: session.userId }),
    onError: (error) => this.reportError(error),
    afterFirstPaint: this.signsInAfterFirstPaint(),
  });

  /** True for an element that needs its session only later (the dial pad, at the first call): it signs in once on screen. */
  protected signsInAfterFirstPaint(): boolean {
    return false;
  }

  /** Where signing in stands: `idle` (not on a page), `connecting`, `ready` or `failed`. */
  get readyState(): ConnectionState['status'] {
    return this.connection.state.status;
  }

  /**
   * Settles once the element is usable, with what `acs-ready` carries, or rejects with the
   * `AcsError` that stopped it (its `code` as in `acs-error`); at once if either has happened.
   * Awaits readiness without a listener added before the element joined the page.
   */
  async whenReady(): Promise<AcsReadyDetail> {
    const { userId } = await this.connection.settled();
    return { userId };
  }

  /** Work needed before the element is usable (typically loading its SDK). */
  protected abstract prepare(session: AcsSession, signal: AbortSignal): Promise<void>;

  /**
   * What the element connects to besides its token source, as a key: when it changes (a new
   * `thread-id`, say) the element closes what it had open and connects again.
   */
  protected connectionTarget(): string {
    return '';
  }

  /**
   * Whether the token service (`token-url`, else the page's own origin for a provider) is on this
   * machine, as the local emulator's always is. A malformed `token-url` counts as local: it is the
   * session's configuration error to report, and nothing should be fetched for it.
   */
  protected tokenServiceIsLocal(): boolean {
    try {
      return isLoopbackHost(new URL(this.tokenUrl ?? location.href, document.baseURI).hostname);
    } catch {
      return true;
    }
  }

  /** The accessible name of the whole element. */
  protected abstract label(strings: T): string;

  /** The element's own UI, once signed in. */
  protected abstract renderReady(session: AcsSession): TemplateResult;

  /** While signing in; elements that can show something useful already (the call lobby) replace it. */
  protected renderConnecting(): TemplateResult {
    return renderConnecting(this.localize.strings);
  }

  protected override render(): TemplateResult {
    const { strings } = this.localize;
    const { state } = this.connection;
    // The notice and the body are separate parts, so an element whose connecting and ready
    // states share a template (the call lobby, the dial pad) keeps its DOM, focus and typed
    // input when signing in finishes.
    return html`<section part="base" class="base" dir=${this.localize.dir} lang=${this.localize.locale} aria-label=${this.label(strings)}>
      ${state.status === 'ready' && state.refreshError ? renderNotice(state.refreshError, strings, this.localize.dir) : nothing}
      ${
        state.status === 'ready'
          ? this.renderReady(state.session)
          : state.status === 'failed'
            ? renderFailure(state.error, strings, this.localize.dir, () => this.connection.retry())
            : this.renderConnecting()
      }
    </section>`;
  }

  /** Tells the page (`acs-error`) about a failure, and returns the localized sentence the UI shows for it. */
  protected reportError(error: AcsError): string {
    const message = errorText(error, this.localize.strings, this.localize.dir);
    const { status, url } = error.context;
    const cause = causeMessage(error);
    emit(this, 'acs-error', {
      code: error.code,
      message,
      ...(status !== undefined && { status }),
      ...(url !== undefined && { url }),
      ...(cause !== undefined && { cause }),
    });
    return message;
  }
}
