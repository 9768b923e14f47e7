import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { afterNextPaint } from '../core/after-paint.js';
import { AcsElement } from '../core/acs-element.js';
import { emit, type AcsParticipant } from '../core/events.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { AcsSession } from '../core/session.js';
import type { ParticipantView } from '../calling/active-call.js';
import { CallElement } from '../calling/call-element.js';
import { callStyles } from './acs-call.styles.js';
import { stageStyles } from './call-stage.styles.js';
import { callCatalog } from './i18n/call-catalog.js';
import type { CallTable } from './i18n/call-strings.js';
import { readCallTarget, type CallTarget } from '../calling/call-target.js';
import { CallController, type CallViewState } from './call-controller.js';
import type { CallEndedView } from '../calling/call-end-reason.js';
import type { CallState, DtmfTone } from '../calling/call-engine.js';
import type { CallDialog } from './call-controls.js';
import { renderEnded } from './call-ended.js';
import { renderIncoming } from './call-incoming.js';
import { renderDevicePickers, renderLobby } from './call-lobby.js';
import { renderStage, stateText, type CallLayout } from './call-stage.js';

type OnOff = 'on' | 'off';

/** Who the element calls: changing any of these during a call leaves that call. */
const CALL_TARGET_PROPERTIES = ['groupId', 'meetingLink', 'roomId', 'callee', 'alternateCallerId'] as const;

/** The control that takes focus when a screen replaces the one that had it. */
const FOCUS_AFTER: Record<CallViewState['phase'], string | undefined> = {
  lobby: 'join-button',
  joining: undefined,
  'in-call': 'microphone-button',
  ended: 'rejoin-button',
};

/**
 * @summary Voice and video calls: lobby with device check, group calls, Teams meetings, Rooms, 1:1 and incoming calls.
 *
 * @tagname acs-call
 *
 * @event acs-call-state-changed - The call's state changed. `detail: { state }` (the SDK's `CallState`).
 * @event acs-incoming-call - Someone is calling (with `incoming`). `detail: { from, displayName }`.
 * @event acs-call-ended - The call ended. `detail: { reason, code, subCode, durationSeconds }`.
 * @event acs-participants-changed - People joined or left. `detail: { participants, joined, left }`.
 * @event acs-data-received - Data from another participant's `sendData()`. `detail: { from, data, text }`.
 *
 * @csspart lobby - The device check before joining.
 * @csspart preview - The camera preview in the lobby, at the camera's aspect ratio, with the camera and microphone toggles over it.
 * @csspart device-problem - The explanation when a camera or microphone is blocked or missing.
 * @csspart level-meter - The microphone level meter.
 * @csspart device-picker - A camera, microphone or speaker selector.
 * @csspart join-button - The button that joins or starts the call.
 * @csspart stage - The call in progress (a dark stage that fills the element).
 * @csspart call-status - The line with the call state, timer and recording indicator.
 * @csspart timer - The call duration.
 * @csspart recording-indicator - Shown while the call is recorded or transcribed.
 * @csspart screen-share - The large view of a shared screen.
 * @csspart gallery - The grid of video tiles.
 * @csspart strip - The row of smaller tiles beside the large view in speaker layout.
 * @csspart video-tile - One participant's tile.
 * @csspart self-tile - This user's own tile (also a `video-tile`); it floats over the stage when others are in the call.
 * @csspart dominant-speaker - The tile of the person speaking most (also a `video-tile`).
 * @csspart participants-panel - The panel with the list of people in the call.
 * @csspart participant-list - The list of people in the call.
 * @csspart controls - The call's toolbar.
 * @csspart control - Any icon button of the toolbar, the lobby preview, the incoming-call prompt and the dialogs.
 * @csspart microphone-button - Mutes the microphone (pressed while muted).
 * @csspart camera-button - Turns the camera off (pressed while off).
 * @csspart share-button - Shares the screen (pressed while sharing).
 * @csspart participants-button - Shows the participants panel.
 * @csspart more-button - Opens the menu with hold, raise hand, device settings and keyboard shortcuts.
 * @csspart more-menu - That menu.
 * @csspart menu-item - Any item of that menu.
 * @csspart hold-button - The menu item that holds and resumes the call (checked while on hold).
 * @csspart raise-hand-button - The menu item that raises and lowers the hand (checked while raised).
 * @csspart device-settings-button - The menu item that opens the device settings.
 * @csspart shortcuts-button - The menu item that lists the keyboard shortcuts.
 * @csspart hang-up-button - Leaves the call.
 * @csspart dialog - The device settings or keyboard shortcuts during a call.
 * @csspart shortcuts - The list of keyboard shortcuts.
 * @csspart close-button - Closes a dialog, or the end screen (back to the lobby).
 * @csspart incoming - The incoming-call prompt.
 * @csspart accept-video-button - Answers the incoming call with the camera on.
 * @csspart accept-audio-button - Answers the incoming call with the camera off.
 * @csspart decline-button - Declines the incoming call.
 * @csspart end-screen - The screen after the call: a card with the reason, the duration, Rejoin and Close.
 * @csspart rejoin-button - Joins the same call again.
 * @csspart error-message - Why the last action failed.
 *
 * @cssprop --acs-call-height - Height of the element when the page does not size it (default 30rem).
 * @cssprop --acs-call-stage-background - Background of the call's stage (default a near-black, in both themes).
 * @cssprop --acs-call-tile-background - Background of a video tile without video.
 * @cssprop --acs-call-speaker-color - Ring around the dominant speaker's tile.
 * @cssprop --acs-call-hang-up-color - Background of the leave and decline buttons.
 */
