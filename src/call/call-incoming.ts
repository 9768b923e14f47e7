import { html, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { micIcon, phoneOffIcon, videoIcon } from '../core/icons.js';
import { iconButton } from './call-controls.js';

export interface IncomingIntents {
  accept: (video: boolean) => void;
  decline: () => void;
}

/** Someone is calling: their name, and round icon buttons to answer with or without video, or decline. */
export function renderIncoming(name: string, strings: AcsStrings['call'], intents: IncomingIntents): TemplateResult {
  return html`<div class="incoming" part="incoming" role="alertdialog" aria-labelledby="incoming-title">
    <p id="incoming-title" dir="auto">${format(strings.incomingCall, { name })}</p>
    <div class="incoming-actions">
      ${iconButton('accept-video-button', strings.acceptVideo, videoIcon(), () => intents.accept(true), { fill: 'accept' })}
      ${iconButton('accept-audio-button', strings.acceptAudio, micIcon(), () => intents.accept(false), { fill: 'accept' })}
      ${iconButton('decline-button', strings.decline, phoneOffIcon(), intents.decline, { fill: 'hang-up' })}
    </div>
  </div>`;
}
