import { AcsElement } from '../core/acs-element.js';
import { loadCallingSdk } from '../core/calling-sdk.js';
import type { AcsStrings } from '../core/i18n/strings.js';
import { callStyles } from './acs-call.styles.js';

/**
 * @summary Voice and video calls: lobby with device check, group calls, Teams meetings, Rooms and 1:1 calls.
 *
 * @tagname acs-call
 */
export class AcsCall extends AcsElement {
  static override styles = [...AcsElement.styles, callStyles];

  protected override async prepare(): Promise<void> {
    await loadCallingSdk();
  }

  protected override label(strings: AcsStrings): string {
    return strings.call.label;
  }
}