export class AcsCall extends CallElement<CallTable> {
  static override styles = [...AcsElement.styles, callStyles, stageStyles];

  protected override readonly localize = new LocalizeController(this, callCatalog);

  /** Joins the ACS group call with this id, a GUID (anything else is an `invalid-group-id` error at load). */
  @property({ attribute: 'group-id' }) groupId?: string;

  /** Joins the Teams meeting behind this https link on a Teams host (else an `invalid-meeting-link` error at load). */
  @property({ attribute: 'meeting-link' }) meetingLink?: string;

  /** Joins the ACS Room with this id, the digits the Rooms API returns (else an `invalid-room-id` error at load). */
  @property({ attribute: 'room-id' }) roomId?: string;

  /**
   * Calls people: comma-separated raw ids of ACS or Teams users (`8:acs:…`, `8:orgid:…`), or phone
   * numbers in E.164 (`+14255550100` or `4:+14255550100`, which need `alternate-caller-id`). Any
   * other entry is an `invalid-callee` error at load.
   */
  @property() callee?: string;

  /** The ACS phone number (E.164) shown to phone numbers this element calls. */
  @property({ attribute: 'alternate-caller-id' }) alternateCallerId?: string;

  /** Whether the camera starts on: `on` (default) or `off`. */
  @property() camera: OnOff = 'on';

  /** Whether the microphone starts on: `on` (default) or `off`. */
  @property() microphone: OnOff = 'on';

  /** Rings this element when someone calls the signed-in user while no call is in progress. */
  @property({ type: Boolean }) incoming = false;

  /** `gallery` (default) gives everyone an equal tile; `speaker` shows the person speaking large, the others in a strip. A shared screen always shows large. */
  @property() layout: CallLayout = 'gallery';

  @state() private participantsOpen = false;
  @state() private menuOpen = false;
  @state() private dialog: CallDialog | undefined;
  /** Where focus goes after the next render: the first menu item, or back to the More button. */
  private focusNext: string | undefined;
  private shownPhase: CallViewState['phase'] = 'lobby';
  private focusMovesTo: CallViewState['phase'] | undefined;

  protected override readonly calls = new CallController(this, {
    ...this.callEvents,
    initialMedia: () => ({ camera: this.camera !== 'off', microphone: this.microphone !== 'off' }),
    listenForIncoming: () => this.incoming,
    onParticipantsChanged: (participants, joined, left) => {
      emit(this, 'acs-participants-changed', { participants: participants.map(toPublic), joined: joined.map(toPublic), left: left.map(toPublic) });
      const { call } = this.localize.strings;
      this.feedback.announce(
        [...joined.map(({ name }) => format(call.participantJoined, { name })), ...left.map(({ name }) => format(call.participantLeft, { name }))].join('. '),
      );
    },
    onIncomingCall: (from, displayName) => {
      emit(this, 'acs-incoming-call', { from, displayName });
      this.feedback.announce(format(this.localize.strings.call.incomingCall, { name: displayName }));
    },
    onDataReceived: (from, data) => emit(this, 'acs-data-received', { from, data, text: decodeText(data) }),
    onError: (error) => this.reportError(error),
  });

