import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { ActiveCallState, ParticipantView } from '../calling/active-call.js';
import type { CallState } from '../calling/call-engine.js';
import { callPhase, type CallPhase } from '../calling/call-phase.js';
import { formatDuration } from '../calling/format-duration.js';
import { renderToggle } from './call-lobby.js';
import type { MediaStatus } from './local-media.js';
import { streamSource, type VideoSource } from './stream-source.js';

type CallStrings = AcsStrings['call'];

export interface StageIntents {
  setMicrophone: (on: boolean) => void;
  setCamera: (on: boolean) => void;
  shareScreen: (on: boolean) => void;
  hold: (on: boolean) => void;
  raiseHand: (up: boolean) => void;
  toggleParticipants: () => void;
  hangUp: () => void;
}

export interface StageView {
  call: ActiveCallState;
  selfName: string;
  selfVideo: MediaStream | undefined;
  /** A camera the browser refuses cannot be turned on in the call either. */
  cameraStatus: MediaStatus;
  elapsedSeconds: number;
  participantsOpen: boolean;
  /** The device selectors, shared with the lobby. */
  devicePickers: TemplateResult;
}

/** The call in progress: status line, gallery (screen share first), self view and controls. */
export function renderStage(
  { call, selfName, selfVideo, cameraStatus, elapsedSeconds, participantsOpen, devicePickers }: StageView,
  strings: CallStrings,
  intents: StageIntents,
): TemplateResult {
  const sharer = call.participants.find((participant) => participant.screen);
  const count = call.participants.length + 1;
  return html`<div class="stage" part="stage">
    <header class="call-status" part="call-status">
      <span class="state">${call.reconnecting ? strings.reconnecting : stateText(call.callState, strings)}</span>
      ${call.connectedAt !== undefined ? html`<time class="timer" part="timer" aria-label=${strings.duration}>${formatDuration(elapsedSeconds)}</time>` : nothing}
      ${call.recording ? html`<span class="badge" part="recording-indicator">${strings.recording}</span>` : nothing}
      ${call.transcribing ? html`<span class="badge" part="recording-indicator">${strings.transcribing}</span>` : nothing}
    </header>
    ${sharer ? html`<figure class="screen-share" part="screen-share">${renderVideo(sharer.screen, format(strings.sharingScreen, { name: sharer.name }))}</figure>` : nothing}
    <ul class="gallery" part="gallery" aria-label=${strings.gallery}>
      ${repeat(
        call.participants,
        (participant) => participant.id,
        (participant) => renderTile(participant, strings),
      )}
      <li class="tile self" part="video-tile self-tile">
        ${call.cameraOn && selfVideo ? html`<video muted autoplay playsinline ${streamSource(selfVideo)}></video>` : renderInitials(selfName)}
        <span class="name"
          >${format(strings.you, { name: selfName })}${call.muted ? html` · ${strings.muted}` : nothing}${call.handRaised ? html` · ${strings.handRaised}` : nothing}</span
        >
      </li>
    </ul>
    ${
      participantsOpen
        ? html`<ul class="participant-list" part="participant-list" id="participant-list" aria-label=${format(strings.participants, { count: String(count) })}>
            <li>${format(strings.you, { name: selfName })}</li>
            ${call.participants.map((participant) => html`<li dir="auto">${participant.name}${participantFlags(participant, strings)}</li>`)}
          </ul>`
        : nothing
    }
    <div class="controls" part="controls" role="toolbar" aria-label=${strings.label}>
      ${renderToggle(!call.muted, call.muted ? strings.unmute : strings.mute, undefined, () => intents.setMicrophone(call.muted), 'microphone-button')}
      ${renderToggle(call.cameraOn, call.cameraOn ? strings.turnCameraOff : strings.turnCameraOn, cameraStatus, () => intents.setCamera(!call.cameraOn), 'camera-button')}
      ${renderToggle(call.screenSharing, call.screenSharing ? strings.stopSharing : strings.shareScreen, undefined, () => intents.shareScreen(!call.screenSharing), 'share-button')}
      ${renderToggle(call.onHold, call.onHold ? strings.resume : strings.hold, undefined, () => intents.hold(!call.onHold), 'hold-button')}
      ${renderToggle(call.handRaised, call.handRaised ? strings.lowerHand : strings.raiseHand, undefined, () => intents.raiseHand(!call.handRaised), 'raise-hand-button')}
      <button
        type="button"
        class="toggle"
        part="control participants-button"
        aria-expanded=${participantsOpen ? 'true' : 'false'}
        aria-controls="participant-list"
        @click=${intents.toggleParticipants}
      >
        ${format(strings.participants, { count: String(count) })}
      </button>
      <button type="button" class="hang-up" part="control hang-up-button" @click=${intents.hangUp}>${strings.hangUp}</button>
    </div>
    ${devicePickers}
    <details class="shortcuts" part="shortcuts">
      <summary>${strings.shortcuts}</summary>
      <ul>
        <li>${strings.shortcutMute}</li>
        <li>${strings.shortcutCamera}</li>
        <li>${strings.shortcutHangUp}</li>
      </ul>
    </details>
  </div>`;
}

function renderTile(participant: ParticipantView, strings: CallStrings): TemplateResult {
  return html`<li
    class="tile"
    part=${participant.dominant ? 'video-tile dominant-speaker' : 'video-tile'}
    ?data-dominant=${participant.dominant}
    ?data-speaking=${participant.speaking}
  >
    ${participant.video ? renderVideo(participant.video, participant.name) : renderInitials(participant.name)}
    <span class="name" dir="auto">${participant.name}${participantFlags(participant, strings)}</span>
  </li>`;
}

function participantFlags(participant: ParticipantView, strings: CallStrings): TemplateResult | typeof nothing {
  const flags = [participant.muted ? strings.muted : '', participant.handRaised ? strings.handRaised : ''].filter(Boolean);
  return flags.length ? html`<span class="flags"> · ${flags.join(' · ')}</span>` : nothing;
}

function renderVideo(source: VideoSource, label: string): TemplateResult {
  return html`<video autoplay playsinline muted aria-label=${label} ${streamSource(source)}></video>`;
}

function renderInitials(name: string): TemplateResult {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the first code point, so an astral letter is not split
    .map((word) => [...word][0].toUpperCase())
    .join('');
  return html`<span class="initials" aria-hidden="true">${initials}</span>`;
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
