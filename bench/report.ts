/**
 * The bench's table (each figure with its ratio to the incumbent or the floor it is compared
 * with), the issue's goals read off it, and `bench/results.json` with the machine and the date.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { format } from 'prettier';
import type { Load, Scroll } from './measure.js';
import type { PageName } from './pages.js';

export interface BenchData {
  runs: number;
  link: string;
  seeded: number;
  scrollSeconds: number;
  chromium: string;
  /** Load averages (1, 5, 15 min) when the run started: above the core count, the figures were taken under load. */
  loadAtStart: number[];
  loads: Partial<Record<PageName, Load[]>>;
  scrolls: Partial<Record<PageName, Scroll>>;
}

type Figure = 'jsGzip' | 'painted' | 'composer' | 'usable' | 'firstVideoFrame' | 'heap';

/** Who each page is compared with, per figure: ours with the incumbent (the composer with a bare Lit element, the preview with the camera alone), the incumbent with the bare SDK. */
const COMPARED: Partial<Record<PageName, Partial<Record<Figure, PageName>>>> = {
  'acs-chat': { jsGzip: 'incumbent-chat', painted: 'incumbent-chat', composer: 'lit-element', usable: 'incumbent-chat', heap: 'incumbent-chat' },
  'incumbent-chat': { jsGzip: 'floor-chat', painted: 'floor-chat', composer: 'lit-element', usable: 'floor-chat', heap: 'floor-chat' },
  'acs-call': { jsGzip: 'incumbent-call', painted: 'incumbent-call', usable: 'incumbent-call', firstVideoFrame: 'camera', heap: 'incumbent-call' },
  // The floor's button is in its HTML, so "painted" has no floor to compare a composite with.
  'incumbent-call': { jsGzip: 'floor-call', usable: 'floor-call', firstVideoFrame: 'camera', heap: 'floor-call' },
};

