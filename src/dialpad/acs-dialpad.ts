import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AcsElement } from '../core/acs-element.js';
import { ActionFeedback } from '../core/action-feedback.js';
import { callEndText, type CallEndedView } from '../calling/call-end-reason.js';
import { callEngineFor } from '../calling/call-engine-for.js';
import type { CallEngine, CallState } from '../calling/call-engine.js';
import { callPhase, type CallPhase } from '../calling/call-phase.js';
import { formatDuration } from '../calling/format-duration.js';
import { AcsError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { format, type AcsStrings } from '../core/i18n/strings.js';
import type { AcsSession } from '../core/session.js';
import { dialpadStyles } from './acs-dialpad.styles.js';
import { DialpadController, type DialpadCallView } from './dialpad-controller.js';
import { isDialKey, KeyTonePlayer, toDtmfTone, type DialKey } from './dtmf.js';
import { PressAndHold, renderKeypad } from './keypad.js';
import { LinkedCallController } from './linked-call.js';
import { cleanPastedNumber, countryOptions, isValidCallerId, readPhoneNumber, supportedCountry, type PhoneNumberProblem, type PhoneNumberReading } from './phone-number.js';

type DialpadStrings = AcsStrings['dialpad'];
type OnOff = 'on' | 'off';
/** What the keys do: type the number, send tones into this pad's call, or into the `for` element's call. */
type Mode = 'entry' | 'own-call' | 'linked';

const PROBLEM_TEXT: Record<PhoneNumberProblem, keyof DialpadStrings> = {
  empty: 'empty',
  'too-short': 'tooShort',
  'too-long': 'tooLong',
  invalid: 'invalid',
  'invalid-country': 'invalidCountry',
};

/** How long a key typed on the keyboard stays lit on the keypad. */
const FLASH_MS = 150;

/**
 * Type or tap a number (the keyboard works while focus is anywhere in the element, and the key
 * typed lights up), paste one in any format, then Enter or the call button dials it through the
 * signed-in user's call agent (shared with any `<acs-call>` of the same user). During the call the
 * keys send DTMF tones, Escape hangs up. With `for`, the pad is the keypad of an `<acs-call>`'s
 * call instead: its keys send tones into that call and the call button adds the number to it.
 *
 * @summary Phone (PSTN) calls: number entry with formatting and validation, caller id, and in-call DTMF.
 *
 * @tagname acs-dialpad
 *
 * @event acs-dial - A call to a number is placed (or, with `for`, the number is added to the call). `detail: { phoneNumber }` (E.164).
 * @event acs-dtmf - A key sent a DTMF tone into a call. `detail: { tone }` (`Num0`…`Num9`, `Star`, `Pound`).
 * @event acs-call-state-changed - The pad's own call changed state. `detail: { state }` (the SDK's `CallState`).
 * @event acs-call-ended - The pad's own call ended. `detail: { reason, code, subCode, durationSeconds }`.
 *
 * @csspart dialpad - The dial pad's layout, inside `base`.
 * @csspart country-select - The country or region of national numbers.
 * @csspart display - The phone number field (`<input type="tel">`).
 * @csspart backspace-button - Deletes the last character; held, clears the number.
 * @csspart validation-message - Why the number cannot be called yet.
 * @csspart call-status - The call's state, timer and the other party's name.
 * @csspart timer - The call duration.
 * @csspart remote-name - The other party's name as the call reports it.
 * @csspart keypad - The twelve keys.
 * @csspart key - One key.
 * @csspart controls - The row of call buttons.
 * @csspart call-button - Calls the number (or adds it to the linked call: "Add to call").
 * @csspart hang-up-button - Ends the call; takes the call button's place during a call.
 * @csspart control - Any toggle of the controls row.
 * @csspart mute-button - Mute / unmute the microphone.
 * @csspart hold-button - Hold / resume.
 * @csspart key-tones-button - Turns the local key-press tones on or off.
 * @csspart error-message - Why the last action failed.
 *
 * @cssprop --acs-dialpad-width - Maximum width of the dial pad (default 20rem).
 * @cssprop --acs-dialpad-key-size - Height of a key (default 3.25rem).
 * @cssprop --acs-dialpad-key-background - Background of a key.
 * @cssprop --acs-dialpad-key-pressed-background - Background of a key while pressed or typed.
 * @cssprop --acs-dialpad-call-color - Background of the call button.
 * @cssprop --acs-dialpad-hang-up-color - Background of the hang-up button.
 */
export class AcsDialpad extends AcsElement {
  static override styles = [...AcsElement.styles, dialpadStyles];

  /**
   * The ACS phone number (E.164, e.g. `+18005550100`) the called person sees. Phone calls need
   * one: without a valid one the pad explains the configuration error instead of calling.
   */
  @property({ attribute: 'alternate-caller-id' }) alternateCallerId?: string;

  /** Country of numbers typed without `+` (ISO 3166 code, e.g. `US`); default: the language's region, else `US`. */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /** Id of an `<acs-call>` in the same document or shadow root: while it has a call, the pad is its keypad. */
  @property() for?: string;

  /** The local key-press tones: `on` (default) or `off`. The pad's own toggle changes them too. */
  @property({ attribute: 'key-tones' }) keyTones: OnOff = 'on';

  /**
   * The calling implementation: by default ACS's real calling SDK, or the fake
   * engine in emulator mode. Tests set `new FakeCallEngine()` from `acs-elements/testing`.
   */
  @property({ attribute: false }) callEngine?: CallEngine;

  /** What was typed, as dialable characters: digits, `*`, `#` and a leading `+`. */
  @state() private text = '';
  /** The person has typed something: from now on the field says what is wrong with it. */
  @state() private touched = false;
  @state() private selectedCountry: string | undefined;
  @state() private pressedKey: DialKey | undefined;
  /** The toggle's choice; until it is used, `key-tones` decides. */
  @state() private tonesMuted: boolean | undefined;

  private readonly feedback = new ActionFeedback(this, { report: (error) => this.reportError(error), fallback: 'call-failed' });

  private readonly calls = new DialpadController(this, {
    onCallStateChanged: (callState) => {
      emit(this, 'acs-call-state-changed', { state: callState });
      this.feedback.announce(statusText(callState, this.dialledNumber(), this.localize.strings.dialpad));
    },
    onCallEnded: (ended) => {
      emit(this, 'acs-call-ended', ended);
      this.feedback.announce(`${this.localize.strings.dialpad.ended}. ${this.endText(ended)}`);
    },
  });

  private readonly linked = new LinkedCallController(this, () => this.for);
  private readonly tones = new KeyTonePlayer();
  private readonly keyHold = new PressAndHold();
  private readonly backspaceHold = new PressAndHold();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the caret goes after the next render, counted in dialable characters. */
  private pendingCaret: number | undefined;
  private memo: { text: string; country: string; reading: PhoneNumberReading } | undefined;

  /** The number as E.164 (`+14255550100`) when what was typed is a valid number; else `''`. Read-only. */
  get value(): string {
    return this.reading().e164 ?? '';
  }

  /** Calls the number typed, or with `for` adds it to the linked call, as the call button and Enter do. */
  async dial(): Promise<void> {
    const mode = this.mode();
    if (mode === 'own-call') return;
    const phoneNumber = this.reading().e164;
    if (!phoneNumber) {
      this.touched = true;
      this.reportError(new AcsError('invalid-phone-number', 'The number typed is not a valid phone number.'));
      return;
    }
    const linked = this.linked.call;
    if (mode === 'linked' && linked) {
      emit(this, 'acs-dial', { phoneNumber });
      // <acs-call> shows and reports its own failures (a missing caller id of its own, say).
      await linked.addParticipant(phoneNumber).catch(() => undefined);
      return;
    }
    await this.feedback.run(async () => {
      const callerId = this.alternateCallerId?.trim();
      if (!isValidCallerId(callerId)) {
        throw new AcsError('missing-caller-id', 'Phone calls need alternate-caller-id: an ACS phone number of the resource, in E.164 (+18005550100).');
      }
      emit(this, 'acs-dial', { phoneNumber });
      await this.calls.dial(phoneNumber, callerId!);
    });
  }

  /** Ends the pad's own call. */
  async hangUp(): Promise<void> {
    await this.feedback.run(() => this.calls.hangUp());
  }

  constructor() {
    super();
    // A listener on the element itself lives and dies with it: nothing to remove on disconnect.
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.flashTimer);
    this.pressedKey = undefined;
    this.keyHold.cancel();
    this.backspaceHold.cancel();
    void this.tones.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('keyTones')) this.tonesMuted = undefined;
  }

  protected override updated(): void {
    const field = this.field;
    if (this.pendingCaret === undefined || !field) return;
    const caret = caretIndex(field.value, this.pendingCaret);
    this.pendingCaret = undefined;
    if (this.shadowRoot!.activeElement === field) field.setSelectionRange(caret, caret);
  }

  protected override async prepare(session: AcsSession, signal: AbortSignal): Promise<void> {
    const engine = await callEngineFor(session, this.callEngine);
    signal.throwIfAborted();
    await this.calls.attach({ engine, session, displayName: this.displayName ?? session.displayName, signal });
  }

  protected override label(strings: AcsStrings): string {
    return strings.dialpad.label;
  }

  /** The pad works before the SDK has arrived: a number can be typed while the call button gets ready. */
  protected override renderConnecting(): TemplateResult {
    return this.renderPad();
  }

  protected override renderReady(): TemplateResult {
    return this.renderPad();
  }

  private renderPad(): TemplateResult {
    const strings = this.localize.strings.dialpad;
    const view = this.calls.state;
    const mode = this.mode();
    const inCall = mode === 'own-call';
    const reading = this.reading();
    const country = this.country();
    const message = this.touched && reading.problem ? strings[PROBLEM_TEXT[reading.problem]] : '';
    return html`<div class="dialpad" part="dialpad">
      <div class="fields">
        <label class="field">
          <span class="field-label">${strings.country}</span>
          <select part="country-select" ?disabled=${inCall} @change=${this.onCountryChange}>
            ${countryOptions(this.localize.locale).map(
              (option) => html`<option value=${option.code} ?selected=${option.code === country}>${option.name} (+${option.callingCode})</option>`,
            )}
          </select>
        </label>
        <label class="field-label" for="number">${strings.number}</label>
        <div class="number">
          <input
            id="number"
            part="display"
            type="tel"
            inputmode="tel"
            autocomplete="off"
            dir="ltr"
            .value=${live(reading.formatted)}
            ?readonly=${inCall}
            aria-describedby="number-message"
            aria-invalid=${message ? 'true' : 'false'}
            @input=${this.onInput}
            @paste=${this.onPaste}
          />
          <button
            type="button"
            class="backspace"
            part="backspace-button"
            aria-label=${strings.backspace}
            ?disabled=${inCall || this.text === ''}
            @pointerdown=${(event: PointerEvent) => this.backspaceHold.down(event, () => this.edit(''))}
            @pointerup=${() => this.backspaceHold.up()}
            @pointerleave=${(event: PointerEvent) => this.backspaceHold.up(event.buttons !== 0)}
            @pointercancel=${() => this.backspaceHold.cancel()}
            @contextmenu=${(event: Event) => event.preventDefault()}
            @click=${() => this.backspaceHold.clicked() && this.edit(this.text.slice(0, -1))}
          >
            <span aria-hidden="true">⌫</span>
          </button>
        </div>
        <p id="number-message" class="message" part="validation-message">${message}</p>
      </div>
      ${this.renderStatus(view, strings)}
      ${renderKeypad({ pressed: this.pressedKey, holdZeroForPlus: mode === 'entry' }, strings, this.keyHold, {
        press: (key) => this.press(key),
        // `+` only starts a number: held later, the key is just a 0.
        plus: () => this.edit(this.text === '' ? '+' : `${this.text}0`),
      })}
      ${this.renderControls(view, mode, reading, strings)}
      ${this.feedback.render()}
    </div>`;
  }

  private renderStatus(view: DialpadCallView, strings: DialpadStrings): TemplateResult | typeof nothing {
    const { call, ended } = view;
    if (view.phase === 'in-call' && call) {
      const remote = call.participants[0]?.name;
      const connected = call.connectedAt !== undefined && call.callState !== 'Disconnecting' && call.callState !== 'Disconnected';
      return html`<div class="call-status" part="call-status">
        <p class="state">${statusText(call.callState, this.dialledNumber(), strings)}</p>
        ${connected ? html`<time class="timer" part="timer" aria-label=${this.localize.strings.call.duration}>${formatDuration(view.elapsedSeconds)}</time>` : nothing}
        ${remote && remote !== view.phoneNumber ? html`<p class="remote" part="remote-name" dir="auto">${remote}</p>` : nothing}
      </div>`;
    }
    if (view.phase === 'ended' && ended) {
      return html`<div class="call-status" part="call-status">
        <p class="state">${strings.ended}</p>
        <p class="reason">${this.endText(ended)}</p>
      </div>`;
    }
    return nothing;
  }

  private renderControls(view: DialpadCallView, mode: Mode, reading: PhoneNumberReading, strings: DialpadStrings): TemplateResult {
    const inCall = mode === 'own-call';
    const ready = mode === 'linked' || view.agentReady;
    const callState = view.call?.callState;
    const onHold = callState === 'LocalHold';
    const tonesOn = !this.tonesOff();
    // One button that swaps call for hang-up, so that focus stays on it across the change.
    const label = inCall ? strings.hangUp : !ready ? this.localize.strings.call.gettingReady : mode === 'linked' ? strings.addToCall : strings.call;
    return html`<div class="controls" part="controls">
      <button
        type="button"
        class=${inCall ? 'primary hang-up' : 'primary call'}
        part=${inCall ? 'hang-up-button' : 'call-button'}
        ?disabled=${!inCall && (!ready || !reading.e164)}
        aria-busy=${ready ? 'false' : 'true'}
        @click=${() => (inCall ? this.hangUp() : this.dial())}
      >
        ${label}
      </button>
      ${inCall
        ? html`<button type="button" class="toggle" part="control mute-button" aria-pressed=${view.call?.muted ? 'true' : 'false'} @click=${() => this.feedback.run(() => this.calls.mute(!view.call?.muted))}>
              ${view.call?.muted ? strings.unmute : strings.mute}
            </button>
            <button
              type="button"
              class="toggle"
              part="control hold-button"
              aria-pressed=${onHold ? 'true' : 'false'}
              ?disabled=${callState !== 'Connected' && !onHold}
              @click=${() => this.feedback.run(() => this.calls.hold(!onHold))}
            >
              ${onHold ? strings.resume : strings.hold}
            </button>`
        : nothing}
      <button type="button" class="toggle" part="control key-tones-button" aria-pressed=${tonesOn ? 'true' : 'false'} @click=${() => (this.tonesMuted = tonesOn)}>
        ${strings.keyTones}
      </button>
    </div>`;
  }

  private get field(): HTMLInputElement | null {
    return this.shadowRoot?.querySelector<HTMLInputElement>('#number') ?? null;
  }

  private mode(): Mode {
    if (this.calls.state.phase === 'in-call') return 'own-call';
    return this.linked.call ? 'linked' : 'entry';
  }

  /** The selected country, else `default-country`, else the region of the page's language, else the US. */
  private country(): string {
    return this.selectedCountry ?? supportedCountry(this.defaultCountry) ?? supportedCountry(regionOf(this.closest('[lang]')?.getAttribute('lang') ?? navigator.language)) ?? 'US';
  }

  private reading(): PhoneNumberReading {
    const country = this.country();
    if (this.memo?.text !== this.text || this.memo.country !== country) this.memo = { text: this.text, country, reading: readPhoneNumber(this.text, country) };
    return this.memo.reading;
  }

  private dialledNumber(): string {
    const number = this.calls.state.phoneNumber ?? '';
    return readPhoneNumber(number, undefined).formatted || number;
  }

  private endText(ended: CallEndedView): string {
    return callEndText(ended.reason, this.localize.strings);
  }

  private tonesOff(): boolean {
    return this.tonesMuted ?? this.keyTones === 'off';
  }

  private edit(text: string): void {
    this.text = cleanPastedNumber(text);
    if (this.text) this.touched = true;
  }

  /** A key of the keypad, clicked or typed outside the number field. */
  private press(key: DialKey): void {
    this.playTone(key);
    const mode = this.mode();
    if (mode === 'entry') {
      this.edit(this.text + key);
      return;
    }
    const tone = toDtmfTone(key);
    if (mode === 'own-call') {
      // The SDK takes tones once the call has connected, and not on hold.
      if (!this.calls.acceptsTones) return;
      void this.feedback.run(() => this.calls.sendDtmf(tone));
    } else {
      const call = this.linked.call;
      if (!call) return;
      void this.linked.sendDtmf(call, tone).catch(() => undefined);
    }
    emit(this, 'acs-dtmf', { tone });
  }

  private playTone(key: DialKey): void {
    this.tones.muted = this.tonesOff();
    try {
      this.tones.play(key);
    } catch {
      // No Web Audio here: the pad works silently.
    }
  }

  private flash(key: DialKey): void {
    this.pressedKey = key;
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => (this.pressedKey = undefined), FLASH_MS);
  }



  private readonly onCountryChange = (event: Event) => {
    this.selectedCountry = (event.target as HTMLSelectElement).value;
  };

  /** Typing in the field: keep the dialable characters, format them, and keep the caret where it was. */
  private readonly onInput = (event: InputEvent) => {
    const field = event.target as HTMLInputElement;
    const caret = field.selectionStart ?? field.value.length;
    let text = cleanPastedNumber(field.value);
    let before = cleanPastedNumber(field.value.slice(0, caret)).length;
    const deleting = event.inputType === 'deleteContentBackward' || event.inputType === 'deleteContentForward';
    if (deleting && text === this.text) {
      // Deleting a space or bracket of the formatting deletes the digit beside it.
      const at = event.inputType === 'deleteContentBackward' ? before - 1 : before;
      if (at >= 0 && at < text.length) {
        text = text.slice(0, at) + text.slice(at + 1);
        before = at;
      }
    }
    this.pendingCaret = before;
    this.edit(text);
    // Rejected characters (a letter the keypad does not have, say) must leave the field too.
    this.requestUpdate();
  };

  /** A pasted number keeps its digits and a leading `+`: `(425) 555-0100`, `tel:+44 20 7946 0958`. */
  private readonly onPaste = (event: ClipboardEvent) => {
    const field = event.target as HTMLInputElement;
    if (field.readOnly) return;
    event.preventDefault();
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const head = cleanPastedNumber(cleanPastedNumber(field.value.slice(0, start)) + cleanPastedNumber(event.clipboardData?.getData('text') ?? ''));
    this.pendingCaret = head.length;
    this.edit(head + cleanPastedNumber(field.value.slice(end)));
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const origin = event.composedPath()[0];
    // A select takes letters and digits to pick an option.
    if (origin instanceof HTMLSelectElement) return;
    const mode = this.mode();
    const { key } = event;
    if (key === 'Escape') {
      if (mode !== 'own-call') return;
      event.preventDefault();
      void this.hangUp();
    } else if (key === 'Enter') {
      // A focused button does its own thing on Enter.
      if (origin instanceof HTMLButtonElement) return;
      event.preventDefault();
      void this.dial();
    } else if (isDialKey(key)) {
      // The field types the number itself, but the keys send tones during a call.
      const typesIntoField = origin === this.field && mode !== 'own-call';
      if (!typesIntoField) event.preventDefault();
      if (event.repeat) return;
      this.flash(key);
      if (typesIntoField) this.playTone(key);
      else this.press(key);
    } else if (mode === 'entry' && origin !== this.field && (key === '+' || key === 'Backspace')) {
      event.preventDefault();
      this.edit(key === '+' ? this.text + '+' : this.text.slice(0, -1));
    }
  };
}

/** The status line of a call: `{number}` is the dialled number, formatted. */
const PHASE_TEXT: Record<CallPhase, keyof DialpadStrings> = {
  connecting: 'dialing',
  ringing: 'ringing',
  'in-lobby': 'dialing',
  connected: 'connected',
  'on-hold': 'onHold',
  ended: 'ended',
};

function statusText(state: CallState, number: string, strings: DialpadStrings): string {
  return format(strings[PHASE_TEXT[callPhase(state)]], { number });
}

/** The region of a language tag (`en-GB` → `GB`), else its likely one (`it` → `IT`). */
function regionOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    const locale = new Intl.Locale(tag);
    return locale.region ?? locale.maximize().region;
  } catch {
    return undefined;
  }
}

/** The index in `formatted` just after its `count`-th dialable character. */
function caretIndex(formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/[\d*#+]/.test(formatted[index]!) && ++seen === count) return index + 1;
  }
  return formatted.length;
}
