import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AcsElement } from '../core/acs-element.js';
import { afterNextPaint } from '../core/after-paint.js';
import type { CallEndedView } from '../calling/call-end-reason.js';
import { CallElement } from '../calling/call-element.js';
import type { CallState } from '../calling/call-engine.js';
import { AcsError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { dialpadStyles } from './acs-dialpad.styles.js';
import { renderCallControls } from './call-controls.js';
import { renderCallStatus, statusText } from './call-status.js';
import { DialpadController, missingCallerId } from './dialpad-controller.js';
import { dialpadCatalog } from './i18n/dialpad-catalog.js';
import type { DialpadTable } from './i18n/dialpad-strings.js';
import { KeyTonePlayer, toDtmfTone, type DialKey } from './dtmf.js';
import { routeKey, type DialpadMode } from './key-router.js';
import { PressAndHold, renderKeypad } from './keypad.js';
import { LinkedCallController } from './linked-call.js';
import { NumberEntry } from './number-entry.js';
import { renderNumberField } from './number-field.js';
import { isValidCallerId } from './phone-number.js';

type OnOff = 'on' | 'off';

/** How long a key typed on the keyboard stays lit on the keypad. */
const FLASH_MS = 150;

/**
 * Type or tap a number (the keyboard works while focus is anywhere in the element, and the key
 * typed lights up), paste one in any format or in a sentence (an extension pasted with it is dialled
 * as tones once the call connects), then Enter or the call button dials it through the
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
 * @csspart config-message - Why the pad cannot call (a missing or invalid `alternate-caller-id`), shown from the start.
 * @csspart country-select - The country or region of national numbers (a native select, transparent over its short code).
 * @csspart display - The phone number field (`<input type="tel">`); during a call, the number called.
 * @csspart backspace-button - Inside the field, at its end: deletes the last character; held, clears the number.
 * @csspart validation-message - Why the number cannot be called yet, or that the text pasted held no number.
 * @csspart extension - The extension pasted with the number (`ext. 45`), dialled as tones once the call connects.
 * @csspart remove-extension-button - Drops that extension.
 * @csspart call-status - Under the number: the call's state and duration; after the call, its duration and why it ended.
 * @csspart timer - The call duration.
 * @csspart sent-keys - The keys sent as tones during the call.
 * @csspart keypad - The twelve keys.
 * @csspart key - One key.
 * @csspart controls - The row of call buttons.
 * @csspart call-button - Calls the number (or adds it to the linked call: "Add to call").
 * @csspart hang-up-button - Ends the call; takes the call button's place during a call.
 * @csspart control - Any icon toggle of the controls row (`aria-pressed` carries its state).
 * @csspart mute-button - Mutes the microphone (pressed: muted).
 * @csspart hold-button - Holds the call (pressed: on hold).
 * @csspart key-tones-button - The local key-press tones (pressed: on).
 * @csspart error-message - Why the last action failed.
 *
 * @cssprop --acs-dialpad-width - Maximum width of the dial pad (default 22rem).
 * @cssprop --acs-dialpad-key-size - Height of a key (default 3.25rem).
 * @cssprop --acs-dialpad-key-background - Background of a key.
 * @cssprop --acs-dialpad-key-pressed-background - Background of a key while pressed or typed.
 * @cssprop --acs-dialpad-call-color - Background of the call button.
 * @cssprop --acs-dialpad-hang-up-color - Background of the hang-up button (default: the danger fill, white icon).
 */
export class AcsDialpad extends CallElement<DialpadTable> {
  static override styles = [...AcsElement.styles, dialpadStyles];

  protected override readonly localize = new LocalizeController(this, dialpadCatalog);

  /**
   * The ACS phone number (E.164, e.g. `+18005550100`) the called person sees. Phone calls need
   * one: without a valid one (and without `for`) the pad says so from the start, with its call
   * button disabled, and reports `acs-error` (`missing-caller-id`) once, when signed in.
   */
  @property({ attribute: 'alternate-caller-id' }) alternateCallerId?: string;

  /** Country of numbers typed without `+` (ISO 3166 code, e.g. `US`); default: the language's region, else `US`. */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /** Id of an `<acs-call>` in the same document or shadow root: while it has a call, the pad is its keypad. */
  @property() for?: string;

  /** The local key-press tones: `on` (default) or `off`. The pad's own toggle changes them too. */
  @property({ attribute: 'key-tones' }) keyTones: OnOff = 'on';

  @state() private pressedKey: DialKey | undefined;
  /** The toggle's choice; until it is used, `key-tones` decides. */
  @state() private tonesMuted: boolean | undefined;
  /** Every country in the selector: built after the first paint or on the first intent (naming and sorting ~245 countries took ~90 ms of the paint). */
  @state() private countryListReady = false;

  protected override readonly calls = new DialpadController(this, {
    ...this.callEvents,
    onDial: (phoneNumber) => emit(this, 'acs-dial', { phoneNumber }),
    onExtensionTone: (tone) => emit(this, 'acs-dtmf', { tone }),
  });

  /** The number being typed: the element forwards the edits and renders what it reads. */
  private readonly entry = new NumberEntry(this, {
    defaultCountry: () => this.defaultCountry,
    language: () => this.closest('[lang]')?.getAttribute('lang') ?? navigator.language,
  });

  private readonly linked = new LinkedCallController(this, () => this.for);
  private readonly tones = new KeyTonePlayer();
  private readonly keyHold = new PressAndHold();
  private readonly backspaceHold = new PressAndHold();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** The missing caller id was reported (`acs-error`): once, until it is fixed. */
  private callerIdReported = false;

  /** The number as E.164 (`+14255550100`) when what was typed is a valid number; else `''`. Read-only. */
  get value(): string {
    return this.entry.reading.e164 ?? '';
  }

  /** Calls the number typed, or with `for` adds it to the linked call, as the call button and Enter do. */
  async dial(): Promise<void> {
    const mode = this.mode();
    if (mode === 'own-call') return;
    // The configuration message says why, since the pad was set up.
    if (mode === 'entry' && this.callerIdMissing()) return;
    const phoneNumber = this.entry.reading.e164;
    if (!phoneNumber) {
      this.entry.touch();
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
    // The controller checks the caller id, then says `acs-dial` and places the call.
    await this.feedback.run(() => this.calls.dial(phoneNumber, this.alternateCallerId, this.entry.extension));
  }

  /** The same as `dial()`, under the name `<acs-call>` gives it: pages that drive both elements call `start()` on either. */
  async start(): Promise<void> {
    await this.dial();
  }

  /** Ends the pad's own call. */
  async hangUp(): Promise<void> {
    await this.feedback.run(() => this.calls.hangUp());
  }

  constructor() {
    super();
    // A listener on the element itself lives and dies with it: nothing to remove on disconnect.
    this.addEventListener('keydown', this.onKeyDown);
    // The calling SDK is fetched at the first sign that someone is about to call, not with the page.
    for (const intent of ['focusin', 'keydown', 'pointerdown', 'paste'] as const) this.addEventListener(intent, this.onIntent);
  }

  /** The pad's session matters only at the first call: it signs in once on screen, its first paint having the bandwidth. */
  protected override signsInAfterFirstPaint(): boolean {
    return true;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    void afterNextPaint().then(() => (this.countryListReady = true));
  }

  private readonly onIntent = () => {
    this.countryListReady = true;
    // A failure here is reported when the call is placed (dial() wakes the agent again).
    this.calls.wake().catch(() => undefined);
  };

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
    // Shown from the start; reported once signed in, so that a failed sign-in is told first.
    if (!this.callerIdMissing()) this.callerIdReported = false;
    else if (!this.callerIdReported && this.readyState === 'ready') {
      this.callerIdReported = true;
      this.reportError(missingCallerId());
    }
  }

  protected override updated(): void {
    const field = this.field;
    if (!field) return;
    const caret = this.entry.takeCaret(field.value);
    if (caret !== undefined && this.shadowRoot?.activeElement === field) field.setSelectionRange(caret, caret);
  }

  protected override label(strings: DialpadTable): string {
    return strings.dialpad.label;
  }

  /** The pad works before the SDK has arrived: a number can be typed while the call button gets ready. */
  protected override renderConnecting(): TemplateResult {
    return this.renderPad();
  }

  protected override renderReady(): TemplateResult {
    return this.renderPad();
  }

  protected override callStateText(state: CallState): string {
    return statusText(state, this.localize.strings.dialpad);
  }

  protected override callEndedText(ended: CallEndedView): string {
    return `${this.localize.strings.dialpad.ended}. ${this.endText(ended)}`;
  }

  private renderPad(): TemplateResult {
    const { strings } = this.localize;
    const view = this.calls.state;
    const mode = this.mode();
    const { entry } = this;
    const noCallerId = this.callerIdMissing();
    return html`<div class="dialpad" part="dialpad">
      ${noCallerId ? html`<p class="config-message" part="config-message">${strings.errors['missing-caller-id']}</p>` : nothing}
      ${renderNumberField(
        entry,
        mode === 'own-call',
        this.localize,
        this.backspaceHold,
        { selectCountry: this.onCountryChange, input: this.onInput, paste: this.onPaste },
        this.countryListReady,
      )}
      ${renderCallStatus(view, view.ended ? this.endText(view.ended) : '', strings)}
      ${renderKeypad({ pressed: this.pressedKey, holdZeroForPlus: mode === 'entry' }, strings.dialpad, this.keyHold, {
        press: (key) => this.press(key),
        plus: () => entry.plus(),
      })}
      ${renderCallControls({ mode, call: view, dialable: entry.reading.e164 !== undefined && !noCallerId, tonesOn: !this.tonesOff() }, strings, {
        dial: () => void this.dial(),
        hangUp: () => void this.hangUp(),
        mute: (muted) => void this.feedback.run(() => this.calls.mute(muted)),
        hold: (on) => void this.feedback.run(() => this.calls.hold(on)),
        setTones: (on) => (this.tonesMuted = !on),
      })}
      ${this.feedback.render()}
    </div>`;
  }

  private get field(): HTMLInputElement | null {
    return this.shadowRoot?.querySelector<HTMLInputElement>('#number') ?? null;
  }

  private mode(): DialpadMode {
    if (this.calls.state.phase === 'in-call') return 'own-call';
    return this.linked.call ? 'linked' : 'entry';
  }

  /** Without `for`, the pad places its own phone calls: they need a valid caller id. */
  private callerIdMissing(): boolean {
    return !this.for && !isValidCallerId(this.alternateCallerId?.trim());
  }

  private tonesOff(): boolean {
    return this.tonesMuted ?? this.keyTones === 'off';
  }

  /** A key of the keypad, clicked or typed outside the number field. */
  private press(key: DialKey): void {
    this.playTone(key);
    const mode = this.mode();
    if (mode === 'entry') {
      this.entry.type(key);
      return;
    }
    const tone = toDtmfTone(key);
    if (mode === 'own-call') {
      // The SDK takes tones once the call has connected, and not on hold.
      if (!this.calls.acceptsTones) return;
      void this.feedback.run(() => this.calls.sendKey(key));
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

  private readonly onCountryChange = (event: Event) => this.entry.selectCountry((event.target as HTMLSelectElement).value);

  private readonly onInput = (event: InputEvent) => {
    const field = event.target as HTMLInputElement;
    this.entry.input(field.value, field.selectionStart ?? field.value.length, event.inputType);
  };

  private readonly onPaste = (event: ClipboardEvent) => {
    const field = event.target as HTMLInputElement;
    if (field.readOnly) return;
    event.preventDefault();
    const start = field.selectionStart ?? field.value.length;
    const text = event.clipboardData?.getData('text') ?? '';
    void this.feedback.run(async () => {
      await this.entry.paste(text, field.value, start, field.selectionEnd ?? start);
      // The message under the field is no live region: a screen reader hears a failed paste from here.
      if (this.entry.pasteFailed) this.feedback.announce(this.localize.strings.dialpad.noNumberInPaste);
    });
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const origin = event.composedPath()[0];
    const from = origin === this.field ? 'field' : origin instanceof HTMLSelectElement ? 'select' : origin instanceof HTMLButtonElement ? 'button' : 'other';
    const action = routeKey(event, from, this.mode());
    if (!action) return;
    if (action !== 'typed') event.preventDefault();
    const key = event.key as DialKey;
    if (action === 'hang-up') void this.hangUp();
    else if (action === 'dial') void this.dial();
    else if (action === 'plus') this.entry.type('+');
    else if (action === 'backspace') this.entry.backspace();
    else if (action !== 'held') {
      this.flash(key);
      if (action === 'typed') this.playTone(key);
      else this.press(key);
    }
  };
}