const LABELS: Record<PageName, string> = {
  'acs-chat': '`<acs-chat>`',
  'incumbent-chat': 'incumbent ChatComposite',
  'floor-chat': 'floor: chat SDK, plain DOM',
  'lit-element': 'floor: trivial Lit element',
  'acs-call': '`<acs-call>` (config answered)',
  'incumbent-call': 'incumbent CallComposite (same)',
  'floor-call': 'floor: CallClient + createCallAgent',
  camera: 'floor: camera-only getUserMedia',
  'acs-dialpad': '`<acs-dialpad>`',
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const UNITS: Record<Figure, (value: number) => string> = { jsGzip: kib, painted: ms, composer: ms, usable: ms, firstVideoFrame: ms, heap: mib };

export async function report(data: BenchData): Promise<void> {
  const medians: Partial<Record<PageName, Partial<Record<Figure | 'jsGzipSettled', number>>>> = {};
  for (const [page, loads] of Object.entries(data.loads) as [PageName, Load[]][]) {
    const figures: Partial<Record<Figure | 'jsGzipSettled', number>> = {};
    for (const figure of ['jsGzip', 'jsGzipSettled', 'painted', 'composer', 'usable', 'firstVideoFrame', 'heap'] as const) {
      const values = loads.map((load) => load[figure]).filter((value) => value !== undefined);
      if (values.length === loads.length) figures[figure] = median(values);
    }
    medians[page] = figures;
  }
  const cell = (page: PageName, figure: Figure) => {
    const value = medians[page]?.[figure];
    if (value === undefined) return '—';
    const other = COMPARED[page]?.[figure];
    const base = other && medians[other]?.[figure];
    return base ? `${UNITS[figure](value)} (${(value / base).toFixed(2)}×)` : UNITS[figure](value);
  };
  const figures: Figure[] = ['jsGzip', 'painted', 'composer', 'usable', 'firstVideoFrame', 'heap'];
  const loadRows = (Object.keys(medians) as PageName[]).map((page) => [LABELS[page], ...figures.map((figure) => cell(page, figure))]);
  const loadTable = table(
    ['page', 'JS before usable (gzip)', 'widget painted', 'composer painted', 'usable', 'first preview frame', 'heap after GC'],
    loadRows,
  );

  const scrollCell = (page: PageName, value: number, base: number | undefined, unit: (value: number) => string) =>
    page !== 'incumbent-chat' && base ? `${unit(value)} (${(value / base).toFixed(2)}×)` : unit(value);
  const incumbent = data.scrolls['incumbent-chat'];
  const plain = (value: number) => Math.round(value).toLocaleString('en');
  const frame = (value: number) => `${value.toFixed(1)} ms`;
  const scrollTable = table(
    ['page', 'elements', 'heap after GC', 'frame p50', 'frame p95', 'frame p99', 'missed frames', 'messages reached'],
    (Object.entries(data.scrolls) as [PageName, Scroll][]).map(([page, scroll]) => {
      return [
        LABELS[page],
        scrollCell(page, scroll.elements, incumbent?.elements, plain),
        scrollCell(page, scroll.heap, incumbent?.heap, mib),
        scrollCell(page, scroll.frameP50, incumbent?.frameP50, frame),
        scrollCell(page, scroll.frameP95, incumbent?.frameP95, frame),
        scrollCell(page, scroll.frameP99, incumbent?.frameP99, frame),
        scrollCell(page, scroll.missedFrames, incumbent?.missedFrames, plain),
        plain(data.seeded - scroll.oldestSeed + 1),
      ];
    }),
  );

  const goals = readGoals(medians);
  const machine = { cpus: cpus().map(({ model, speed }) => ({ model, speed })), memory: totalmem(), loadAtStart: data.loadAtStart, loadAtEnd: loadavg() };
  const underLoad = Math.max(...data.loadAtStart, ...machine.loadAtEnd) > cpus().length;
  const heading = `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0].model} · Node ${process.version} · Chromium ${data.chromium} · medians of ${data.runs} cold loads in round robin, ${data.link}${underLoad ? ` · under load (load average ${data.loadAtStart.map((value) => value.toFixed(1)).join(' / ')} at start, ${cpus().length} cores)` : ''}`;
  console.log(
    `\n${heading}\n\n${loadTable}\n\n${data.seeded.toLocaleString('en')}-message thread, wheel-scrolling up for ${data.scrollSeconds} s (ratios to the incumbent):\n\n${scrollTable}\n`,
  );
  for (const goal of goals) console.log(`${goal.met ? 'met    ' : 'MISSED '} ${goal.goal}: ${goal.figure}`);

  const results = {
    date: new Date().toISOString(),
    machine,
    node: process.version,
    ...data,
    medians,
    goals,
    tables: { loads: loadTable, scroll: scrollTable },
  };
  writeFileSync(new URL('results.json', import.meta.url), await format(JSON.stringify(results), { parser: 'json', printWidth: 160 }));
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

interface Goal {
  goal: string;
  figure: string;
  met: boolean;
}

/** The issue's goals that one run can read (scrolling back against "today" needs a run of the old code). */
function readGoals(medians: Partial<Record<PageName, Partial<Record<string, number>>>>): Goal[] {
  const goals: Goal[] = [];
  const ratio = (goal: string, page: PageName, figure: string, base: PageName, baseFigure: string, limit: number) => {
    const value = medians[page]?.[figure];
    const reference = medians[base]?.[baseFigure];
    if (value === undefined || reference === undefined) return;
    goals.push({ goal: `${goal} ≤ ${limit}×`, figure: `${(value / reference).toFixed(2)}×`, met: value / reference <= limit });
  };
  ratio("Call: join enabled vs the incumbent's Start button", 'acs-call', 'usable', 'incumbent-call', 'usable', 0.8);
  ratio("Call: lobby painted vs the incumbent's", 'acs-call', 'painted', 'incumbent-call', 'painted', 0.2);
  const dialpad = medians['acs-dialpad']?.jsGzip;
  if (dialpad !== undefined) goals.push({ goal: 'Dial pad page: JS fetched before usable ≤ 60 KiB gzip', figure: kib(dialpad), met: dialpad <= 60 * 1024 });
  ratio('Chat: composer painted vs a trivial Lit element', 'acs-chat', 'composer', 'lit-element', 'composer', 1.3);
  ratio('Chat: usable vs the incumbent', 'acs-chat', 'usable', 'incumbent-chat', 'usable', 0.5);
  ratio('Lobby first preview frame vs camera-only', 'acs-call', 'firstVideoFrame', 'camera', 'firstVideoFrame', 1.15);
  return goals;
}
