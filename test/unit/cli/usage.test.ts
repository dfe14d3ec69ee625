// A mistyped command or flag gets the nearest right one, in one line, and exit code 2;
// the whole usage text is for --help, not for a typo.
import { describe, expect, it } from 'vitest';
import { EXIT, type CliIO } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

function capture(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd: process.cwd(),
    env: {},
    stdoutColor: false,
    stderrColor: false,
    liveStderr: false,
    out: () => out,
    err: () => err,
  };
}

describe('spec-automation usage errors', () => {
  it('suggests the nearest command', async () => {
    const io = capture();
    expect(await main(['valdiate'], io)).toBe(EXIT.error);
    expect(io.err()).toBe('spec-automation: unknown command "valdiate". Did you mean "validate"? Run `spec-automation --help` for the commands.\n');
  });

  it('says so plainly when no command is near', async () => {
    const io = capture();
    expect(await main(['deploy-everything'], io)).toBe(EXIT.error);
    expect(io.err()).not.toContain('Did you mean');
    expect(io.err()).not.toContain('Usage:');
  });

  it.each([
    ['validate', ['--formt', 'json'], '--format'],
    ['gates', ['--no-cach'], '--no-cache'],
    ['status', ['--fail-no', 'never'], '--fail-on'],
    ['run', ['docs/x.md', '--dryrun'], '--dry-run'],
  ])('%s: suggests the nearest flag for %j', async (command, args, expected) => {
    const io = capture();
    expect(await main([command, ...args], io)).toBe(EXIT.error);
    expect(io.err()).toContain(`Did you mean ${expected}?`);
    expect(io.err()).toContain(`spec-automation ${command} --help`);
    expect(io.err()).not.toContain('Options:');
  });

  it.each([['--version'], ['-V'], ['-v']])('%s prints the version', async (flag) => {
    const io = capture();
    expect(await main([flag], io)).toBe(EXIT.ok);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
