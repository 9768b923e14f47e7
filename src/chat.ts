import { AcsChat } from './chat/acs-chat.js';
import { define } from './core/define.js';

export { AcsChat };

define('acs-chat', AcsChat);

declare global {
  interface HTMLElementTagNameMap {
    'acs-chat': AcsChat;
  }
}
