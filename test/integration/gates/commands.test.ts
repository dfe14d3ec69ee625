/**
 * The generic command gate with each parser, end to end through real processes (node
 * scripts standing in for third-party analyzers), and ruff for real when it is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGates } from '../../../src/gates/index.js';
import { config, copyExample, removeDir, toolEnv } from './support.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gates-cmd-'));
  writeFileSync(join(dir, 'app.py'), 'import os\nprint("hi")\n');
});
afterEach(() => removeDir(dir));

const NO_CACHE = 'cache:\n  enabled: false\n';

describe('command gates', () => {
  it('sarif: a report written to {report}, read into diagnostics', async () => {
    const sarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'fake', version: '2.0.1', rules: [{ id: 'F1', helpUri: 'https://example.com/F1' }] } }, results: [{ ruleId: 'F1', level: 'error', message: { text: 'unused import' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 1, startColumn: 8, endColumn: 10 } } }] }] }] };
    writeFileSync(join(dir, 'fake.js'), `require('fs').writeFileSync(process.argv[2], ${JSON.stringify(JSON.stringify(sarif))}); process.exit(1);`);
    const yaml = `${NO_CACHE}gates:\n  fake:\n    command: [node, fake.js, "{report}"]\n    parser: sarif\n`;
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(run.gates[0]).toMatchObject({
      gate: 'fake',
      tool: 'node',
      status: 'failed',
      toolVersion: '2.0.1',
      diagnostics: [{ source: 'fake', path: 'app.py', rule: 'F1', range: { start: { line: 1, column: 8 }, end: { line: 1, column: 9 } }, url: 'https://example.com/F1' }],
    });
  });

  it('junit: a report path in config, relative to the gate cwd; a stale report is not reused', async () => {
    const xml = '<testsuite><testcase classname="t" name="ok"/><testcase classname="t" name="bad"><failure message="boom">app.py:2: in f</failure></testcase></testsuite>';
    writeFileSync(join(dir, 'runner.js'), `require('fs').writeFileSync('out/junit.xml', ${JSON.stringify(xml)}); process.exit(1);`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'out'));
    const yaml = `${NO_CACHE}gates:\n  tests:\n    command: node runner.js\n    parser: junit\n    report: out/junit.xml\n`;
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(run.gates[0]).toMatchObject({ status: 'failed', tests: { total: 2, passed: 1, failed: 1 }, diagnostics: [{ rule: 'test.failed', path: 'app.py', range: { start: { line: 2 } }, message: 'boom' }] });
    // Next time the runner crashes before writing: the old report must not count.
    writeFileSync(join(dir, 'runner.js'), 'process.exit(1);');
    const again = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(again.gates[0]).toMatchObject({ status: 'error', error: { message: expect.stringContaining('wrote no report') } });
  });

  it('exit-code: a failing command fails with the end of its output', async () => {
    const yaml = `${NO_CACHE}gates:\n  check:\n    command: [node, -e, "console.error('3 problems'); process.exit(2)"]\n    parser: exit-code\n    env:\n      EXTRA: "1"\n`;
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(run.gates[0]).toMatchObject({ status: 'failed', exitCode: 2, diagnostics: [{ rule: 'exit-code', message: 'check exited with code 2:\n3 problems' }] });
  });

  it('passes the gate env to the tool and adds no variable of its own, and reads CRLF output', async () => {
    const script = "process.stdout.write(`app.py:1: error: ${process.env.PYTHONUTF8}/${process.env.NO_COLOR}/${process.env.GREETING} café\\r\\n`); process.exit(1)";
    const yaml = `${NO_CACHE}gates:\n  echo:\n    command: [node, -e, ${JSON.stringify(script)}]\n    parser: regex\n    pattern: '^(?<file>[^:]+):(?<line>\\d+): (?<severity>\\w+): (?<message>.+)$'\n    env:\n      GREETING: héllo\n`;
    const env = Object.fromEntries(Object.entries(toolEnv()).filter(([k]) => !['PYTHONUTF8', 'NO_COLOR'].includes(k)));
    const run = await runGates({ root: dir, config: config(yaml), env });
    expect(run.gates[0]!.diagnostics[0]!.message).toBe('undefined/undefined/héllo café');
  });

  it('runs gates in parallel up to the concurrency limit', async () => {
    const sleeper = (name: string) => `  ${name}:\n    command: [node, -e, "setTimeout(() => {}, 300)"]\n    parser: exit-code\n`;
    const yaml = `${NO_CACHE}concurrency: 2\ngates:\n${sleeper('a')}${sleeper('b')}${sleeper('c')}`;
    const events: string[] = [];
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv(), onProgress: (e) => events.push(`${e.kind}:${'gate' in e ? e.gate : e.gates.join(',')}`) });
    expect(run.gates.every((g) => g.status === 'passed')).toBe(true);
    // Two start at once; the third waits for a slot.
    expect(events.slice(0, 4)).toEqual(['planned:a,b,c', 'started:a', 'started:b', expect.stringMatching(/^finished:[ab]$/)]);
    expect(events.indexOf('started:c')).toBeGreaterThan(3);
    const serial: string[] = [];
    await runGates({ root: dir, config: config(yaml.replace('concurrency: 2', 'concurrency: 1')), env: toolEnv(), onProgress: (e) => serial.push(`${e.kind}:${'gate' in e ? e.gate : ''}`) });
    expect(serial.slice(1)).toEqual(['started:a', 'finished:a', 'started:b', 'finished:b', 'started:c', 'finished:c']);
  });

  it('cancellation kills running tools and reports them as cancelled, which is no pass', async () => {
    const yaml = `${NO_CACHE}gates:\n  slow:\n    command: [node, -e, "setTimeout(() => {}, 60000)"]\n    parser: exit-code\n`;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv(), signal: controller.signal });
    expect(run.gates[0]).toMatchObject({ status: 'cancelled', error: { message: 'slow was cancelled before it finished; its process tree was killed.' } });
    expect(run.conclusion).toBe('error');
  });
});

function hasRuff(): boolean {
  try {
    execFileSync('ruff', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('ruff for real', () => {
  it.skipIf(!hasRuff())('reports the known findings of the broken example (skipped: no `ruff` on PATH; the parser is covered by test/unit/gates/ruff-json.test.ts)', async () => {
    const example = copyExample('tasklet-broken');
    try {
      const run = await runGates({ root: example, config: config(NO_CACHE), only: ['ruff'], env: process.env });
      expect(run.gates[0]!.diagnostics.map((d) => [d.rule, d.path, d.range.start.line])).toEqual([
        ['E722', 'tasklet/model.py', 26],
        ['F401', 'tasklet/model.py', 5],
      ]);
      const clean = copyExample('tasklet');
      try {
        expect((await runGates({ root: clean, config: config(NO_CACHE), only: ['ruff'], env: process.env })).gates[0]!.status).toBe('passed');
      } finally {
        removeDir(clean);
      }
    } finally {
      removeDir(example);
    }
  });
});
