/**
 * A pytest gate as several processes: collect once, split the node ids (split.ts), run
 * each shard isolated (isolation.ts) under the concurrency limit, and merge the shards'
 * JUnit results into the one result a single run would give: same verdict, same counts,
 * same failures, in collection order. Whatever makes that doubtful (no clean collection,
 * a shard that ran other tests than it was given) falls back to the single run, and the
 * result says why. A shard that crashes is the gate's error, with that shard's output.
 *
 * When the last run's collection is remembered and nothing that decides it changed
 * (collection-key.ts), the collection is skipped: the remembered test files are split
 * whole, and afterwards the shards together must have run exactly the remembered tests;
 * anything else (a crash, a test more or less) runs the gate again as one process.
 *
 * Fail fast: when the run is cancelled after the failures-first shard found failures,
 * the result is that shard's (status failed, `shards.cancelled` counting the others);
 * cancelled before that, the gate is `cancelled`.
 */
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GateResult, ShardsDetail, TestCaseResult, TestSummary } from '../../pipeline/gate-result.js';
import { finalizeDiagnostics, finalizeTests, rootsOf } from '../finalize.js';
import type { GateHistory } from '../history.js';
import type { Limiter } from '../concurrency.js';
import { parseJunitText, summarize, testDiagnostics } from '../parsers/junit.js';
import { REPORT_PLACEHOLDER, type PlannedGate } from '../plan.js';
import { runProcess, type ProcessResult } from '../process.js';
import { MAX_OUTPUT_BYTES, readReport, REPORT_TOO_LARGE } from '../report-file.js';
import type { SourceFiles } from '../types.js';
import { decideVerdict, type Verdict } from '../verdict.js';
import { collectQuietFlags, parseCollection, testPathArgument } from './collect.js';
import { commandLineProblem, shardArguments, shardEnvironment, shardPaths } from './isolation.js';
import { fileOf, junitId, splitShards } from './split.js';

/** Prefix of a sharded run's own temp directory (shard temp dirs, reports, basetemps). */
const RUN_DIR_PREFIX = 'spec-automation-shards-';
/** Prefix of a finished run's directory, left for the next sharded run to remove. */
export const FINISHED_RUN_DIR_PREFIX = 'spec-automation-shards-done-';

/**
 * Removes the directories finished sharded runs left in `temp` (see {@link retireRunDir});
 * never rejects. A directory of a run still going never has the finished prefix.
 */
export async function sweepFinishedRuns(temp: string): Promise<void> {
  const names = await readdir(temp).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(FINISHED_RUN_DIR_PREFIX)).map((n) => rm(resolve(temp, n), { recursive: true, force: true }).catch(() => undefined)));
}

/**
 * A finished run's directory is renamed, not removed: deleting the shards' basetemps is
 * the tests' files one by one (on a disk mounted with `discard`, ~1 ms each), and pytest
 * alone pays the same at exit for its oldest basetemp. Renamed, it is removed by the
 * next sharded run while its shards run ({@link sweepFinishedRuns}), off the critical
 * path, as pytest keeps its last basetemps. A cancelled run's directory goes at once.
 */
async function retireRunDir(runDir: string, cancelled: boolean): Promise<void> {
  if (!cancelled) {
    const finished = resolve(runDir, '..', FINISHED_RUN_DIR_PREFIX + runDir.slice(runDir.lastIndexOf(RUN_DIR_PREFIX) + RUN_DIR_PREFIX.length));
    if (await rename(runDir, finished).then(() => true, () => false)) return;
  }
  await rm(runDir, { recursive: true, force: true }).catch(() => undefined);
}

/** Below this much test time last run, `auto` does not shard: a second collection and process start cost more than they save. */
export const MIN_SHARDED_SUITE_MS = 3_000;

export interface ShardingContext {
  /** The concurrency limit of normal-priority work. */
  limit: number;
  /** Other gates that will hold a normal-priority slot in this run. */
  otherGates: number;
  history?: GateHistory;
  /** The key of the current inputs for a remembered collection covering these test files (collection-key.ts). */
  collectionKey?: (files: readonly string[]) => Promise<string>;
}

/** With no history, `auto` shards a suite of at least this many tests. */
export const MIN_AUTO_TESTS = 20;

/**
 * How many shards a gate gets before collection, or why it runs as one process.
 * `minTests`: a collection smaller than this runs as one process (auto, nothing known yet).
 */