  /** Joins or places the call described by the target attributes. */
  async start(): Promise<void> {
    await this.feedback.run(async () => this.calls.start(this.target()));
  }

  /** Leaves the call (the others stay in a group call). */
  async hangUp(): Promise<void> {
    await this.feedback.run(() => this.calls.hangUp());
  }

  /** Answers the ringing call, with the camera if `video` is true (the default). */
  async accept(video = true): Promise<void> {
    await this.feedback.run(() => this.calls.accept(video));
  }

  /** Declines the ringing call. */
  async decline(): Promise<void> {
    await this.feedback.run(() => this.calls.decline());
  }

  /** Sends text, bytes or a JSON-serializable value to everyone in the call (`acs-data-received` on their side). */
  async sendData(payload: string | Uint8Array | object): Promise<void> {
    const data = payload instanceof Uint8Array ? payload : new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload));
    await this.feedback.run(() => this.calls.sendData(data));
  }

  /** The SDK's state of the call in progress (`Connected`, `LocalHold`, …), or undefined between calls. */
  get callState(): string | undefined {
    return this.calls.state.call?.callState;
  }

  /** Sends a DTMF tone (`Num0`…`Num9`, `Star`, `Pound`) into the call in progress: IVR menus, PINs. */
  async sendDtmf(tone: DtmfTone): Promise<void> {
    await this.feedback.run(() => this.calls.sendDtmf(tone));
  }

  /** Adds a phone number (E.164) to the call in progress; the callee sees `alternate-caller-id`. */
  async addParticipant(phoneNumber: string): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/require-await -- async makes the synchronous step the promise run() takes
    await this.feedback.run(async () => this.calls.addPhoneParticipant(phoneNumber, this.alternateCallerId));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The calling SDK takes seconds to arrive and start: its download starts once the lobby is on
    // screen (its camera asked for first), in parallel with signing in, and where it will most likely
    // be used it runs at once too. The local emulator's token service is on this machine and its
    // calls never run the SDK; a page developed on localhost against Azure runs it once signed in.
    void afterNextPaint().then(() => {
      if (this.callEngine || !this.isConnected) return;
      this.calls.hintCallingSdk();
      if (!this.tokenServiceIsLocal()) this.calls.prefetchAzureEngine();
    });
  }

  protected override firstUpdated(): void {
    performance.mark('acs-call:first-paint');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && CALL_TARGET_PROPERTIES.some((name) => changed.has(name))) void this.calls.leaveForNewTarget();
    const { phase } = this.calls.state;
    // The button that had focus (join, leave) goes away with its screen: focus follows to the
    // next screen's main control, through the brief "joining" state that has none.
    if (phase !== this.shownPhase && (this.shadowRoot?.activeElement || this.focusMovesTo)) this.focusMovesTo = phase;
    this.shownPhase = phase;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    const control = this.focusNext ?? (this.focusMovesTo && FOCUS_AFTER[this.focusMovesTo]);
    if (!control) return;
    this.focusNext = this.focusMovesTo = undefined;
    this.renderRoot.querySelector<HTMLElement>(`[part~="${control}"]`)?.focus();
  }

  constructor() {
    super();
    // A listener on the element itself lives and dies with it: nothing to remove on disconnect.
    this.addEventListener('keydown', this.onShortcut);
  }

  protected override async prepare(session: AcsSession, signal: AbortSignal): Promise<void> {
    // A malformed target (or, without `incoming`, a missing one) is a configuration error to show
    // at once, before an engine is chosen: the same in emulator mode as on Azure.
    readCallTarget(this, !this.incoming);
    await super.prepare(session, signal);
  }

  /**
   * While the target attributes are wrong, they are part of what the element connects to: fixing
   * (or changing) one signs in again, which clears the error. A valid target changes nothing here.
   */
  protected override connectionTarget(): string {
    try {
      readCallTarget(this, !this.incoming);
      return '';
    } catch {
      return JSON.stringify([this.incoming, ...CALL_TARGET_PROPERTIES.map((name) => this[name])]);
    }
  }

  protected override label(strings: AcsStrings): string {
    return strings.call.label;
  }

  protected override renderConnecting(): TemplateResult {
    return this.renderCall(undefined);
  }

  protected override renderReady(session: AcsSession): TemplateResult {
    return this.renderCall(session);
  }

  private renderCall(session: AcsSession | undefined): TemplateResult {
    const strings = this.localize.strings.call;
    const view = this.calls.state;
    const run = (action: () => Promise<void>) => void this.feedback.run(action);
    const media = {
      setCamera: (on: boolean) => run(() => this.calls.setCamera(on)),
      setMicrophone: (on: boolean) => run(() => this.calls.setMicrophone(on)),
      selectCamera: (id: string) => run(() => this.calls.selectCamera(id)),
      selectMicrophone: (id: string) => run(() => this.calls.selectMicrophone(id)),
      selectSpeaker: (id: string) => run(() => this.calls.selectSpeaker(id)),
    };
    return html`<div class="call">
      ${view.incoming ? renderIncoming(view.incoming.name, strings, { accept: (video) => void this.accept(video), decline: () => void this.decline() }) : nothing}
      ${
        view.phase === 'in-call' && view.call
          ? renderStage(
              {
                call: view.call,
                layout: this.layout,
                selfName: this.displayName ?? session?.displayName ?? '',
                selfVideo: view.media.camera.stream,
                cameraStatus: view.media.camera.status,
                elapsedSeconds: view.elapsedSeconds,
                participantsOpen: this.participantsOpen,
                menuOpen: this.menuOpen,
                dialog: this.dialog,
                devicePickers: renderDevicePickers(view, strings, media),
              },
              strings,
              {
                ...media,
                shareScreen: (on) => run(() => this.calls.shareScreen(on)),
                hold: (on) => run(() => this.calls.hold(on)),
                raiseHand: (up) => run(() => this.calls.raiseHand(up)),
                toggleParticipants: () => (this.participantsOpen = !this.participantsOpen),
                setMenu: (open, returnFocus) => {
                  this.menuOpen = open;
                  // Removing the menu blurs its item, which closes it again: that must not undo the focus return.
                  if (open || returnFocus) this.focusNext = open ? 'menu-item' : 'more-button';
                },
                openDialog: (dialog) => (this.dialog = dialog),
                closeDialog: () => {
                  this.dialog = undefined;
                  this.focusNext = 'more-button';
                },
                hangUp: () => void this.hangUp(),
              },
            )
          : view.phase === 'ended' && view.ended
            ? renderEnded({ reason: this.endText(view.ended), durationSeconds: view.ended.durationSeconds, canRejoin: this.hasTarget() }, strings, {
                rejoin: () => void this.start(),
                close: () => run(() => this.calls.returnToLobby()),
              })
            : renderLobby(view, strings, this.joinLabel(strings), { ...media, join: () => void this.start(), previewShown: () => this.calls.previewShown() })
      }
      ${this.feedback.render()}
    </div>`;
  }

  private hasTarget(): boolean {
    // `||`, not `??`: an empty attribute names no target.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    return Boolean(this.groupId || this.meetingLink || this.roomId || this.callee);
  }

  private joinLabel(strings: AcsStrings['call']): string | undefined {
    if (!this.hasTarget()) return undefined;
    return this.callee ? strings.startCall : strings.join;
  }

  protected override callStateText(state: CallState): string {
    return stateText(state, this.localize.strings.call);
  }

  protected override callEndedText(ended: CallEndedView): string {
    return this.endText(ended);
  }

  /** The call target from the attributes; exactly one is expected, the first present wins. */
  private target(): CallTarget {
    return readCallTarget(this, true);
  }

  private readonly onShortcut = (event: KeyboardEvent) => {
    const call = this.calls.state.call;
    if (!event.altKey || !call || this.calls.state.phase !== 'in-call') return;
    const action = { KeyM: () => this.calls.setMicrophone(call.muted), KeyV: () => this.calls.setCamera(!call.cameraOn), KeyH: () => this.calls.hangUp() }[
      event.code
    ];
    if (!action) return;
    event.preventDefault();
    void this.feedback.run(action);
  };
}

function toPublic(participant: ParticipantView): AcsParticipant {
  return { id: participant.id, displayName: participant.name };
}

function decodeText(data: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}
