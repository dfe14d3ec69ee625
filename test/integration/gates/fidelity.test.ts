/**
 * Fidelity: a gate reports exactly what its tool reports. On the example app and on a
 * generated larger project, basedpyright (npm) and pytest (Debian's) run once directly
 * and once as gates; the findings (path, line, column, rule, severity, message) and the
 * tests (node id, outcome, failure location) must be the same multisets. ruff has no
 * binary here: its documented JSON output is the direct side, printed by a stand-in
 * program the ruff gate runs. Then the same commit checked out in two directories must
 * give the same fingerprints, absolute paths in messages (reportImportCycles) included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePythonProject } from '../../../bench/support/python-project.js';
import { runGates } from '../../../src/gates/index.js';
import type { GateResult, GatesRun } from '../../../src/pipeline/gate-result.js';
import { config, copyExample, gitInit, HAS_SYSTEM_PYTHON, NODE_BIN, removeDir, SYSTEM_PYTHON, toolEnv, WINDOWS } from './support.js';

const CONFIG = `python: ${SYSTEM_PYTHON}\ncache:\n  enabled: false\n`;
const BASEDPYRIGHT = join(NODE_BIN, WINDOWS ? 'basedpyright.cmd' : 'basedpyright');

type Finding = [path: string, line: number, column: number | null, rule: string, severity: string, message: string];

/** Sorted, so two multisets compare with toEqual. */
function multiset<T>(items: T[]): T[] {
  return items.map((i) => JSON.stringify(i)).sort().map((s) => JSON.parse(s) as T);
}

/** The tool's own path made repo-relative the simplest way there is, independent of the code under test. */
function relative(dir: string, text: string): string {
  return text.split(`${dir}/`).join('').split(dir).join('.');
}

