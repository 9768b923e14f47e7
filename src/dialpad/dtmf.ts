/**
 * The dial pad's keys, their DTMF tones for the calling SDK, and the local key-press sound.
 *
 * Plain module: no DOM and no audio at load; the calling SDK is referenced for its types only,
 * so importing this file never downloads it.
 */
import type { DtmfTone } from '@azure/communication-calling';

/** A key of the telephone keypad. */
export type DialKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';

/** One key as printed on the keypad: the symbol and the letters under it. */
export interface DialKeyFace {
  readonly key: DialKey;
  /** The letters of ITU E.161 (`'ABC'` on 2, `'+'` on 0, `''` on 1, `*` and `#`). */
  readonly letters: string;
}

/** The twelve keys in keypad order, row by row: 1 2 3 / 4 5 6 / 7 8 9 / * 0 #. */
export const DIAL_KEYS: readonly DialKeyFace[] = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '+' },
  { key: '#', letters: '' },
];

/** Each key's SDK tone: `Num0`…`Num9`, `Star`, `Pound`. Derived from the keys, as the table would only repeat them. */
const DTMF_TONES = Object.fromEntries(DIAL_KEYS.map(({ key }) => [key, key === '*' ? 'Star' : key === '#' ? 'Pound' : `Num${key}`])) as Readonly<
  Record<DialKey, DtmfTone>
>;

/** True for the twelve keypad symbols (exactly one character). */
export function isDialKey(key: string): key is DialKey {
  return Object.hasOwn(DTMF_TONES, key);
}

/** The tone to pass to the calling SDK's `call.sendDtmf()` for a key. */
export function toDtmfTone(key: DialKey): DtmfTone {
  return DTMF_TONES[key];
}

const ROW_HZ = [697, 770, 852, 941] as const;
const COLUMN_HZ = [1209, 1336, 1477] as const;

/**
 * The two frequencies (Hz) of each key's dual tone, low (row) then high (column), per ITU-T Q.23:
 * the keypad's row and column, as `DIAL_KEYS` lists the keys row by row.
 */
export const DTMF_FREQUENCIES = Object.fromEntries(
  DIAL_KEYS.map(({ key }, index): [DialKey, readonly number[]] => [key, [ROW_HZ[Math.floor(index / 3)], COLUMN_HZ[index % 3]]]),
) as Readonly<Record<DialKey, readonly [low: number, high: number]>>;

/** Default length of a key-press tone, in seconds, attack and release included. */
export const KEY_TONE_DURATION = 0.12;
/** Default peak level of a key-press tone (both sines together), 0…1. */
export const KEY_TONE_VOLUME = 0.25;
const ATTACK = 0.005;
const RELEASE = 0.01;

export interface KeyToneOptions {
  /** When the tone starts, on the context's clock (seconds). Default: `context.currentTime`. */
  when?: number;
  /** Seconds from start to silence, attack and release included. Default {@link KEY_TONE_DURATION}. */
  duration?: number;
  /** Peak level of the two sines together, 0…1. Default {@link KEY_TONE_VOLUME}. */
  volume?: number;
  /** Where the tone goes. Default: `context.destination`. */
  destination?: AudioNode;
}

/** A tone handed to the audio graph. */
export interface ScheduledKeyTone {
  /** Context time at which the tone starts. */
  readonly startTime: number;
  /** Context time at which the tone is silent and its nodes stop. */
  readonly endTime: number;
  /** Fades the tone out within a few milliseconds from `at` (default now), without a click. */
  stop(at?: number): void;
}

/**
 * Schedules the dual tone of `key` on any audio context (an `OfflineAudioContext` too): two sine
 * oscillators into one gain whose envelope rises and falls linearly over a few milliseconds, so the
 * tone starts and ends at zero and does not click. The nodes disconnect themselves when done.
 */