export function shardCount(gate: PlannedGate, context: ShardingContext): { count: number; reason?: string; minTests?: number } {
  const setting = gate.config.shards;
  if (setting === 1) return { count: 1, reason: `gates.${gate.name}.shards is 1` };
  const pathArg = testPathArgument(gate.config.args);
  if (pathArg !== undefined) return { count: 1, reason: `gates.${gate.name}.args names tests (${pathArg}); put test paths in testpaths so each shard can be given its own` };
  if (setting !== 'auto') return { count: setting };
  const free = context.limit - context.otherGates;
  if (free <= 1) return { count: 1, reason: `auto: the concurrency limit (${context.limit}) leaves no second core beside the other gates` };
  const suiteMs = context.history?.suiteMs;
  if (suiteMs !== undefined && suiteMs < MIN_SHARDED_SUITE_MS) {
    return { count: 1, reason: `auto: the tests took ${(suiteMs / 1000).toFixed(1)} s last time; sharding pays from ${MIN_SHARDED_SUITE_MS / 1000} s` };
  }
  return suiteMs === undefined ? { count: free, minTests: MIN_AUTO_TESTS } : { count: free };
}

export interface ShardedRunDeps {
  root: string;
  /** The parse context's prefix (see ParseContext). */
  prefix?: string;
  files: SourceFiles;
  /** The gate's process environment (allow-listed, with its own `env`). */
  env: Record<string, string>;
  /** The normal-priority limiter; each shard holds one slot. */
  limit: Limiter;
  /** Priority of the gate's work in the limiter (its expected duration). */
  priority: number;
  context: ShardingContext;
  /** Run the tests that failed last time first, in a shard of their own. */
  failedFirst: boolean;
  /** The tests of the failures-first shard, as soon as it finishes. */
  onFailedFirst?: (tests: TestSummary) => void;
  /** The tool's version (probed once per program). */
  version: () => Promise<string | undefined>;
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
}

/** The sharded result, or why the gate must run as one process. */
export type ShardedOutcome = { kind: 'result'; result: GateResult } | { kind: 'unsharded'; reason: string };

interface Shard {
  args: string[];
  /** The JUnit ids the shard must run. */
  ids: string[];
  /** The failures-first shard. */
  first?: boolean;
}

interface ShardRun {
  shard: Shard;
  argv: string[];
  process: ProcessResult;
  verdict: Verdict;
}

/** The gate's command line without its report flag (each shard writes its own report). */
function baseArgv(gate: PlannedGate): string[] {
  return gate.argv.filter((a) => !a.includes(REPORT_PLACEHOLDER));
}

function timeLeft(deadline: number): number {
  return Math.max(1_000, Math.round(deadline - performance.now()));
}

function detail(runs: readonly ShardRun[], failedFirst: boolean, remembered: boolean): ShardsDetail {
  const durationsMs = runs.map((r) => r.process.durationMs);
  const slowestMs = Math.max(...durationsMs);
  const mean = durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length;
  return {
    count: runs.length,
    durationsMs,
    slowestMs,
    balance: mean > 0 ? Math.round((slowestMs / mean) * 100) / 100 : 1,
    ...(failedFirst ? { failedFirst: true } : {}),
    ...(remembered ? { remembered: true } : {}),
  };
}

/**
 * The remembered collection's JUnit ids, when its key still matches the inputs and each
 * of its files is there under the gate's directory; else undefined (collect).
 */
async function rememberedIds(gate: PlannedGate, context: ShardingContext): Promise<string[] | undefined> {
  const remembered = context.history?.collection;
  if (!remembered || !context.collectionKey || remembered.ids.length === 0) return undefined;
  const files = [...new Set(remembered.ids.map(fileOf))];
  if (files.some((file) => !existsSync(resolve(gate.cwd, file)))) return undefined;
  return (await context.collectionKey(files)) === remembered.key ? remembered.ids : undefined;
}

/** The node id of a JUnit id (the inverse of {@link junitId}: xunit1 joins nested classes with dots, which no class name holds). */
export function nodeIdOf(id: string): string {
  const parts = id.split('::');
  if (parts.length !== 3 || !parts[1]!.includes('.')) return id;
  return [parts[0], ...parts[1]!.split('.'), parts[2]].join('::');
}

