import { expect } from '@open-wc/testing';
import { DIAL_KEYS, DTMF_FREQUENCIES, KeyTonePlayer, isDialKey, scheduleKeyTone, toDtmfTone, type DialKey } from '../../src/dialpad/dtmf.js';

const SAMPLE_RATE = 48000;
const ROWS_HZ = [697, 770, 852, 941];
const COLUMNS_HZ = [1209, 1336, 1477];
const ALL_HZ = [...ROWS_HZ, ...COLUMNS_HZ];

// Written out here rather than derived from the module: keypad order, letters, SDK tone, row and column.
const KEYPAD: [key: DialKey, letters: string, tone: string, low: number, high: number][] = [
  ['1', '', 'Num1', 697, 1209],
  ['2', 'ABC', 'Num2', 697, 1336],
  ['3', 'DEF', 'Num3', 697, 1477],
  ['4', 'GHI', 'Num4', 770, 1209],
  ['5', 'JKL', 'Num5', 770, 1336],
  ['6', 'MNO', 'Num6', 770, 1477],
  ['7', 'PQRS', 'Num7', 852, 1209],
  ['8', 'TUV', 'Num8', 852, 1336],
  ['9', 'WXYZ', 'Num9', 852, 1477],
  ['*', '', 'Star', 941, 1209],
  ['0', '+', 'Num0', 941, 1336],
  ['#', '', 'Pound', 941, 1477],
];

/** Power of `samples` at `frequency` (Goertzel), normalized by the length. */
function powerAt(samples: Float32Array, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE);
  let previous = 0;
  let beforePrevious = 0;
  for (const sample of samples) {
    const current = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  return (previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious) / samples.length;
}

/** The two strongest spectral peaks between 500 and 1700 Hz, scanned every hertz. */
function strongestPeaks(samples: Float32Array): number[] {
  const spectrum: { frequency: number; power: number }[] = [];
  for (let frequency = 500; frequency <= 1700; frequency += 1) spectrum.push({ frequency, power: powerAt(samples, frequency) });
  const peaks = spectrum.filter(
    (bin, index) => index > 0 && index < spectrum.length - 1 && bin.power > spectrum[index - 1].power && bin.power >= spectrum[index + 1].power,
  );
  return peaks
    .sort((a, b) => b.power - a.power)
    .slice(0, 2)
    .map(({ frequency }) => frequency)
    .sort((a, b) => a - b);
}

async function render(seconds: number, schedule: (context: OfflineAudioContext) => void): Promise<Float32Array> {
  const context = new OfflineAudioContext(1, Math.round(seconds * SAMPLE_RATE), SAMPLE_RATE);
  schedule(context);
  return (await context.startRendering()).getChannelData(0);
}

/** Indexes of the first and the last sample that is not silent. */
function audible(samples: Float32Array): [first: number, last: number] {
  const loud = (sample: number): boolean => Math.abs(sample) > 1e-6;
  let last = samples.length - 1;
  while (last >= 0 && !loud(samples[last])) last -= 1;
  return [samples.findIndex(loud), last];
}

describe('dial keys', () => {
  it('lists the twelve keys in keypad order with their E.161 letters', () => {
    expect(DIAL_KEYS.map(({ key, letters }) => [key, letters])).to.deep.equal(KEYPAD.map(([key, letters]) => [key, letters]));
  });

  for (const [key, , tone, low, high] of KEYPAD) {
    it(`sends ${key} as ${tone}, heard as ${low} + ${high} Hz`, () => {
      expect(isDialKey(key)).to.equal(true);
      expect(toDtmfTone(key)).to.equal(tone);
      expect(DTMF_FREQUENCIES[key]).to.deep.equal([low, high]);
    });
  }

  it('recognises nothing else as a key', () => {
    for (const text of ['', 'A', '+', '11', '1 ', 'Num1', 'Star', 'toString', '__proto__']) expect(isDialKey(text), JSON.stringify(text)).to.equal(false);
  });
});

