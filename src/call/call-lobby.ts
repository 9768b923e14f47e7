import { html, nothing, type TemplateResult } from 'lit';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { CallViewState } from './call-controller.js';
import type { MediaDeviceOption, MediaStatus } from './local-media.js';
import { cameraToggle, microphoneToggle } from './call-controls.js';
import { streamSource } from './stream-source.js';

export interface DeviceIntents {
  selectCamera: (id: string) => void;
  selectMicrophone: (id: string) => void;
  selectSpeaker: (id: string) => void;
}

export interface LobbyIntents extends DeviceIntents {
  setCamera: (on: boolean) => void;
  setMicrophone: (on: boolean) => void;
  join: () => void;
  /** The preview painted its first frame: the microphone may start. */
  previewShown: () => void;
}

type CallStrings = AcsStrings['call'];

/**
 * The device check before a call: the preview at the camera's own shape with the toggles over
 * it, then the pickers, the level meter and the join button. Everything here comes from the
 * browser's media APIs, so it paints before the SDK arrives. `joinLabel` is undefined for an
 * element that only waits for incoming calls: it has nothing to join.
 */
export function renderLobby(view: CallViewState, strings: CallStrings, joinLabel: string | undefined, intents: LobbyIntents): TemplateResult {
  const { media } = view;
  const cameraOn = media.camera.status === 'on';
  const microphoneOn = media.microphone.status === 'on';
  const ready = view.agentReady && view.phase === 'lobby';
  return html`<div class="lobby" part="lobby">
    <div class="preview-area">
      <div class="preview" part="preview">
        ${
          cameraOn
            ? html`<video
                class="self-video"
                aria-label=${strings.preview}
                muted
                autoplay
                playsinline
                @playing=${(event: Event) => onFirstFrame(event.target as HTMLVideoElement, intents.previewShown)}
                @resize=${fitPreview}
                ${streamSource(media.camera.stream)}
              ></video>`
            : html`<p class="preview-placeholder">${media.camera.status === 'starting' ? strings.cameraStarting : strings.cameraOff}</p>`
        }
        <div class="preview-toggles">
          ${microphoneToggle(strings, !microphoneOn, media.microphone.status, () => intents.setMicrophone(!microphoneOn))}
          ${cameraToggle(strings, !cameraOn, media.camera.status, () => intents.setCamera(!cameraOn))}
        </div>
      </div>
    </div>
    <div class="setup">
      <h2 class="title">${strings.lobbyTitle}</h2>
      ${renderProblem(media.camera.status, strings.cameraDenied, strings.cameraUnavailable)}
      ${renderProblem(media.microphone.status, strings.microphoneDenied, strings.microphoneUnavailable)} ${renderDevicePickers(view, strings, intents)}
      <label class="level">
        ${strings.microphoneLevel}
        <meter part="level-meter" min="0" max="1" .value=${microphoneOn ? media.microphone.level : 0}></meter>
      </label>
      ${
        joinLabel === undefined
          ? nothing
          : html`<button type="button" class="join" part="join-button" ?disabled=${!ready} aria-busy=${ready ? 'false' : 'true'} @click=${intents.join}>
              ${ready ? joinLabel : strings.gettingReady}
            </button>`
      }
    </div>
  </div>`;
}

/**
 * Gives the preview the camera's own aspect ratio (the styles size it to fit the space), so
 * nothing of the picture is cropped away; `resize` fires for the first frame and for every
 * change of camera or orientation.
 */
function fitPreview(event: Event): void {
  const video = event.target as HTMLVideoElement;
  if (video.videoHeight) video.style.setProperty('--_ratio', String(video.videoWidth / video.videoHeight));
}

/** Calls `shown` once the video's first frame is on screen (`playing` comes just before it is). */
function onFirstFrame(video: HTMLVideoElement, shown: () => void): void {
  // For `npm run bench` and the lobby tests: when the person first sees themselves.
  if (!performance.getEntriesByName('acs-call:preview-playing').length) performance.mark('acs-call:preview-playing');
  video.requestVideoFrameCallback(() => shown());
}

/** Camera, microphone and speaker selectors: in the lobby, and again during the call. */
export function renderDevicePickers({ media, devices }: CallViewState, strings: CallStrings, intents: DeviceIntents): TemplateResult {
  return html`<div class="devices">
    ${renderPicker(strings.camera, devices.cameras, media.camera.deviceId, strings.unnamedCamera, intents.selectCamera)}
    ${renderPicker(strings.microphone, devices.microphones, media.microphone.deviceId, strings.unnamedMicrophone, intents.selectMicrophone)}
    ${devices.speakers.length ? renderPicker(strings.speaker, devices.speakers, media.speakerId, strings.unnamedSpeaker, intents.selectSpeaker) : nothing}
  </div>`;
}

function renderProblem(status: MediaStatus, denied: string, unavailable: string): TemplateResult | typeof nothing {
  if (status === 'denied') return html`<p class="problem" part="device-problem" role="alert">${denied}</p>`;
  if (status === 'unavailable' || status === 'failed') return html`<p class="problem" part="device-problem" role="status">${unavailable}</p>`;
  return nothing;
}

function renderPicker(
  label: string,
  options: readonly MediaDeviceOption[],
  selected: string | undefined,
  unnamed: string,
  select: (id: string) => void,
): TemplateResult {
  return html`<label class="picker">
    <span>${label}</span>
    <select part="device-picker" ?disabled=${options.length === 0} @change=${(event: Event) => select((event.target as HTMLSelectElement).value)}>
      ${options.map(
        (option, index) =>
          html`<option value=${option.id} ?selected=${option.id === selected}>${option.label || format(unnamed, { number: String(index + 1) })}</option>`,
      )}
    </select>
  </label>`;
}