/** Runs a pytest gate sharded; see the file comment. Holds no limiter slot itself. */
export async function runShardedPytest(gate: PlannedGate, deps: ShardedRunDeps, count: number, minTests = 2): Promise<ShardedOutcome> {
  const started = performance.now();
  const deadline = started + gate.timeoutSeconds * 1000;
  let runDir = '';
  // Earlier runs' directories go once every shard has started, while they run: IO beside
  // CPU-bound tests. Started sooner, its thousands of file operations would hold up the
  // shards' own (the libuv pool is shared); never started (a shard never got going),
  // they wait for the next run.
  let sweeping: Promise<void> | undefined;
  let spawned = 0;
  try {
    const remembered = await rememberedIds(gate, deps.context);
    let ids: string[];
    if (remembered) {
      runDir = await mkdtemp(resolve(tmpdir(), RUN_DIR_PREFIX));
      ids = remembered;
    } else {
      // Queued at once (the limiter may be holding the start until every gate is queued).
      const collected = await deps.limit(async () => {
        runDir = await mkdtemp(resolve(tmpdir(), RUN_DIR_PREFIX));
        const collectPaths = shardPaths(runDir, -1, deps.platform);
        await mkdir(collectPaths.temp, { recursive: true });
        return runProcess({
          argv: [...baseArgv(gate), '--collect-only', ...collectQuietFlags(baseArgv(gate)), ...shardArguments(collectPaths)],
          cwd: gate.cwd,
          env: shardEnvironment(deps.env, collectPaths, -1, count, deps.platform),
          timeoutMs: timeLeft(deadline),
          lowPriority: gate.lowPriority,
          maxBufferBytes: MAX_OUTPUT_BYTES,
          ...(deps.signal ? { signal: deps.signal } : {}),
        });
      }, deps.priority);
      if (collected.cancelled) return { kind: 'result', result: await cancelledResult(gate, deps, started) };
      const collection = parseCollection(collected.stdout, collected.exitCode);
      if (!collection.ok) return { kind: 'unsharded', reason: collection.reason };
      if (collection.ids.length < minTests) return { kind: 'unsharded', reason: `auto: ${collection.ids.length} tests and no past durations; sharding pays from ${minTests}` };
      // pytest prints node ids relative to its rootdir; a shard is given them relative to its cwd.
      const missing = [...new Set(collection.ids.map(fileOf))].find((file) => !existsSync(resolve(gate.cwd, file)));
      if (missing) return { kind: 'unsharded', reason: `the collected file ${missing} is not under the gate's working directory (pytest's rootdir is elsewhere)` };
      ids = collection.ids;
    }
    // From here on, `ids` are node ids when collected and JUnit ids when remembered.
    const idOf = remembered ? (id: string) => id : junitId;
    const argOf = remembered ? nodeIdOf : (id: string) => id;

    const shards: Shard[] = [];
    let rest = ids;
    if (deps.failedFirst && deps.context.history) {
      const failed = new Set(deps.context.history.failed);
      const first = ids.filter((id) => failed.has(idOf(id)));
      if (first.length > 0 && first.length < ids.length) {
        shards.push({ args: first.map(argOf), ids: first.map(idOf), first: true });
        rest = ids.filter((id) => !failed.has(idOf(id)));
      }
    }
    const partial = new Set(shards.flatMap((s) => s.ids.map(fileOf)));
    // Remembered ids are split by whole files: file paths keep the command line short and
    // never meet a parametrized id that does not read back as the node id.
    const plan = splitShards(rest, count, deps.context.history?.tests, partial, { wholeFiles: remembered !== undefined });
    plan.args.forEach((args, i) => shards.push({ args: args.map((a) => (a.includes('::') ? argOf(a) : a)), ids: plan.ids[i]!.map(idOf) }));
    if (shards.length < 2) return { kind: 'unsharded', reason: `the suite has ${ids.length} test${ids.length === 1 ? '' : 's'} in one file` };

    const runs = await Promise.all(
      shards.map((shard, index) => {
        const paths = shardPaths(runDir, index, deps.platform);
        const argv = [...baseArgv(gate), `--junitxml=${paths.report}`, ...shardArguments(paths), ...shard.args];
        return { shard, index, paths, argv };
      }).map(async ({ shard, index, paths, argv }): Promise<ShardRun | { tooLong: string }> => {
        const problem = commandLineProblem(argv, deps.platform);
        if (problem) return { tooLong: problem };
        const process = await deps.limit(
          async () => {
            await mkdir(paths.temp, { recursive: true });
            return runProcess({
              argv,
              cwd: gate.cwd,
              env: shardEnvironment(deps.env, paths, index, shards.length, deps.platform),
              timeoutMs: timeLeft(deadline),
              lowPriority: gate.lowPriority,
              maxBufferBytes: MAX_OUTPUT_BYTES,
              ...(deps.signal ? { signal: deps.signal } : {}),
              onSpawned: () => {
                if (++spawned === shards.length) sweeping = sweepFinishedRuns(tmpdir());
              },
            });
          },
          // The failures-first shard ahead of everything; the others by their share of the gate.
          shard.first ? Number.MAX_SAFE_INTEGER : deps.priority,
        );
        const run = await verdictOf(gate, deps, shard, argv, process, paths.report);
        if (shard.first && run.verdict.tests && run.verdict.status !== 'error') deps.onFailedFirst?.(finalizeTests(run.verdict.tests, rootsOf(deps.root)));
        return run;
      }),
    );
    const tooLong = runs.find((r): r is { tooLong: string } => 'tooLong' in r);
    if (tooLong) return { kind: 'unsharded', reason: tooLong.tooLong };
    return await merge(gate, deps, runs as ShardRun[], ids.map(idOf), started, remembered !== undefined);
  } finally {
    const cancelled = deps.signal?.aborted === true;
    // A cancelled run has no time to save: it leaves no directory behind, its own or earlier ones.
    if (cancelled) sweeping ??= sweepFinishedRuns(tmpdir());
    await Promise.all([sweeping, runDir ? retireRunDir(runDir, cancelled) : undefined]);
  }
}

