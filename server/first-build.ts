import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// Names for the steps of package.json's `build` script (`a && b && …`); an unknown step shows its command.
const STEP_LABELS: readonly [RegExp, string][] = [
  [/^npm run clean\b/, 'Clearing dist/'],
  [/^rollup\b/, 'Bundling the elements and the CDN build (rollup)'],
  [/^tsc\b/, 'Writing type declarations (tsc)'],
  [/^npm run manifest\b/, 'Writing custom-elements.json'],
];

/**
 * The first `npm start` has no build yet: runs package.json's `build` script one step at a time,
 * with a line and a time per step, instead of a silent minute. Exits the process when a step fails.
 */
export function buildWithProgress(projectRoot: string): void {
  const script = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
  const steps = script.split('&&').map((step) => step.trim());
  // As npm does: the project's own binaries first on the PATH.
  const env = { ...process.env, PATH: `${join(projectRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  console.log('First start: building the elements (npm run build), about a minute…');
  const started = Date.now();
  steps.forEach((command, index) => {
    const label = STEP_LABELS.find(([pattern]) => pattern.test(command))?.[1] ?? command;
    process.stdout.write(`  [${index + 1}/${steps.length}] ${label}… `);
    const stepStarted = Date.now();
    // Output is shown only when the step fails (tsc reports its errors on stdout); warnings pass through stderr.
    const step = spawnSync(command, { cwd: projectRoot, env, shell: true, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    if (step.status !== 0) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stdout is null when the shell itself could not start (step.error), which Node's types leave out
      process.stdout.write(`\n${step.stdout?.toString() ?? ''}`);
      console.error(`\nThe build failed at: ${command}${step.error ? ` (${step.error.message})` : ''}. Run npm run build to see it alone.`);
      process.exit(step.status ?? 1);
    }
    console.log(seconds(Date.now() - stepStarted));
  });
  console.log(`  Built in ${seconds(Date.now() - started)}.`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
