/**
 * `spec-automation status`: the scheduled re-validation's Spec health report for a
 * local checkout: every spec's validity, drift against the lock file, and requirement →
 * test traceability. Text for people, JSON for tools. Exit 0 when the report passes the
 * fail-on policy (`revalidate.failOn`, or `--fail-on`), 1 when it fails, 2 on bad usage
 * or an invalid configuration.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { readConfigFile } from '../config-file.js';
import { CONFIG_PATH, type Config } from '../../pipeline/config/schema.js';
import { revalidateRepository, type FailOn } from '../../pipeline/revalidate/index.js';
import { renderDiagnostics } from '../../reporting/text/diagnostics.js';
import { renderSpecHealthText } from '../../reporting/text/spec-health.js';
import type { Command } from '../command.js';
import { parseCommandArgs, UsageError, usageFailure } from '../usage.js';
import { EXIT, type CliIO } from '../io.js';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

const USAGE = `Usage: spec-automation status [options]

The Spec health report of a checkout, as the scheduled re-validation (action mode
revalidate) posts it: for every spec document its validation findings, its drift
against the lock file (.spec-automation/lock.json: changed since implemented, never
implemented, implemented from a superseded version, approved change proposals not
applied, lock entries whose spec is gone) and its requirement → test traceability
(requirements no test cites, tests citing ids no spec defines).

Tests cite requirements with @pytest.mark.req("FR-12") (marker name:
traceability.marker); test names (test_fr_12_…), docstrings, comments and
traceability.patterns also count.

Options:
  --format FORMAT   text (default) or json (the whole report)
  --fail-on LEVEL   error, warning or never (default: revalidate.failOn, error)
  --cwd DIR         the repository root (default: the current directory)
  --config FILE     configuration file (default: DIR/${CONFIG_PATH})

Exit codes: 0 the report passes the fail-on policy, 1 it fails,
2 bad usage or an invalid configuration.
`;

interface Options {
  format: Format;
  failOn?: FailOn;
  cwd?: string;
  config?: string;
}

function parseOptions(args: string[]): Options {
  const { values } = parseCommandArgs({
    args,
    options: { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string' }, cwd: { type: 'string' }, config: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}"; use text or json.`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !FAIL_ON.includes(failOn as FailOn)) throw new UsageError(`--fail-on must be error, warning or never; got "${failOn}".`);
  return {
    format,
    ...(failOn !== undefined ? { failOn: failOn as FailOn } : {}),
    ...(values.cwd !== undefined ? { cwd: values.cwd } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

type Loaded = { config: Config; shown: string | undefined } | { errors: string };

/** The shared configuration prologue, its errors rendered for this command. */
async function loadConfig(root: string, cwd: string, option: string | undefined, color: boolean): Promise<Loaded> {
  const loaded = await readConfigFile(root, cwd, option);
  if (loaded.ok) return { config: loaded.config, shown: loaded.shown };
  return { errors: `${renderDiagnostics(loaded.diagnostics, { sources: { [loaded.shown]: loaded.text }, color })}spec-automation status: the configuration ${loaded.shown} has errors; nothing was checked.\n` };
}

async function run(args: string[], io: CliIO): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(usageFailure('status', error));
    return EXIT.error;
  }
  const root = resolve(io.cwd, options.cwd ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.stderr.write(`spec-automation status: the directory ${options.cwd ?? root} does not exist.\n`);
    return EXIT.error;
  }
  const color = io.stdoutColor;
  let loaded: Loaded;
  try {
    loaded = await loadConfig(root, io.cwd, options.config, io.stderrColor);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`spec-automation status: ${error.message}\n`);
    return EXIT.error;
  }
  if ('errors' in loaded) {
    io.stderr.write(loaded.errors);
    return EXIT.error;
  }
  const report = await revalidateRepository(createFsSpecSource(root), loaded.config, {
    ...(options.failOn ? { failOn: options.failOn } : {}),
    ...(loaded.shown ? { configFile: loaded.shown } : {}),
  });
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderSpecHealthText(report, { color }));
  return report.verdict.fails ? EXIT.findings : EXIT.ok;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'Spec health: validation, drift against the lock file, requirement → test traceability',
  usage: USAGE,
  run,
};

export default statusCommand;