/** basedpyright run directly, its JSON read as its documentation describes it. */
function basedpyrightDirect(dir: string): Finding[] {
  const run = spawnSync(BASEDPYRIGHT, ['--outputjson', '--pythonpath', SYSTEM_PYTHON], { cwd: dir, env: toolEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const report = JSON.parse(run.stdout) as { generalDiagnostics: Array<{ file: string; severity: string; message: string; rule?: string; range?: { start: { line: number; character: number } } }> };
  return report.generalDiagnostics.map((d) => [
    relative(dir, d.file),
    d.range ? d.range.start.line + 1 : 1,
    d.range ? d.range.start.character + 1 : null,
    d.rule ?? 'basedpyright',
    d.severity === 'information' ? 'info' : d.severity,
    relative(dir, d.message),
  ]);
}

function gateFindings(gate: GateResult): Finding[] {
  return gate.diagnostics.map((d) => [d.path, d.range.start.line, d.range.start.column ?? null, d.rule, d.severity, d.message]);
}

const OUTCOME: Record<string, string> = { PASSED: 'passed', FAILED: 'failed', ERROR: 'error', SKIPPED: 'skipped', XFAIL: 'xfailed', XPASS: 'xpassed' };

/**
 * pytest run directly: outcomes from its verbose progress lines, and where each failure
 * or error happened from `--tb=short` (the last `path:line: in …` frame of each report
 * that lies in the project: relative paths are the project's own).
 */
function pytestDirect(dir: string): { outcomes: Array<[string, string]>; locations: Array<[string, number]> } {
  const run = spawnSync(SYSTEM_PYTHON, ['-m', 'pytest', '-v', '--tb=short', '-p', 'no:cacheprovider', '--color=no'], { cwd: dir, env: toolEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const outcomes: Array<[string, string]> = [];
  const locations: Array<[string, number]> = [];
  let inReports = false;
  let last: [string, number] | undefined;
  const flush = () => {
    if (last) locations.push(last);
    last = undefined;
  };
  for (const line of run.stdout.split(/\r?\n/)) {
    const progress = /^(\S+::\S+) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b/.exec(line);
    if (progress && !inReports) outcomes.push([progress[1]!, OUTCOME[progress[2]!]!]);
    const banner = /^=+ (.*) =+$/.exec(line);
    if (banner) {
      // A new section (ERRORS, FAILURES, the short summary): the report before it is complete.
      flush();
      inReports = banner[1] === 'ERRORS' || banner[1] === 'FAILURES';
    } else if (inReports && /^_{3,} .* _{3,}$/.test(line)) flush();
    else if (inReports) {
      const frame = /^([^\s/][^\s:]*\.py):(\d+): /.exec(line);
      if (frame) last = [frame[1]!, Number(frame[2])];
    }
  }
  flush();
  return { outcomes, locations };
}

function expectFaithful(dir: string, run: GatesRun): void {
  const [bp, pt] = run.gates;
  expect(bp!.status === 'failed' || bp!.status === 'passed').toBe(true);
  expect(multiset(gateFindings(bp!))).toEqual(multiset(basedpyrightDirect(dir)));
  const direct = pytestDirect(dir);
  expect(direct.outcomes.length).toBeGreaterThan(0);
  expect(multiset(pt!.tests!.cases.map((c) => [c.id, c.outcome]))).toEqual(multiset(direct.outcomes));
  // Counts follow from the cases, and every failing test is a finding at the line pytest names.
  expect(pt!.tests!.total).toBe(direct.outcomes.length);
  expect(multiset(pt!.diagnostics.map((d) => [d.path, d.range.start.line]))).toEqual(multiset(direct.locations));
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('fidelity on examples/tasklet-broken', () => {
  let dir: string;
  let run: GatesRun;
  beforeAll(async () => {
    dir = copyExample('tasklet-broken');
    run = await runGates({ root: dir, config: config(CONFIG), only: ['basedpyright', 'pytest'], env: toolEnv() });
  }, 180_000);
  afterAll(() => removeDir(dir));

  it('basedpyright and pytest through the gates equal the tools run directly', () => {
    expectFaithful(dir, run);
  }, 120_000);
});

describe.skipIf(!HAS_SYSTEM_PYTHON)('fidelity on a generated project, checked out twice', () => {
  let first: string;
  let second: string;
  let runs: GatesRun[];
  beforeAll(async () => {
    first = mkdtempSync(join(tmpdir(), 'gates-fidelity-'));
    writePythonProject(first, { modules: 30, errorsPerModule: 3, warningsPerModule: 2, testFiles: 10, testsPerFile: 10 });
    gitInit(first);
    // The same commit in a directory of another name and depth.
    second = join(mkdtempSync(join(tmpdir(), 'gates-fidelity-other-')), 'nested', 'checkout');
    execFileSync('git', ['clone', '-q', first, second]);
    const gates = (root: string) => runGates({ root, config: config(CONFIG), only: ['basedpyright', 'pytest'], env: toolEnv() });
    runs = [await gates(first), await gates(second)];
  }, 300_000);
  afterAll(() => {
    removeDir(first);
    removeDir(join(second, '..', '..'));
  });

  it('basedpyright and pytest through the gates equal the tools run directly', () => {
    expect(runs[0]!.gates[0]!.diagnostics.length).toBeGreaterThan(150);
    expectFaithful(first, runs[0]!);
  }, 120_000);

  it('no message names the checkout directory, and both checkouts give the same fingerprints', () => {
    const cycles = runs[0]!.gates[0]!.diagnostics.filter((d) => d.rule === 'reportImportCycles');
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles[0]!.message).toMatch(/genpkg\/cycle_[ab]\.py/);
    for (const [run, dir] of [
      [runs[0]!, first],
      [runs[1]!, second],
    ] as const) {
      const text = JSON.stringify(run.gates.map((g) => [g.diagnostics, g.tests?.cases]));
      expect(text).not.toContain(dir);
    }
    const fingerprints = (run: GatesRun) => run.gates.flatMap((g) => g.diagnostics.map((d) => `${g.gate} ${d.fingerprint}`)).sort();
    expect(fingerprints(runs[1]!)).toEqual(fingerprints(runs[0]!));
    expect(new Set(fingerprints(runs[0]!)).size).toBe(fingerprints(runs[0]!).length);
  });
});

describe('fidelity of the ruff gate to ruff\'s documented JSON', () => {
  let dir: string;
  let run: GatesRun;
  let documented: Array<Record<string, unknown>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gates-ruff-fidelity-'));
    writePythonProject(dir, { modules: 20, errorsPerModule: 1, warningsPerModule: 2, testFiles: 1, testsPerFile: 1 });
    // What `ruff check --output-format=json` prints for these files (the fields of ruff's
    // documented JSON format): F401 for every unused import, with its safe fix.
    documented = [];
    for (let m = 0; m < 20; m++) {
      for (let w = 0; w < 2; w++) {
        const row = w + 2;
        documented.push({
          cell: null,
          code: 'F401',
          end_location: { column: 21, row },
          filename: join(dir, 'genpkg', `mod_${m}.py`),
          fix: { applicability: 'safe', edits: [{ content: '', end_location: { column: 1, row: row + 1 }, location: { column: 1, row } }], message: `Remove unused import: \`os\`` },
          location: { column: 8, row },
          message: `\`os\` imported but unused`,
          noqa_row: row,
          url: 'https://docs.astral.sh/ruff/rules/unused-import',
        });
      }
    }
    writeFileSync(join(dir, 'ruff-report.json'), JSON.stringify(documented, null, 2));
    // A stand-in that prints the report and exits 1, as ruff does when it finds something.
    writeFileSync(join(dir, 'fake-ruff.mjs'), "import { readFileSync } from 'node:fs';\nprocess.stdout.write(readFileSync(new URL('./ruff-report.json', import.meta.url), 'utf8'));\nprocess.exitCode = 1;\n");
    run = await runGates({ root: dir, config: config(`cache:\n  enabled: false\ngates:\n  ruff:\n    command: [${JSON.stringify(process.execPath)}, fake-ruff.mjs]\n`), only: ['ruff'], env: toolEnv() });
  });
  afterAll(() => removeDir(dir));

  it('reports every finding of the documented JSON with its path, location, code, message and fix', () => {
    const ruff = run.gates[0]!;
    expect(ruff.status).toBe('failed');
    const direct = documented.map((f) => {
      const location = f.location as { row: number; column: number };
      const end = f.end_location as { row: number; column: number };
      return [relative(dir, f.filename as string), location.row, location.column, end.row, end.column - 1, f.code, f.message, f.url];
    });
    const gate = ruff.diagnostics.map((d) => [d.path, d.range.start.line, d.range.start.column, d.range.end?.line, d.range.end?.column, d.rule, d.message, d.url]);
    expect(multiset(gate)).toEqual(multiset(direct));
    expect(ruff.diagnostics.every((d) => d.fix?.edits.length === 1 && d.fix.edits[0]!.newText === '')).toBe(true);
  });
});
