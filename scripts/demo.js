// `npm run demo`: spec → code → failing gate → fix → passing gates, offline.
//
// Copies the example PyQt app (examples/tasklet) into a temporary git checkout and runs
// the compiled CLI on its approved sprint change proposal (FR-7, CSV export) with the
// hand-written session examples/demo/tasklet-csv-export.session.jsonl instead of a live
// model. The gates are the real ones: basedpyright (npm) and pytest on a Python that has
// PyQt6; ruff too when it is installed. Exits with the run's exit code.
//
// Options: --live     call the model instead of replaying (needs ANTHROPIC_API_KEY)
//          --keep     keep the temporary checkout to look around afterwards
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = join(REPO, 'bin', 'spec-automation.js');
const SESSION = join(REPO, 'examples', 'demo', 'tasklet-csv-export.session.jsonl');
const SPEC = 'docs/sprint-change-proposal-csv-export.md';
const WINDOWS = process.platform === 'win32';
const args = new Set(process.argv.slice(2));
const live = args.has('--live');
const keep = args.has('--keep');

function say(text) {
  process.stdout.write(`${text}\n`);
}

function fail(text) {
  process.stderr.write(`demo: ${text}\n`);
  process.exit(2);
}

/** Runs a program quietly; its stdout, or undefined when it cannot run or fails. */
function probe(program, programArgs) {
  try {
    return execFileSync(program, programArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000, windowsHide: true }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The example's tests import PyQt6 and run under pytest, so the gates need an interpreter
 * that has both. A pyenv or system `python3` may lack them (Debian ships them for
 * /usr/bin/python3 as python3-pyqt6 and python3-pytest), so every candidate is asked.
 */
function findPython() {
  const candidates = [process.env.SPEC_AUTOMATION_DEMO_PYTHON, ...(WINDOWS ? ['python', 'python3'] : ['python3', '/usr/bin/python3', 'python'])].filter(Boolean);
  for (const candidate of candidates) {
    const where = probe(candidate, ['-c', 'import sys, PyQt6.QtWidgets, pytest; print(sys.executable)']);
    if (where) return where.split(/\r?\n/).pop();
  }
  return undefined;
}

if (!existsSync(join(REPO, 'lib', 'cli', 'main.js'))) fail('lib/ is missing: run `npm run build:lib` first (`npm run demo` does).');
if (!probe('git', ['--version'])) fail('git is not installed or not on PATH; the run commits each iteration on a branch.');
if (!live && !existsSync(SESSION)) fail(`the session ${SESSION} is missing.`);
if (live && !(process.env.ANTHROPIC_API_KEY ?? '').trim()) {
  fail('--live calls the model and needs ANTHROPIC_API_KEY (bash: export ANTHROPIC_API_KEY=sk-ant-..., PowerShell: $env:ANTHROPIC_API_KEY="sk-ant-..."); without --live the demo replays a recorded session.');
}

const python = findPython();
if (!python) {
  fail(
    'no Python with PyQt6 and pytest was found (tried ' +
      (WINDOWS ? 'python, python3' : 'python3, /usr/bin/python3, python') +
      '). Install them (`python -m pip install PyQt6 pytest`; on Debian/Ubuntu `sudo apt install python3-pyqt6 python3-pytest`), or name an interpreter that has them in SPEC_AUTOMATION_DEMO_PYTHON.',
  );
}
const nodeBin = join(REPO, 'node_modules', '.bin');
const pathWithTools = [nodeBin, process.env.PATH ?? ''].join(delimiter);
const ruffVersion = probe('ruff', ['--version']);
const gates = ruffVersion ? [] : ['--only', 'basedpyright,pytest'];

// The example app as the user's repository: a fresh checkout with one commit.
const dir = mkdtempSync(join(tmpdir(), 'spec-automation-demo-'));
cpSync(join(REPO, 'examples', 'tasklet'), dir, {
  recursive: true,
  // Caches and run state stay behind; a committed .spec-automation/lock.json comes along.
    filter: (src) => !/(__pycache__|\.pytest_cache|\.venv|\.ruff_cache|\.spec-automation[\\/](cache|state|reports))$/.test(src),
});
mkdirSync(join(dir, '.github'), { recursive: true });
// The repository's configuration names the interpreter the gates use (key `python`).
writeFileSync(join(dir, '.github', 'spec-automation.yml'), `# Written by npm run demo: the interpreter with PyQt6 and pytest.\npython: ${JSON.stringify(python)}\n`);
const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: dir, stdio: 'ignore' });
git('init', '-q');
git('config', 'user.name', 'Demo User');
git('config', 'user.email', 'demo@example.com');
git('config', 'core.autocrlf', 'false');
git('add', '-A');
git('commit', '-q', '-m', 'Tasklet 1.0 with the approved CSV export proposal');