describe('scheduleKeyTone', () => {
  for (const key of ['1', '#', '5'] as const) {
    it(`sounds ${key} at its two frequencies and nowhere near the others`, async () => {
      const samples = await render(0.2, (context) => scheduleKeyTone(context, key, { when: 0.02 }));
      const [low, high] = DTMF_FREQUENCIES[key];
      expect(strongestPeaks(samples)).to.deep.equal([low, high]);
      const quietest = Math.min(powerAt(samples, low), powerAt(samples, high));
      for (const other of ALL_HZ.filter((frequency) => frequency !== low && frequency !== high)) {
        expect(powerAt(samples, other), `${other} Hz against ${low}/${high} Hz`).to.be.below(quietest / 100);
      }
    });
  }

  it('starts at the given time and lasts about 120 ms', async () => {
    const samples = await render(0.3, (context) => scheduleKeyTone(context, '1', { when: 0.05 }));
    const [first, last] = audible(samples);
    expect(first / SAMPLE_RATE).to.be.closeTo(0.05, 0.001);
    expect((last - first) / SAMPLE_RATE).to.be.closeTo(0.12, 0.002);
  });

  it('rises from and falls to silence, without a click', async () => {
    const samples = await render(0.3, (context) => scheduleKeyTone(context, '#', { when: 0.05 }));
    const [first, last] = audible(samples);
    const peak = Math.max(...samples.map(Math.abs));
    const loudest = (from: number, to: number): number => Math.max(...samples.subarray(from, to).map(Math.abs));
    const millisecond = SAMPLE_RATE / 1000;
    expect(peak).to.be.above(0.1);
    expect(loudest(first, first + millisecond), 'first millisecond').to.be.below(peak * 0.25);
    expect(loudest(last - millisecond, last + 1), 'last millisecond').to.be.below(peak * 0.15);
    const steps = samples.subarray(1).map((sample, index) => Math.abs(sample - samples[index]));
    // Two sines of peak/2 move at most peak/2 · 2π · f / rate per sample; a click would jump by up to the peak.
    expect(Math.max(...steps)).to.be.below(peak * 0.25);
  });

  it('stops with a fade when asked', async () => {
    let tone: ReturnType<typeof scheduleKeyTone> | undefined;
    const samples = await render(0.3, (context) => {
      tone = scheduleKeyTone(context, '9', { when: 0.05, duration: 0.2 });
      tone.stop(0.1);
    });
    const [first, last] = audible(samples);
    expect(tone!.endTime).to.be.closeTo(0.11, 0.001);
    expect((last - first) / SAMPLE_RATE).to.be.closeTo(0.06, 0.002);
  });
});

describe('KeyTonePlayer', () => {
  it('plays a key on the context it makes on first use', async () => {
    const contexts: OfflineAudioContext[] = [];
    const player = new KeyTonePlayer({
      createContext: () => {
        contexts.push(new OfflineAudioContext(1, 0.2 * SAMPLE_RATE, SAMPLE_RATE));
        return contexts.at(-1)!;
      },
    });
    expect(contexts).to.have.length(0);
    expect(player.play('5')?.startTime).to.equal(0);
    expect(contexts).to.have.length(1);
    const samples = (await contexts[0].startRendering()).getChannelData(0);
    expect(strongestPeaks(samples)).to.deep.equal([770, 1336]);
  });

  it('schedules nothing while muted', async () => {
    let made = 0;
    const muted = new KeyTonePlayer({
      createContext: () => {
        made += 1;
        return new OfflineAudioContext(1, SAMPLE_RATE, SAMPLE_RATE);
      },
    });
    muted.muted = true;
    // (Primitives only in these assertions: a failing one holding the tone object crashes the runner.)
    expect(typeof muted.play('1'), 'what play() returns').to.equal('undefined');
    expect(made, 'audio contexts made').to.equal(0);

    const context = new OfflineAudioContext(1, 0.2 * SAMPLE_RATE, SAMPLE_RATE);
    const player = new KeyTonePlayer({ createContext: () => context });
    player.play('1');
    player.muted = true;
    expect(typeof player.play('#'), 'what play() returns').to.equal('undefined');
    const samples = (await context.startRendering()).getChannelData(0);
    expect(powerAt(samples, 1477), '#’s column').to.be.below(powerAt(samples, 1209) / 100);
  });

  it('cuts the previous tone when the next key is pressed', async () => {
    const context = new OfflineAudioContext(1, 0.2 * SAMPLE_RATE, SAMPLE_RATE);
    const player = new KeyTonePlayer({ createContext: () => context });
    player.play('1');
    player.play('#');
    const samples = (await context.startRendering()).getChannelData(0);
    expect(strongestPeaks(samples)).to.deep.equal([941, 1477]);
    expect(powerAt(samples, 1209), '1’s column').to.be.below(powerAt(samples, 1477) / 100);
  });

  it('resumes a suspended audio context and closes it on dispose', async () => {
    const context = new AudioContext();
    await context.suspend();
    let resumed = 0;
    const resume = context.resume.bind(context);
    context.resume = () => {
      resumed += 1;
      return resume();
    };
    const player = new KeyTonePlayer({ createContext: () => context });
    player.play('0');
    expect(resumed).to.equal(1);
    await player.dispose();
    expect(context.state).to.equal('closed');
  });
});
