import { html, nothing, type TemplateResult } from 'lit';
import { sendHorizontalIcon } from '../core/icons.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { MAX_MESSAGE_BYTES } from './chat-state.js';

/** The counter shows once this little room is left. */
const NEAR_LIMIT_BYTES = 2000;

export interface ComposerOptions {
  strings: AcsStrings['chat'];
  /** Editing a sent message: a banner says so, and the primary action saves. */
  editing: boolean;
  /** UTF-8 size of the text as it would be sent. */
  bytes: number;
  cancel: () => void;
  submit: (event: Event) => void;
  keydown: (event: KeyboardEvent) => void;
  input: () => void;
}

/** The text field (growing with its text), the send (icon) or Save button, and the length counter near ACS's limit. */
export function renderComposer({ strings, editing, bytes, cancel, submit, keydown, input }: ComposerOptions): TemplateResult {
  const left = MAX_MESSAGE_BYTES - bytes;
  const action = editing ? strings.save : strings.send;
  return html`${
      editing
        ? html`<div class="edit-banner" part="edit-banner">
            <span>${strings.editing}</span>
            <button type="button" class="secondary" part="cancel-edit-button" @click=${cancel}>${strings.cancel}</button>
          </div>`
        : nothing
    }
    <form class="composer" part="composer" @submit=${submit}>
      <textarea
        dir="auto"
        rows="1"
        aria-label=${strings.messageField}
        aria-describedby="hint limit"
        aria-invalid=${left < 0 ? 'true' : 'false'}
        placeholder=${strings.placeholder}
        @keydown=${keydown}
        @input=${input}
      ></textarea>
      <span class="visually-hidden" id="hint">${editing ? strings.editingHint : strings.keyboardHint}</span>
      <button type="submit" class="send" part="send-button" aria-label=${action} title=${action} aria-disabled=${left < 0 ? 'true' : 'false'}>
        ${editing ? strings.save : sendHorizontalIcon()}
      </button>
    </form>
    <p class="limit ${left < 0 ? 'over' : ''}" id="limit" part="limit" aria-live="polite">
      ${left < NEAR_LIMIT_BYTES ? format(left < 0 ? strings.overLimit : strings.remaining, { count: String(Math.abs(left)) }) : ''}
    </p>`;
}