say('spec-automation demo: the dev agent implements an approved change proposal on a PyQt app,');
say('the real gates judge each commit, and the agent fixes what they find.');
say('');
say(`  checkout  ${dir} (a copy of examples/tasklet)`);
say(`  spec      ${SPEC} (FR-7: export the visible tasks to CSV)`);
say(`  model     ${live ? 'live (ANTHROPIC_API_KEY)' : `replay of ${join('examples', 'demo', 'tasklet-csv-export.session.jsonl')} (hand-written, offline)`}`);
say(`  python    ${python}`);
say(`  gates     basedpyright (node_modules/.bin), pytest${ruffVersion ? `, ruff (${ruffVersion})` : ''}`);
if (!ruffVersion) say('            ruff is skipped: it is not installed (`pip install ruff` to include it), so the run gets --only basedpyright,pytest');
say('');

const cliArgs = [CLI, 'run', SPEC, ...(live ? [] : ['--replay', SESSION]), ...gates];
say(`$ spec-automation ${cliArgs.slice(1).map((a) => (a === SESSION ? 'examples/demo/tasklet-csv-export.session.jsonl' : a)).join(' ')}`);
say('');
const child = spawn(process.execPath, cliArgs, {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, PATH: pathWithTools, QT_QPA_PLATFORM: process.env.QT_QPA_PLATFORM ?? 'offscreen' },
  windowsHide: true,
});
// Ctrl-C reaches the child through the terminal; the demo only waits for it.
process.on('SIGINT', () => {});
/**
 * What the scheduled re-validation now says about the proposal: the run recorded it in
 * .spec-automation/lock.json with its commits, so `spec-automation status` on the branch
 * reports it implemented and FR-7 tested. The report's first line, the proposal's
 * block and the verdict; the rest is elided.
 */
function statusExcerpt() {
  const status = spawnSync(process.execPath, [CLI, 'status'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, windowsHide: true });
  const lines = (status.stdout ?? '').split(/\r?\n/);
  const start = lines.findIndex((l) => l.includes(SPEC));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('    ')) end++;
  const verdict = lines.filter((l) => /\d+ errors?, \d+ warnings?/.test(l)).pop();
  return [lines[0], '…', ...lines.slice(start, end), '…', ...(verdict ? [verdict] : [])];
}

child.on('exit', (code, signal) => {
  const exitCode = code ?? (signal ? 130 : 2);
  say('');
  if (exitCode === 0) {
    const excerpt = statusExcerpt();
    if (excerpt) {
      say('$ spec-automation status   # the Spec health report on the ready branch (excerpt)');
      for (const line of excerpt) say(line);
      say('');
    }
  }
  if (keep) {
    say(`The checkout is kept: cd ${dir} && git log --stat spec/scp-2026-10-20-01`);
  } else {
    rmSync(dir, { recursive: true, force: true });
    say('The temporary checkout was removed (run with `npm run demo -- --keep` to keep it).');
  }
  process.exit(exitCode);
});
