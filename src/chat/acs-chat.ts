import { AcsElement } from '../core/acs-element.js';
import { loadChatSdk } from '../core/chat-sdk.js';
import type { AcsStrings } from '../core/i18n/strings.js';
import { chatStyles } from './acs-chat.styles.js';

/**
 * @summary A chat thread: history, live messages, typing indicators and read receipts.
 *
 * @tagname acs-chat
 */
export class AcsChat extends AcsElement {
  static override styles = [...AcsElement.styles, chatStyles];

  protected override async prepare(): Promise<void> {
    await loadChatSdk();
  }

  protected override label(strings: AcsStrings): string {
    return strings.chat.label;
  }
}
