import { html, nothing, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import { ellipsisIcon, micIcon, micOffIcon, monitorUpIcon, phoneOffIcon, usersIcon, videoIcon, videoOffIcon } from '../core/icons.js';
import type { ActiveCallState } from '../calling/active-call.js';
import type { MediaStatus } from './local-media.js';

type CallStrings = AcsStrings['call'];

/** The dialogs the More menu opens during a call. */
export type CallDialog = 'devices' | 'shortcuts';

export interface ControlIntents {
  setMicrophone: (on: boolean) => void;
  setCamera: (on: boolean) => void;
  shareScreen: (on: boolean) => void;
  hold: (on: boolean) => void;
  raiseHand: (up: boolean) => void;
  toggleParticipants: () => void;
  /** Opens or closes the More menu; closing with `returnFocus` puts focus back on its button. */
  setMenu: (open: boolean, returnFocus?: boolean) => void;
  openDialog: (dialog: CallDialog) => void;
  hangUp: () => void;
}

export interface ControlsView {
  call: ActiveCallState;
  /** A camera the browser refuses cannot be turned on in the call either. */
  cameraStatus: MediaStatus;
  participantsOpen: boolean;
  menuOpen: boolean;
  /** People in the call, this user included. */
  count: number;
}

/**
 * An icon toggle: one accessible name, `pressed` for the state the name describes ("Mute
 * microphone", pressed = muted), the same text as its tooltip.
 */
export function renderToggle(part: string, label: string, pressed: boolean, icon: TemplateResult, toggle: () => void, disabled = false): TemplateResult {
  return html`<button
    type="button"
    class="control"
    part="control ${part}"
    aria-label=${label}
    title=${label}
    aria-pressed=${pressed ? 'true' : 'false'}
    ?disabled=${disabled}
    @click=${toggle}
  >
    ${icon}
  </button>`;
}

export function microphoneToggle(strings: CallStrings, muted: boolean, status: MediaStatus | undefined, toggle: () => void): TemplateResult {
  return renderToggle('microphone-button', strings.mute, muted, muted ? micOffIcon() : micIcon(), toggle, blocked(status));
}

export function cameraToggle(strings: CallStrings, off: boolean, status: MediaStatus | undefined, toggle: () => void): TemplateResult {
  return renderToggle('camera-button', strings.turnCameraOff, off, off ? videoOffIcon() : videoIcon(), toggle, blocked(status));
}

/** A device the browser refuses (or lacks) cannot be toggled. */
function blocked(status: MediaStatus | undefined): boolean {
  return status === 'denied' || status === 'unavailable';
}

/** The call's toolbar: one row of icon buttons, with hold, raise hand, devices and shortcuts behind More. */
export function renderControls(
  { call, cameraStatus, participantsOpen, menuOpen, count }: ControlsView,
  strings: CallStrings,
  intents: ControlIntents,
): TemplateResult {
  const participants = format(strings.participants, { count: String(count) });
  return html`<div class="controls" part="controls" role="toolbar" aria-label=${strings.label}>
    ${microphoneToggle(strings, call.muted, undefined, () => intents.setMicrophone(call.muted))}
    ${cameraToggle(strings, !call.cameraOn, cameraStatus, () => intents.setCamera(!call.cameraOn))}
    ${renderToggle('share-button', strings.shareScreen, call.screenSharing, monitorUpIcon(), () => intents.shareScreen(!call.screenSharing))}
    <button
      type="button"
      class="control"
      part="control participants-button"
      aria-label=${participants}
      title=${participants}
      aria-expanded=${participantsOpen ? 'true' : 'false'}
      aria-controls="participant-list"
      @click=${intents.toggleParticipants}
    >
      ${usersIcon()}
    </button>
    <div class="more" @focusout=${(event: FocusEvent) => closeOnFocusOut(event, intents)}>
      <button
        type="button"
        class="control"
        part="control more-button"
        aria-label=${strings.more}
        title=${strings.more}
        aria-haspopup="menu"
        aria-expanded=${menuOpen ? 'true' : 'false'}
        aria-controls="more-menu"
        @click=${() => intents.setMenu(!menuOpen)}
      >
        ${ellipsisIcon()}
      </button>
      ${menuOpen ? renderMenu(call, strings, intents) : nothing}
    </div>
    <button type="button" class="control hang-up" part="control hang-up-button" aria-label=${strings.hangUp} title=${strings.hangUp} @click=${intents.hangUp}>
      ${phoneOffIcon()}
    </button>
  </div>`;
}

function renderMenu(call: ActiveCallState, strings: CallStrings, intents: ControlIntents): TemplateResult {
  const then = (action: () => void) => () => {
    intents.setMenu(false, true);
    action();
  };
  return html`<div
    class="menu"
    part="more-menu"
    id="more-menu"
    role="menu"
    aria-label=${strings.more}
    @keydown=${(event: KeyboardEvent) => onMenuKey(event, intents)}
  >
    ${menuItem(
      'hold-button',
      strings.hold,
      then(() => intents.hold(!call.onHold)),
      call.onHold,
    )}
    ${menuItem(
      'raise-hand-button',
      strings.raiseHand,
      then(() => intents.raiseHand(!call.handRaised)),
      call.handRaised,
    )}
    ${menuItem(
      'device-settings-button',
      strings.deviceSettings,
      then(() => intents.openDialog('devices')),
    )}
    ${menuItem(
      'shortcuts-button',
      strings.shortcuts,
      then(() => intents.openDialog('shortcuts')),
    )}
  </div>`;
}

/** A menu item; with `checked`, a `menuitemcheckbox` whose name stays while `aria-checked` carries the state. */
function menuItem(part: string, label: string, activate: () => void, checked?: boolean): TemplateResult {
  return html`<button
    type="button"
    part="menu-item ${part}"
    role=${checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
    aria-checked=${checked === undefined ? nothing : checked ? 'true' : 'false'}
    tabindex="-1"
    @click=${activate}
  >
    ${label}
  </button>`;
}

/** The WAI-ARIA menu keys: arrows, Home and End move, Escape closes back to the button, Tab leaves. */
function onMenuKey(event: KeyboardEvent, intents: ControlIntents): void {
  const menu = event.currentTarget as HTMLElement;
  const items = [...menu.querySelectorAll<HTMLElement>('[tabindex="-1"]')];
  const at = items.indexOf(event.target as HTMLElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 }[event.key];
  if (next !== undefined) {
    event.preventDefault();
    items.at(next % items.length)?.focus();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    intents.setMenu(false, true);
  } else if (event.key === 'Tab') {
    intents.setMenu(false);
  }
}

/** A click or focus anywhere outside the menu and its button closes the menu. */
function closeOnFocusOut(event: FocusEvent, intents: ControlIntents): void {
  const wrapper = event.currentTarget as HTMLElement;
  if (!wrapper.contains(event.relatedTarget as Node | null)) intents.setMenu(false);
}
