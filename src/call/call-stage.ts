import { html, nothing, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { ActiveCallState } from '../calling/active-call.js';
import type { CallState } from '../calling/call-engine.js';
import { callPhase, type CallPhase } from '../calling/call-phase.js';
import { formatDuration } from '../calling/format-duration.js';
import { renderControls, type CallDialog, type ControlIntents } from './call-controls.js';
import { renderAvatar, renderGallery, renderHand, renderMuted, renderTile, type TileView } from './call-tiles.js';
import type { MediaStatus } from './local-media.js';
import { streamSource } from './stream-source.js';

type CallStrings = AcsStrings['call'];

/** `gallery` gives everyone an equal tile; `speaker` shows the dominant speaker large. A screen share always shows large. */
export type CallLayout = 'gallery' | 'speaker';

export interface StageIntents extends ControlIntents {
  closeDialog: () => void;
}

export interface StageView {
  call: ActiveCallState;
  layout: CallLayout;
  selfName: string;
  selfVideo: MediaStream | undefined;
  cameraStatus: MediaStatus;
  elapsedSeconds: number;
  participantsOpen: boolean;
  menuOpen: boolean;
  dialog: CallDialog | undefined;
  /** The device selectors, shared with the lobby. */
  devicePickers: TemplateResult;
}

/** The call in progress: a dark stage with the status line, the tiles, the floating self view, the panel and the controls. */
export function renderStage(view: StageView, strings: CallStrings, intents: StageIntents): TemplateResult {
  const { call, selfName, elapsedSeconds, participantsOpen } = view;
  const self: TileView = {
    id: 'self',
    name: selfName,
    video: call.cameraOn ? view.selfVideo : undefined,
    muted: call.muted,
    handRaised: call.handRaised,
    self: true,
  };
  const count = call.participants.length + 1;
  // With one or two others this user's tile floats over theirs; alone, or with more, it takes a tile of its own.
  const floats = count > 1 && count < 4;
  return html`<div class="stage" part="stage">
    <header class="call-status" part="call-status">
      <span class="state">${call.reconnecting ? strings.reconnecting : stateText(call.callState, strings)}</span>
      ${call.connectedAt !== undefined ? html`<time class="timer" part="timer" aria-label=${strings.duration}>${formatDuration(elapsedSeconds)}</time>` : nothing}
      ${call.recording ? html`<span class="badge" part="recording-indicator">${strings.recording}</span>` : nothing}
      ${call.transcribing ? html`<span class="badge" part="recording-indicator">${strings.transcribing}</span>` : nothing}
    </header>
    <div class="main">
      ${renderTiles(view, floats ? call.participants : [self, ...call.participants], strings)}
      ${
        floats
          ? html`<ul class="self-view" aria-label=${strings.gallery}>
              ${renderTile(self, strings)}
            </ul>`
          : nothing
      }
    </div>
    ${participantsOpen ? renderParticipants(call, self, count, strings) : nothing} ${renderControls({ ...view, count }, strings, intents)}
    ${
      view.dialog
        ? html`<dialog class="dialog" part="dialog" aria-labelledby="dialog-title" @close=${intents.closeDialog}>
            ${renderDialog(view.dialog, view.devicePickers, strings)}
          </dialog>`
        : nothing
    }
  </div>`;
}

/** The gallery, or in speaker layout (and whenever a screen is shared) one large view over a strip of the rest. */
function renderTiles({ call, layout }: StageView, tiles: readonly TileView[], strings: CallStrings): TemplateResult {
  const sharer = call.participants.find((participant) => participant.screen);
  const speaker = call.participants.find((participant) => participant.dominant) ?? call.participants.at(0);
  if (!speaker || (!sharer && layout !== 'speaker')) return renderGallery(tiles, strings);
  return html`<div class="speaker-layout">
    ${
      sharer
        ? html`<figure class="screen-share" part="screen-share">
            <video autoplay playsinline muted aria-label=${format(strings.sharingScreen, { name: sharer.name })} ${streamSource(sharer.screen)}></video>
          </figure>`
        : html`<ul class="spotlight" aria-label=${strings.gallery}>
            ${renderTile(speaker, strings)}
          </ul>`
    }
    ${renderGallery(sharer ? tiles : tiles.filter((tile) => tile !== speaker), strings, 'strip')}
  </div>`;
}

function renderParticipants(call: ActiveCallState, self: TileView, count: number, strings: CallStrings): TemplateResult {
  const label = format(strings.participants, { count: String(count) });
  const people: readonly TileView[] = [self, ...call.participants];
  // The list is focusable so that a long one scrolls from the keyboard. Names are isolated (<bdi>) in a
  // label that keeps the element's direction, so they line up at the start of the row in RTL too.
  return html`<section class="panel" part="participants-panel" aria-labelledby="panel-title">
    <h2 class="panel-title" id="panel-title">${label}</h2>
    <ul class="participant-list" part="participant-list" id="participant-list" aria-label=${label} tabindex="0">
      ${people.map(
        (person) =>
          html`<li>
            ${renderAvatar(person.name)}<span class="label"><bdi>${person.self ? format(strings.you, { name: person.name }) : person.name}</bdi></span
            >${renderHand(person.handRaised, strings)}${renderMuted(person.muted, strings)}
          </li>`,
      )}
    </ul>
  </section>`;
}

function renderDialog(dialog: CallDialog, devicePickers: TemplateResult, strings: CallStrings): TemplateResult {
  const title = dialog === 'devices' ? strings.deviceSettings : strings.shortcuts;
  return html`<form method="dialog" class="dialog-header">
      <h2 id="dialog-title">${title}</h2>
      <button class="secondary" part="close-button">${strings.close}</button>
    </form>
    ${
      dialog === 'devices'
        ? devicePickers
        : html`<ul class="shortcuts" part="shortcuts">
            <li>${strings.shortcutMute}</li>
            <li>${strings.shortcutCamera}</li>
            <li>${strings.shortcutHangUp}</li>
          </ul>`
    }`;
}

const PHASE_TEXT: Record<CallPhase, keyof CallStrings> = {
  connecting: 'connecting',
  ringing: 'ringing',
  'in-lobby': 'inLobby',
  connected: 'connected',
  'on-hold': 'onHold',
  ended: 'ended',
};

export function stateText(state: CallState, strings: CallStrings): string {
  return strings[PHASE_TEXT[callPhase(state)]];
}
