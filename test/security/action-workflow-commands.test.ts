/**
 * Issue 11, build item 5: the runner log is not a command channel. A file name with a
 * newline (reported by a type checker) or a spec's front-matter `id` used to print
 * `::error file=README.md…` into the log of a fork PR. The built action is run on a
 * project whose every untrusted field carries `\n::error …`, `%0A::error …` and
 * `##[error]`; the log is then read the way the runner reads it, honouring
 * `::stop-commands::`, and no injected command may come out.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { couldBeCommand, inertLogText } from '../../src/reporting/workflow-commands.js';
import { startFakeGitHub } from '../support/github/fake-github.js';
import type { GitHubDouble } from '../support/github/double.js';
import { removeDir } from '../integration/gates/support.js';
import { newRunner, project, removeRunner, runDist, runnerEnv, type Runner } from './action-support.js';

/** A hostile suffix for every field: a raw newline command, an encoded one, the old form. */
const HOSTILE = (tag: string) => `${tag}\n::error file=README.md,line=1::INJECTED-${tag}\n%0A::warning::INJECTED-${tag}-ENCODED ##[error]INJECTED-${tag}-V1`;

/**
 * The commands the runner would process in `log`: lines starting with `::` (after
 * leading whitespace) or holding `##[`, except between `::stop-commands::T` and `::T::`.
 */
export function commandsTheRunnerSees(log: string): string[] {
  const seen: string[] = [];
  let stopToken: string | undefined;
  for (const raw of log.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line.trim() === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line.trim());
    if (stop) {
      stopToken = stop[1];
      continue;
    }
    if (line.startsWith('::') || line.includes('##[')) seen.push(line);
  }
  return seen;
}

/**
 * A `##[` inside one of the action's own annotation lines is message text (the runner
 * parses the line as that `::error …::` command first); anywhere else it would be one.
 */
function expectNoBareV1(commands: string[]): void {
  expect(commands.filter((c) => c.includes('##[') && !/^::(error|warning|notice)( [^:]*)?::/.test(c))).toEqual([]);
}

describe('untrusted text in the log', () => {
  it('inertLogText leaves plain text alone and fences anything that could be a command', () => {
    const token = 'a'.repeat(32);
    expect(inertLogText('gates: pytest passed', token)).toBe('gates: pytest passed');
    for (const text of ['::error::x', 'file\n::error::x', '  ::warning::x', 'x\r::notice::y', 'see ##[error]x']) {
      expect(couldBeCommand(text)).toBe(true);
      expect(commandsTheRunnerSees(inertLogText(text, token))).toEqual([]);
    }
    expect(() => inertLogText(`::${token}::\n::error::x`, token)).toThrow();
  });
});

describe('the built action with hostile paths, messages and front matter', () => {
  let workspace: string | undefined;
  let runner: Runner | undefined;
  let double: GitHubDouble | undefined;
  afterEach(async () => {
    await double?.close();
    if (workspace) removeDir(workspace);
    if (runner) removeRunner(runner);
    [workspace, runner, double] = [undefined, undefined, undefined];
  });

  async function run(files: Record<string, string>, inputs: Record<string, string>): Promise<string> {
    workspace = project(files);
    const started = await startFakeGitHub();
    double = started.double;
    runner = newRunner(workspace);
    const result = await runDist(runnerEnv(runner, double.url, { python: '', ...inputs }), workspace);
    expect(result.stderr).toBe('');
    return result.stdout;
  }

  it('gates: a type checker reporting a file name, rule and message with newlines injects nothing', async () => {
    // A stand-in for basedpyright printing its JSON: the file name and the message are hostile.
    const report = (root: string) => ({
      version: '1.0.0',
      generalDiagnostics: [
        { file: `${root}/pkg/${HOSTILE('PATH')}.py`, severity: 'error', message: HOSTILE('MESSAGE'), rule: HOSTILE('RULE'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } },
      ],
      summary: { errorCount: 1, warningCount: 0, informationCount: 0, filesAnalyzed: 1 },
    });
    const script = `const root = process.cwd(); process.stdout.write(JSON.stringify(${JSON.stringify(report('ROOT'))}).split('ROOT').join(root.split('\\\\').join('/'))); process.exit(1);`;
    const stdout = await run(
      {
        '.github/spec-automation.yml': `gates:\n  ${JSON.stringify('types')}:\n    command: [${JSON.stringify(process.execPath)}, fake.js]\n    parser: basedpyright\n`,
        'fake.js': script,
      },
      { report: 'check-runs, review, summary, annotations' },
    );
    expect(stdout).toContain('INJECTED-MESSAGE');
    const commands = commandsTheRunnerSees(stdout);
    expect(commands.filter((c) => c.includes('INJECTED') && !/^::(error|warning|notice) [^:]*::/.test(c))).toEqual([]);
    // The annotations the action means to write are whole: one line each, escaped.
    for (const c of commands.filter((c) => c.includes('INJECTED'))) {
      expect(c).not.toMatch(/^::(error|warning|notice) file=README\.md/);
    }
    expect(commands.some((c) => c.startsWith('::error file=README.md'))).toBe(false);
    expectNoBareV1(commands);
  });

  it('validate: a spec whose front-matter id, title and status carry commands injects nothing', async () => {
    const prd = readFileSync(new URL('../../examples/tasklet/docs/prd.md', import.meta.url), 'utf8');
    const hostile = prd
      .replace('id: PRD-001', `id: ${JSON.stringify(HOSTILE('ID'))}`)
      .replace('title: Tasklet — Product Requirements Document', `title: ${JSON.stringify(HOSTILE('TITLE'))}`)
      .replace('status: approved', `status: ${JSON.stringify(HOSTILE('STATUS'))}`);
    const stdout = await run({ [`docs/${'prd'}.md`]: hostile }, { mode: 'validate', report: 'check-runs, review, summary, annotations' });
    expect(stdout).toContain('INJECTED-ID');
    const commands = commandsTheRunnerSees(stdout);
    expect(commands.some((c) => c.startsWith('::error file=README.md'))).toBe(false);
    expect(commands.filter((c) => /INJECTED/.test(c) && !/^::(error|warning|notice)( [^:]*)?::/.test(c))).toEqual([]);
    expectNoBareV1(commands);
  });
});
