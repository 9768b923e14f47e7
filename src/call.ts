import { AcsCall } from './call/acs-call.js';
import { define } from './core/define.js';

export { AcsCall };

define('acs-call', AcsCall);

declare global {
  interface HTMLElementTagNameMap {
    'acs-call': AcsCall;
  }
}
