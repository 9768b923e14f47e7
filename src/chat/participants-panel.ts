import { html, nothing, type TemplateResult } from 'lit';
import type { AcsStrings } from '../core/i18n/strings.js';
import { avatar } from './chat-message.js';
import type { ChatViewState } from './chat-controller.js';

/**
 * Who is in the thread, the signed-in user marked, typing matched by id (two people may share a
 * name). The list scrolls, so it takes focus (named) for keyboard users to scroll it.
 */
export function renderParticipants(
  participants: ChatViewState['participants'],
  typing: ChatViewState['typing'],
  me: string,
  label: string,
  strings: AcsStrings['chat'],
): TemplateResult {
  return html`<ul class="participants" id="participants" part="participants" aria-label=${label} tabindex="0">
    ${participants.map(
      ({ id, displayName }) =>
        html`<li>
          ${avatar((displayName ||= id))}<span class="name" dir="auto">${displayName}</span>
          ${id === me ? html`<span class="note">${strings.you}</span>` : nothing}
          ${typing.some((person) => person.id === id) ? html`<span class="note typing-now">${strings.typingNow}</span>` : nothing}
        </li>`,
    )}
  </ul>`;
}