export function scheduleKeyTone(context: BaseAudioContext, key: DialKey, options: KeyToneOptions = {}): ScheduledKeyTone {
  const startTime = Math.max(options.when ?? context.currentTime, context.currentTime);
  const duration = Math.max(options.duration ?? KEY_TONE_DURATION, ATTACK + RELEASE);
  const peak = Math.min(Math.max(options.volume ?? KEY_TONE_VOLUME, 0), 1) / 2;
  let endTime = startTime + duration;

  const envelope = context.createGain();
  envelope.gain.setValueAtTime(0, startTime);
  envelope.gain.linearRampToValueAtTime(peak, startTime + ATTACK);
  envelope.gain.setValueAtTime(peak, endTime - RELEASE);
  envelope.gain.linearRampToValueAtTime(0, endTime);
  envelope.connect(options.destination ?? context.destination);

  const oscillators = DTMF_FREQUENCIES[key].map((frequency) => {
    const oscillator = new OscillatorNode(context, { type: 'sine', frequency });
    oscillator.connect(envelope);
    oscillator.start(startTime);
    oscillator.stop(endTime);
    return oscillator;
  });
  oscillators[0].onended = () => {
    for (const oscillator of oscillators) oscillator.disconnect();
    envelope.disconnect();
  };

  return {
    startTime,
    get endTime() {
      return endTime;
    },
    stop(at = context.currentTime) {
      const from = Math.max(at, startTime);
      if (from + RELEASE >= endTime) return;
      const gain = envelope.gain;
      // Hold the level the envelope has at `from` (mid-attack too), then fade from there.
      if (typeof gain.cancelAndHoldAtTime === 'function') {
        gain.cancelAndHoldAtTime(from);
      } else {
        gain.cancelScheduledValues(from);
        gain.setValueAtTime(from <= context.currentTime ? gain.value : peak, from);
      }
      endTime = from + RELEASE;
      gain.linearRampToValueAtTime(0, endTime);
      for (const oscillator of oscillators) oscillator.stop(endTime);
    },
  };
}

export interface KeyTonePlayerOptions {
  /** Makes the audio context on first use. Default: `new AudioContext()`. */
  createContext?: () => BaseAudioContext;
}

/**
 * Plays the local feedback tone of key presses. The audio context is made on the first `play()`
 * (inside the user's gesture, so autoplay rules allow it) and closed by `dispose()`; a later
 * `play()` makes a new one. A new key press fades out the previous key's tone.
 */
export class KeyTonePlayer {
  /** While true, `play()` does nothing (and makes no audio context). */
  muted = false;

  private readonly createContext: () => BaseAudioContext;
  private context: BaseAudioContext | undefined;
  private current: ScheduledKeyTone | undefined;

  constructor(options: KeyTonePlayerOptions = {}) {
    this.createContext = options.createContext ?? (() => new AudioContext());
  }

  /** Plays `key`'s tone now; returns it, or `undefined` when muted. */
  play(key: DialKey): ScheduledKeyTone | undefined {
    if (this.muted) return undefined;
    if (!this.context || this.context.state === 'closed') {
      this.context = this.createContext();
      this.current = undefined;
    }
    const context = this.context;
    if (context.state === 'suspended' && isRealtime(context)) {
      // Suspended until a gesture (autoplay policy) or by the system; rejection leaves it silent.
      context.resume().catch(() => undefined);
    }
    this.current?.stop();
    this.current = scheduleKeyTone(context, key);
    return this.current;
  }

  /** Closes the audio context. */
  async dispose(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    this.current = undefined;
    if (context && isRealtime(context) && context.state !== 'closed') {
      await context.close().catch(() => undefined);
    }
  }
}

function isRealtime(context: BaseAudioContext): context is AudioContext {
  return typeof AudioContext !== 'undefined' && context instanceof AudioContext;
}

/**
 * DTMF tones go out one after the other, in the order the keys were pressed: each waits for the
 * one before it to settle, and a failed tone does not stop the ones after it.
 */
export class ToneQueue {
  private last: Promise<void> = Promise.resolve();

  send(sendTone: () => Promise<void>): Promise<void> {
    const sent = this.last.then(sendTone);
    this.last = sent.catch(() => undefined);
    return sent;
  }
}
