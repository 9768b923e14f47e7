import { html, nothing, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { formatDuration } from '../calling/format-duration.js';

export interface EndedView {
  /** Why the call ended, in the element's language. */
  reason: string;
  durationSeconds: number;
  /** Whether the element has a target to join again (not one that only answers incoming calls). */
  canRejoin: boolean;
}

export interface EndedIntents {
  rejoin: () => void;
  close: () => void;
}

/** After the call: a centred card with why it ended, how long it lasted, Rejoin and Close (back to the lobby). */
export function renderEnded({ reason, durationSeconds, canRejoin }: EndedView, strings: AcsStrings['call'], intents: EndedIntents): TemplateResult {
  return html`<div class="ended" part="end-screen">
    <div class="card">
      <h2 class="title">${strings.ended}</h2>
      <p>${reason}</p>
      ${durationSeconds > 0 ? html`<p class="muted-text">${format(strings.endedAfter, { duration: formatDuration(durationSeconds) })}</p>` : nothing}
      <div class="actions">
        ${canRejoin ? html`<button type="button" part="rejoin-button" @click=${intents.rejoin}>${strings.rejoin}</button>` : nothing}
        <button type="button" class="secondary" part="close-button" @click=${intents.close}>${strings.close}</button>
      </div>
    </div>
  </div>`;
}