async function verdictOf(gate: PlannedGate, deps: ShardedRunDeps, shard: Shard, argv: string[], process: ProcessResult, reportPath: string): Promise<ShardRun> {
  let report = await readReport(reportPath);
  let capped = false;
  if (report === REPORT_TOO_LARGE) [report, capped] = [undefined, true];
  const verdict = decideVerdict({
    gate: { ...gate, argv },
    process: capped ? { ...process, outputCapped: true } : process,
    ...(report === undefined ? { missingReport: 'the shard report file' } : {}),
    parse: () => {
      const tests = parseJunitText(report ?? '', { root: deps.root, cwd: gate.cwd, ...(deps.prefix ? { prefix: deps.prefix } : {}), source: gate.name, files: deps.files, gate: gate.config });
      return { diagnostics: testDiagnostics(tests.cases, gate.name), tests };
    },
    maxBufferBytes: MAX_OUTPUT_BYTES,
  });
  return { shard, argv, process, verdict };
}

function mergedExitCode(runs: readonly ShardRun[]): number {
  const codes = runs.map((r) => r.process.exitCode ?? 0);
  if (codes.includes(1)) return 1;
  return codes.find((c) => c !== 0) ?? 0;
}

/** The gate's result when the run was cancelled before any shard had a verdict to report. */
async function cancelledResult(gate: PlannedGate, deps: ShardedRunDeps, started: number, shards?: ShardsDetail): Promise<GateResult> {
  const version = await deps.version();
  return {
    gate: gate.name,
    tool: gate.definition.tool,
    fromCache: false,
    command: gate.argv,
    status: 'cancelled',
    exitCode: null,
    durationMs: Math.round(performance.now() - started),
    diagnostics: [],
    error: { message: `${gate.name} was cancelled before it finished; its process trees were killed.` },
    ...(shards ? { shards: { ...shards, cancelled: shards.count } } : {}),
    ...(version ? { toolVersion: version } : {}),
  };
}

/**
 * The run was cancelled: the failures-first shard's verdict when it finished with
 * failures (a fail-fast stop: the gate fails, whatever the rest would have found), else
 * the gate is cancelled.
 */
async function cutShort(gate: PlannedGate, deps: ShardedRunDeps, runs: ShardRun[], shardsDetail: ShardsDetail, started: number): Promise<GateResult> {
  const first = runs.find((r) => r.shard.first && !r.process.cancelled);
  const tests = first?.verdict.tests;
  if (!first || first.verdict.status !== 'failed' || !tests) return cancelledResult(gate, deps, started, shardsDetail);
  const version = await deps.version();
  const result: GateResult = {
    gate: gate.name,
    tool: gate.definition.tool,
    fromCache: false,
    command: first.argv,
    status: 'failed',
    exitCode: first.process.exitCode,
    durationMs: Math.round(performance.now() - started),
    diagnostics: finalizeDiagnostics(first.verdict.diagnostics, deps.files, rootsOf(deps.root), deps.prefix),
    tests: finalizeTests(tests, rootsOf(deps.root)),
    shards: { ...shardsDetail, cancelled: runs.filter((r) => r.process.cancelled).length },
    ...(version ? { toolVersion: version } : {}),
  };
  return result;
}

