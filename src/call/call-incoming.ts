import { html, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { micIcon, phoneOffIcon, videoIcon } from '../core/icons.js';

export interface IncomingIntents {
  accept: (video: boolean) => void;
  decline: () => void;
}

/** Someone is calling: their name, and round icon buttons to answer with or without video, or decline. */
export function renderIncoming(name: string, strings: AcsStrings['call'], intents: IncomingIntents): TemplateResult {
  return html`<div class="incoming" part="incoming" role="alertdialog" aria-labelledby="incoming-title">
    <p id="incoming-title" dir="auto">${format(strings.incomingCall, { name })}</p>
    <div class="incoming-actions">
      ${answer('accept-video-button', 'accept', strings.acceptVideo, videoIcon(), () => intents.accept(true))}
      ${answer('accept-audio-button', 'accept', strings.acceptAudio, micIcon(), () => intents.accept(false))}
      ${answer('decline-button', 'hang-up', strings.decline, phoneOffIcon(), intents.decline)}
    </div>
  </div>`;
}

function answer(part: string, style: string, label: string, icon: TemplateResult, click: () => void): TemplateResult {
  return html`<button type="button" class="control ${style}" part=${part} aria-label=${label} title=${label} @click=${click}>${icon}</button>`;
}
