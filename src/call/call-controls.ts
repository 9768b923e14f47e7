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

/** What an icon button says beyond its name: toggle state, the popup or panel it opens. */
export interface IconButtonState {
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  popup?: 'menu';
  disabled?: boolean;
  /** A filled look: red for leaving, green for answering. */
  fill?: 'hang-up' | 'accept';
}

/**
 * A round icon button. A toggle keeps one accessible name and says its state with `pressed`
 * ("Mute microphone", pressed = muted); the name is also the tooltip.
 */
export function iconButton(part: string, label: string, icon: TemplateResult, click: () => void, state: IconButtonState = {}): TemplateResult {
  const flag = (value: boolean | undefined) => (value === undefined ? nothing : String(value));
  return html`<button
    type="button"
    class="control ${state.fill ?? ''}"
    part=${part}
    aria-label=${label}
    title=${label}
    aria-pressed=${flag(state.pressed)}
    aria-expanded=${flag(state.expanded)}
    aria-controls=${state.controls ?? nothing}
    aria-haspopup=${state.popup ?? nothing}
    ?disabled=${state.disabled}
    @click=${click}
  >
    ${icon}
  </button>`;
}

export function microphoneToggle(strings: CallStrings, muted: boolean, status: MediaStatus | undefined, toggle: () => void): TemplateResult {
  return iconButton('control microphone-button', strings.mute, muted ? micOffIcon() : micIcon(), toggle, { pressed: muted, disabled: blocked(status) });
}

export function cameraToggle(strings: CallStrings, off: boolean, status: MediaStatus | undefined, toggle: () => void): TemplateResult {
  return iconButton('control camera-button', strings.turnCameraOff, off ? videoOffIcon() : videoIcon(), toggle, { pressed: off, disabled: blocked(status) });
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
    ${iconButton('control share-button', strings.shareScreen, monitorUpIcon(), () => intents.shareScreen(!call.screenSharing), { pressed: call.screenSharing })}
    ${iconButton('control participants-button', participants, usersIcon(), intents.toggleParticipants, { expanded: participantsOpen, controls: 'participant-list' })}
    <div class="more" @focusout=${(event: FocusEvent) => closeOnFocusOut(event, intents)}>
      ${iconButton('control more-button', strings.more, ellipsisIcon(), () => intents.setMenu(!menuOpen), { expanded: menuOpen, controls: 'more-menu', popup: 'menu' })}
      ${menuOpen ? renderMenu(call, strings, intents) : nothing}
    </div>
    ${iconButton('control hang-up-button', strings.hangUp, phoneOffIcon(), intents.hangUp, { fill: 'hang-up' })}
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