async function merge(gate: PlannedGate, deps: ShardedRunDeps, runs: ShardRun[], ids: readonly string[], started: number, remembered: boolean): Promise<ShardedOutcome> {
  const shardsDetail = detail(runs, runs.some((r) => r.shard.first), remembered);
  const base = { gate: gate.name, tool: gate.definition.tool, fromCache: false, command: gate.argv, shards: shardsDetail };
  if (runs.some((r) => r.process.cancelled)) return { kind: 'result', result: await cutShort(gate, deps, runs, shardsDetail, started) };
  const crashed = runs.findIndex((r) => r.verdict.status === 'error');
  // With a remembered collection, a crash may be the collection's fault (a file that no
  // longer imports): the single run says what a single run says.
  if (crashed >= 0 && remembered && !runs[crashed]!.process.timedOut) {
    return { kind: 'unsharded', reason: `shard ${crashed + 1} of ${runs.length}, split from the remembered collection, gave no verdict (${runs[crashed]!.verdict.error?.message ?? 'no verdict'})` };
  }
  if (crashed >= 0) {
    const { verdict, process, argv } = runs[crashed]!;
    const version = await deps.version();
    const result: GateResult = {
      ...base,
      command: argv,
      status: 'error',
      exitCode: process.exitCode,
      durationMs: Math.round(performance.now() - started),
      diagnostics: [],
      error: { message: `Shard ${crashed + 1} of ${runs.length}: ${verdict.error?.message ?? 'no verdict'}`, ...(verdict.error?.hint ? { hint: verdict.error.hint } : {}) },
      ...(version ? { toolVersion: version } : {}),
      ...(verdict.stderrTail ? { stderrTail: verdict.stderrTail } : {}),
    };
    return { kind: 'result', result };
  }
  // Every shard must have run exactly the tests it was given: anything else (a path in
  // addopts, a plugin that reorders or adds tests) means the shards saw another suite.
  for (const [index, run] of runs.entries()) {
    const ran = new Set(run.verdict.tests?.cases.map((c) => c.id) ?? []);
    const given = new Set(run.shard.ids);
    const strangers = [...ran].filter((id) => !given.has(id));
    const missing = [...given].filter((id) => !ran.has(id));
    if (ran.size !== given.size || strangers.length > 0) {
      const which = strangers[0] ? ` (${strangers[0]} was not among them)` : missing[0] ? ` (${missing[0]} did not run)` : '';
      const what = remembered ? 'the remembered collection had' : 'the collection gave it';
      return { kind: 'unsharded', reason: `shard ${index + 1} ran ${ran.size} tests where ${what} ${given.size}${which}` };
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  const cases: TestCaseResult[] = runs.flatMap((r) => r.verdict.tests?.cases ?? []);
  cases.sort((a, b) => (order.get(a.id) ?? ids.length) - (order.get(b.id) ?? ids.length));
  const suiteMs = runs.reduce((sum, r) => sum + (r.verdict.tests?.durationMs ?? 0), 0);
  const tests = summarize(cases, suiteMs);
  const exitCode = mergedExitCode(runs);
  const last = runs[0]!.process;
  const verdict = decideVerdict({
    gate,
    process: { ...last, exitCode, stdout: runs.map((r) => r.process.stdout).join('\n'), stderr: runs.map((r) => r.process.stderr).join('\n') },
    parse: () => ({ diagnostics: testDiagnostics(tests.cases, gate.name), tests }),
    maxBufferBytes: MAX_OUTPUT_BYTES,
  });
  const version = await deps.version();
  const result: GateResult = {
    ...base,
    status: verdict.status,
    exitCode,
    durationMs: Math.round(performance.now() - started),
    diagnostics: finalizeDiagnostics(verdict.diagnostics, deps.files, rootsOf(deps.root), deps.prefix),
    ...(version ? { toolVersion: version } : {}),
  };
  if (verdict.tests) result.tests = finalizeTests(verdict.tests, rootsOf(deps.root));
  if (verdict.error) result.error = verdict.error;
  if (verdict.stderrTail) result.stderrTail = verdict.stderrTail;
  return { kind: 'result', result };
}
