/**
 * `spec-automation gates` on a real terminal: tmux, 80 columns, the compiled CLI. What a
 * person sees after the run is the final screen: each gate's status line once (a wrapped
 * line used to leave stale copies on every redraw), nothing wider than the terminal, the
 * code frame's caret under the right character of a Chinese line, colour only when the
 * terminal wants it, and no cursor codes in stderr redirected to a file.
 */
/* eslint-disable no-control-regex -- the screen is asserted on its colour codes */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/reporting/text/width.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(REPO, 'bin', 'spec-automation.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const LONG = 'a-gate-with-a-name-long-enough-to-push-its-status-line-past-eighty-columns';

let dir: string;
let socket: string;

beforeAll(() => {
  if (!existsSync(join(REPO, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: run `npm run build:lib` first.');
  dir = mkdtempSync(join(tmpdir(), 'spec-automation-tty-'));
  socket = `spec-automation-test-${process.pid}`;
  mkdirSync(join(dir, '.github'));
  mkdirSync(join(dir, '模块'));
  writeFileSync(join(dir, '模块', '数据.py'), '名前 = "数据" + 1\n');
  const node = JSON.stringify(process.execPath);
  const script = (code: string) => JSON.stringify(code);
  writeFileSync(
    join(dir, '.github', 'spec-automation.yml'),
    [
      'gates:',
      '  lint:',
      `    command: [${node}, "-e", ${script('setTimeout(() => {}, 700)')}]`,
      '    parser: exit-code',
      `  ${LONG}:`,
      `    command: [${node}, "-e", ${script('setTimeout(() => { console.log("模块/数据.py:1:11: error: 不能把字符串和整数相加 (str + int) in an expression that goes on and on"); process.exit(1); }, 1400)')}]`,
      '    parser: regex',
      '    pattern: "^(?<file>[^:]+):(?<line>\\\\d+):(?<column>\\\\d+): (?<severity>\\\\w+): (?<message>.+)$"',
      '',
    ].join('\n'),
  );
  execFileSync('git', ['init', '-q'], { cwd: dir });
});

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs a shell line in a fresh 80x40 tmux pane and returns the final screen (with escapes when `escapes`). */
async function screenOf(shellLine: string, env: Record<string, string>, escapes = false): Promise<string> {
  const session = `s${Math.random().toString(36).slice(2, 8)}`;
  const exports = Object.entries(env)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '80', '-y', '40', '-s', session, `cd ${JSON.stringify(dir)} && env ${exports} ${shellLine}; echo __DONE__; sleep 60`], {
    env: { ...process.env, TERM: 'xterm-256color' },
  });
  try {
    for (let i = 0; i < 300; i++) {
      const screen = execFileSync('tmux', ['-L', socket, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session], { encoding: 'utf8' });
      if (screen.includes('__DONE__')) return screen.slice(0, screen.indexOf('__DONE__'));
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the CLI did not finish within 60 s under tmux');
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-session', '-t', session]);
  }
}

const run = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} gates --no-cache`;

describe.skipIf(!hasTmux)('spec-automation gates on an 80-column terminal', () => {
  it('leaves one status line per gate, nothing wider than the screen, and the caret under the right character', async () => {
    const screen = await screenOf(run, { TERM: 'xterm-256color' });
    const rows = screen.split('\n');
    // The live block (stderr) as last drawn: one line per gate, no stale copies above it.
    const statusRows = rows.filter((r) => /^ {2}[✓✗!○●-] /.test(r));
    const names = statusRows.map((r) => r.trim().split(/\s+/)[1]!).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^a-gate-with-a-name/);
    expect(names[1]).toBe('lint');
    // Cut to the width, not wrapped: the row under each status line is no continuation of it.
    for (const row of statusRows) expect(rows[rows.indexOf(row) + 1] ?? '', row).toMatch(/^( |$)/);
    // The code frame: the caret sits under "+" (column 11), after four double-width characters.
    const source = rows.findIndex((r) => r.includes('名前 = "数据" + 1'));
    expect(source).toBeGreaterThan(-1);
    const caretRow = rows[source + 1]!;
    const caretAt = displayWidth(caretRow.slice(0, caretRow.indexOf('^')));
    const sourceRow = rows[source]!;
    const charAt = displayWidth(sourceRow.slice(0, sourceRow.indexOf('+')));
    expect(caretAt).toBe(charAt);
    expect(screen).toMatch(/Gates failed/);
  }, 90_000);

  it('writes colour on a terminal and none with NO_COLOR, and the same text either way', async () => {
    const coloured = await screenOf(run, { TERM: 'xterm-256color' }, true);
    const plain = await screenOf(run, { TERM: 'xterm-256color', NO_COLOR: '1' }, true);
    expect(coloured).toMatch(/\u001b\[3[0-9]m/);
    expect(plain).not.toMatch(/\u001b\[3[0-9]m/);
    const text = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').replace(/\d+(\.\d+)?s\b/g, 'Ns');
    expect(text(plain)).toBe(text(coloured));
  }, 90_000);

  it('keeps cursor codes out of stderr redirected to a file while stdout is the terminal', async () => {
    const log = join(dir, 'gates.log');
    await screenOf(`${run} 2>${JSON.stringify(log)}`, { TERM: 'xterm-256color' });
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('gates: ');
    expect(text).not.toContain('\u001b[');
  }, 90_000);
});
