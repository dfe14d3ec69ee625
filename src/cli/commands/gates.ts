/**
 * `spec-automation gates`: runs the quality gates of a project, shows live per-gate
 * status on stderr while they run, then the report on stdout (text, json, sarif or
 * junit). Exit 0 when every gate passed, 1 when a gate failed, 2 when a gate could not
 * run or the usage or configuration is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { cacheWriteWarning, type CacheWriteError } from '../../gates/cache.js';
import { repositoryCacheDir } from '../../gates/cache-dir.js';
import { informationUriOf, runGates, UnknownGateError, type GateProgressEvent } from '../../gates/index.js';
import { CONFIG_PATH } from '../../pipeline/config/path.js';
import type { Config } from '../../pipeline/config/schema.js';
import type { Severity } from '../../pipeline/diagnostic.js';
import type { GatesRun } from '../../pipeline/gate-result.js';
import { failedFirstNote } from '../../reporting/shards.js';
import { DEFAULT_MAX_FINDINGS, DEFAULT_MAX_PER_FILE, renderGateFindings, renderGatesSummary, renderLiveStatus, renderStatusChange, type GateLiveState } from '../../reporting/text/gates.js';
import type { Command } from '../command.js';
import { openProject, parseCommandOptions } from '../prologue.js';
import { parseCommandArgs, UsageError } from '../usage.js';
import { EXIT, type CliIO } from '../io.js';
import { LiveBlock } from '../live-block.js';

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: spec-automation gates [options]

Runs the project's quality gates (ruff, basedpyright and pytest by default, or the
gates in ${CONFIG_PATH}) in parallel and reports what they found.

Options:
  --cwd DIR          the project root (default: the current directory)
  --only a,b         run only these gates
  --format FORMAT    text (default), json, sarif or junit, written to stdout;
                     progress always goes to stderr
  --no-cache         run every gate, even when its inputs did not change
  --failed-first     run the tests that failed last time first, in a shard of their
                     own, and say how they did as soon as they finish
  --max-findings N   findings listed in the text report (default ${DEFAULT_MAX_FINDINGS},
                     at most ${DEFAULT_MAX_PER_FILE} per file), most important first: failing
                     tests, errors, warnings, notes; the rest are counted. \`all\`
                     lists every finding
  --min-severity S   list only findings at or above S (error, warning, info) in
                     the text report; the verdict and the other formats are unchanged
  --config FILE      configuration file (default: DIR/${CONFIG_PATH})

Exit codes: 0 every gate passed, 1 a gate failed, 2 a gate could not run (missing
tool, timeout, unreadable output) or bad usage or configuration.
`;

/** Repaints the live block on an interactive stderr; logs one line per change otherwise. */
class Progress {
  private states: GateLiveState[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly block: LiveBlock;

  constructor(private readonly io: CliIO) {
    this.block = new LiveBlock(io.stderr, io.columns);
  }

  readonly handle = (event: GateProgressEvent): void => {
    const now = Date.now();
    if (event.kind === 'planned') {
      this.states = event.gates.map((gate) => ({ gate, phase: 'queued' }));
      if (this.io.liveStderr) this.timer = setInterval(() => this.draw(), 250).unref();
      this.draw();
      return;
    }
    const state = this.states.find((s) => s.gate === event.gate);
    if (!state) return;
    if (event.kind === 'failed-first') state.failedFirst = event.tests;
    else if (event.kind === 'started') Object.assign(state, { phase: 'running', startedAt: now });
    else Object.assign(state, { phase: 'done', result: event.result });
    if (this.io.liveStderr) this.draw();
    else if (event.kind === 'failed-first') this.io.stderr.write(`gates: ${event.gate}: ${failedFirstNote(event.tests)}\n`);
    else this.io.stderr.write(renderStatusChange(state, now));
  };

  private draw(): void {
    if (!this.io.liveStderr) return;
    this.block.draw(renderLiveStatus(this.states, Date.now(), { color: this.io.stderrColor }));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.draw();
  }
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

interface GatesOptions {
  cwd?: string;
  only?: string[];
  format: Format;
  noCache: boolean;
  failedFirst: boolean;
  config?: string;
  maxFindings: number;
  minSeverity: Severity;
}

function maxFindingsOf(value: string): number {
  if (value === 'all') return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-findings takes a whole number or "all", not "${value}".`);
  return Number(value);
}

function parseOptions(args: string[]): GatesOptions {
  const { values } = parseCommandArgs({
    args,
    options: {
      cwd: { type: 'string' },
      only: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'no-cache': { type: 'boolean', default: false },
      'failed-first': { type: 'boolean', default: false },
      config: { type: 'string' },
      'max-findings': { type: 'string', default: String(DEFAULT_MAX_FINDINGS) },
      'min-severity': { type: 'string', default: 'info' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}"; use one of ${FORMATS.join(', ')}.`);
  const minSeverity = values['min-severity'] as Severity;
  if (!SEVERITIES.includes(minSeverity)) throw new UsageError(`Unknown severity "${values['min-severity']}" for --min-severity; use one of ${SEVERITIES.join(', ')}.`);
  const maxFindings = maxFindingsOf(values['max-findings']!);
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    format,
    noCache: values['no-cache'] ?? false,
    failedFirst: values['failed-first'] ?? false,
    maxFindings,
    minSeverity,
    ...(values.cwd !== undefined ? { cwd: values.cwd } : {}),
    ...(only && only.length > 0 ? { only } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

async function sarifOf(run: GatesRun): Promise<string> {
  const { gatesSarifRuns, renderSarif } = await import('../../reporting/sarif.js');
  return `${JSON.stringify(renderSarif(gatesSarifRuns(run, informationUriOf)), null, 2)}\n`;
}

/** Source lines for code frames: files inside the project only, and not huge ones. */
function projectLines(root: string): (path: string) => string[] | undefined {
  return (path) => {
    if (path === '' || isAbsolute(path) || path.split('/').includes('..')) return undefined;
    try {
      const full = join(root, path);
      if (statSync(full).size > 4 * 1024 * 1024) return undefined;
      return readFileSync(full, 'utf8').split(/\r?\n/);
    } catch {
      return undefined;
    }
  };
}

/** The level at which a gate's findings fail it: its own `failOn`, else the configuration's. */
function failOnOf(config: Config, gate: string): Severity {
  const value = config.gates[gate];
  return (value && value.failOn) || config.failOn;
}

function exitCodeOf(run: GatesRun): number {
  if (run.conclusion === 'error') return EXIT.error;
  return run.conclusion === 'failure' ? EXIT.findings : EXIT.ok;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseCommandOptions('gates', args, io, parseOptions);
  if (!options) return EXIT.error;
  // The caches live in the user cache directory, keyed by this repository: never in the checkout.
  let cacheDir = '';
  let cacheWriteFailed: CacheWriteError = () => undefined;
  const loaded = await openProject('gates', io, options, {
    stopped: 'no gate was run',
    // A text validated before comes from the cache: YAML and the schema load only when the file changed.
    cache: (root) => {
      cacheDir = repositoryCacheDir(root, io.env);
      cacheWriteFailed = cacheWriteWarning((message) => io.stderr.write(`spec-automation gates: warning: ${message}\n`), cacheDir);
      return { dir: cacheDir, writeFailed: cacheWriteFailed };
    },
  });
  if (!loaded) return EXIT.error;
  const { root } = loaded;
  const progress = new Progress(io);
  let result: GatesRun;
  try {
    result = await runGates({
      root,
      config: loaded.config,
      noCache: options.noCache,
      failedFirst: options.failedFirst,
      onProgress: progress.handle,
      env: io.env,
      cacheDir,
      cacheWriteFailed,
      ...(options.only ? { only: options.only } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } catch (error) {
    if (!(error instanceof UnknownGateError)) throw error;
    io.stderr.write(`spec-automation gates: ${error.message}\n`);
    return EXIT.error;
  } finally {
    progress.stop();
  }
  const style = { color: io.stdoutColor };
  switch (options.format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      io.stderr.write(`\n${renderGatesSummary(result, { color: false })}`);
      break;
    case 'sarif':
      io.stdout.write(await sarifOf(result));
      io.stderr.write(`\n${renderGatesSummary(result, { color: false })}`);
      break;
    case 'junit':
      io.stdout.write((await import('../../reporting/junit.js')).renderJunit(result, { failOnOf: (name) => failOnOf(loaded.config, name) }));
      io.stderr.write(`\n${renderGatesSummary(result, { color: false })}`);
      break;
    default: {
      // The summary, then the findings most important first (failing tests, errors,
      // warnings) within the caps, then the summary again, where the eye lands.
      const summary = renderGatesSummary(result, style);
      const findings = renderGateFindings(result, { ...style, readLines: projectLines(root), maxFindings: options.maxFindings, minSeverity: options.minSeverity });
      io.stdout.write(findings === '' ? `\n${summary}` : `\n${summary}\n${findings}\n${summary}`);
    }
  }
  return exitCodeOf(result);
}

export const gatesCommand: Command = {
  name: 'gates',
  summary: 'Run the quality gates (ruff, basedpyright, pytest, any command) in parallel',
  usage: USAGE,
  run,
};

export default gatesCommand;
