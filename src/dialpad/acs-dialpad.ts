import { AcsElement } from '../core/acs-element.js';
import { loadCallingSdk } from '../core/calling-sdk.js';
import type { AcsStrings } from '../core/i18n/strings.js';
import { dialpadStyles } from './acs-dialpad.styles.js';

/**
 * @summary Phone (PSTN) calls: number entry, validation and in-call DTMF.
 *
 * @tagname acs-dialpad
 */
export class AcsDialpad extends AcsElement {
  static override styles = [...AcsElement.styles, dialpadStyles];

  protected override async prepare(): Promise<void> {
    await loadCallingSdk();
  }

  protected override label(strings: AcsStrings): string {
    return strings.dialpad.label;
  }
}
