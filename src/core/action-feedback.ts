import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toAcsError, type AcsError, type AcsErrorCode } from './errors.js';

export interface ActionFeedbackOptions {
  /** Tells the page (`acs-error`) and returns the localized sentence to show. */
  report(error: AcsError): string;
  /** The code of a failure that carries none of its own. */
  fallback: AcsErrorCode;
}

/**
 * What a person hears and sees of the actions they take in an element: a polite announcement of
 * what happened, and why the last action failed until the next one succeeds.
 */
export class ActionFeedback {
  private problem = '';
  private announcement = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ActionFeedbackOptions,
  ) {}

  /** Runs an intent from the UI: a failure is shown and reported, never an unhandled rejection. */
  async run(intent: () => Promise<void>): Promise<void> {
    try {
      await intent();
      this.problem = '';
    } catch (error) {
      this.problem = this.options.report(toAcsError(error, this.options.fallback));
    }
    this.host.requestUpdate();
  }

  announce(text: string): void {
    if (!text) return;
    this.announcement = text;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`${this.problem ? html`<p class="problem" part="error-message" role="alert">${this.problem}</p>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}
