import { AcsDialpad } from './dialpad/acs-dialpad.js';
import { define } from './core/define.js';

export { AcsDialpad };

define('acs-dialpad', AcsDialpad);

declare global {
  interface HTMLElementTagNameMap {
    'acs-dialpad': AcsDialpad;
  }
}
