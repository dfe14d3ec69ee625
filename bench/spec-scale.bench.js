// Spec validation at repository scale (issue 10, class 12), on a generated repository
// (bench/support/spec-repo.js) of 4,000 Markdown files: about 1,400 spec files (450 spec-kit
// bundles, 16 Kiro bundles, a BMAD set with a change proposal, hand-written docs), the rest
// READMEs, agent files, review and verification reports and untyped notes.
// (a) single-file validation of one spec-kit spec.md: under 1 s, and at most 2x the time of
//     the same bundle in an otherwise empty repository (printed as a ratio), in-process and
//     through the CLI (a fresh `spec-automation validate` process, what a user waits for);
// (b) whole-repository validation: under 5 s, linear in the number of specs (N and 2N, ratio).
// Each figure is the min and median of several repeats, wall and CPU time: the machine may be
// shared, and the load average is printed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createFsSpecSource } from '../lib/adapters/fs-spec-source.js';
import { specsSchema } from '../lib/pipeline/config/schema.js';
import { validateRepository } from '../lib/pipeline/spec/index.js';
import { specFiles, writeSpecRepo } from './support/spec-repo.js';

const gc = globalThis.gc ?? (() => {});
const config = specsSchema.parse({});
const CLI = new URL('../bin/spec-automation.js', import.meta.url).pathname;
const SELECTION = 'specs/001-feature-1/spec.md';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const min = (v) => Math.min(...v);
const fmt = (n, d = 0) => n.toFixed(d);
const line = (label, value) => console.log(`${label.padEnd(58)} ${value}`);

/** Wall and CPU ms of an async function over `runs` runs after one warm-up: { wall: [...], cpu: [...] }. */
async function time(fn, runs) {
  await fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Wall ms of `spec-automation validate …` as its own process (the CPU time of the child included in what is waited for). */
function timeCli(args, runs) {
  const wall = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'validate', ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`validate exited ${r.status}: ${r.stderr}`);
    if (i > 0) wall.push(ms);
  }
  return wall;
}

const describe = (t) => `min ${fmt(min(t))} / median ${fmt(median(t))} ms`;

const tmp = mkdtempSync(join(os.tmpdir(), 'spec-scale-'));
try {
  const big = join(tmp, 'big');
  const double = join(tmp, 'double');
  const alone = join(tmp, 'alone');
  const files = writeSpecRepo(big);
  const filesDouble = writeSpecRepo(double, { speckit: 900, kiro: 32, markdownFiles: 8000 });
  // The same bundle in an otherwise empty repository.
  mkdirSync(join(alone, 'specs'), { recursive: true });
  cpSync(join(big, 'specs/001-feature-1'), join(alone, 'specs/001-feature-1'), { recursive: true });
  const markdown = (f) => Object.keys(f).filter((p) => p.endsWith('.md')).length;

  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} CPUs; min and median of repeated runs, wall and CPU time\n`);
  line('repository', `${markdown(files)} Markdown files, ${specFiles(files).length} spec files (2N: ${markdown(filesDouble)} and ${specFiles(filesDouble).length})`);

  // (a) one file.
  let context;
  const single = await time(async () => {
    context = (await validateRepository(createFsSpecSource(big), config, { paths: [SELECTION] })).context;
  }, 7);
  const singleAlone = await time(() => validateRepository(createFsSpecSource(alone), config, { paths: [SELECTION] }), 7);
  line(`(a) one file, in-process (${SELECTION})`, `${describe(single.wall)} wall, median ${fmt(median(single.cpu))} ms CPU (target < 1000 ms)`);
  line('    of the candidates, parsed', `${context.parsed} of ${context.candidates} (indexed by a text scan)`);
  line('    the same bundle alone, in-process', `${describe(singleAlone.wall)} wall, median ${fmt(median(singleAlone.cpu))} ms CPU`);
  line('    ratio to the bundle alone, in-process', `${fmt(median(single.wall) / median(singleAlone.wall), 2)}x wall, ${fmt(median(single.cpu) / median(singleAlone.cpu), 2)}x CPU (medians)`);
  const cli = timeCli(['--cwd', big, SELECTION], 5);
  const cliAlone = timeCli(['--cwd', alone, SELECTION], 5);
  line('(a) one file, CLI process', `${describe(cli)} wall (target < 1000 ms)`);
  line('    the same bundle alone, CLI process', `${describe(cliAlone)} wall`);
  line('    ratio to the bundle alone, CLI (target <= 2)', `${fmt(median(cli) / median(cliAlone), 2)}x (medians), ${fmt(min(cli) / min(cliAlone), 2)}x (mins)`);

  // (b) the whole repository, at N and 2N specs.
  let documents = 0;
  const whole = await time(async () => {
    documents = (await validateRepository(createFsSpecSource(big), config)).specs.length;
  }, 3);
  let documentsDouble = 0;
  const wholeDouble = await time(async () => {
    documentsDouble = (await validateRepository(createFsSpecSource(double), config)).specs.length;
  }, 3);
  line('(b) whole repository, in-process', `${describe(whole.wall)} wall, median ${fmt(median(whole.cpu))} ms CPU, ${documents} documents (target < 5000 ms)`);
  line('    2N specs', `${describe(wholeDouble.wall)} wall, median ${fmt(median(wholeDouble.cpu))} ms CPU, ${documentsDouble} documents`);
  line('    2N / N ratio (2.0 = linear)', `${fmt(median(wholeDouble.wall) / median(whole.wall), 2)} wall, ${fmt(median(wholeDouble.cpu) / median(whole.cpu), 2)} CPU (medians)`);
  line('    single file vs whole repository', `${fmt(median(whole.wall) / median(single.wall), 1)}x faster (wall medians)`);
  line('peak memory (max rss of the process)', `${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
