/**
 * `spec-automation status`: the scheduled re-validation's Spec health report for a
 * local checkout: every spec's validity, drift against the lock file, and requirement →
 * test traceability. Text for people, JSON for tools. Exit 0 when the report passes the
 * fail-on policy (`revalidate.failOn`, or `--fail-on`), 1 when it fails, 2 on bad usage
 * or an invalid configuration.
 */
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { openProject, parseCommandOptions } from '../prologue.js';
import { CONFIG_PATH } from '../../pipeline/config/schema.js';
import { revalidateRepository, type FailOn } from '../../pipeline/revalidate/index.js';
import { renderSpecHealthText } from '../../reporting/text/spec-health.js';
import type { Command } from '../command.js';
import { parseCommandArgs, UsageError } from '../usage.js';
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

async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseCommandOptions('status', args, io, parseOptions);
  if (!options) return EXIT.error;
  const loaded = await openProject('status', io, options, { stopped: 'nothing was checked' });
  if (!loaded) return EXIT.error;
  const color = io.stdoutColor;
  const report = await revalidateRepository(createFsSpecSource(loaded.root), loaded.config, {
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
