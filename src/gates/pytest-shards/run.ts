/**
 * A pytest gate as several processes: collect once, split the node ids (split.ts), run
 * each shard isolated (isolation.ts) under the concurrency limit, and merge the shards'
 * JUnit results into the one result a single run would give: same verdict, same counts,
 * same failures, in collection order. Whatever makes that doubtful (no clean collection,
 * a shard that ran other tests than it was given) falls back to the single run, and the
 * result says why. A shard that crashes is the gate's error, with that shard's output.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
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

/** Below this much test time last run, `auto` does not shard: a second collection and process start cost more than they save. */
export const MIN_SHARDED_SUITE_MS = 3_000;

export interface ShardingContext {
  /** The concurrency limit of normal-priority work. */
  limit: number;
  /** Other gates that will hold a normal-priority slot in this run. */
  otherGates: number;
  history?: GateHistory;
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

function detail(runs: readonly ShardRun[], failedFirst: boolean): ShardsDetail {
  const durationsMs = runs.map((r) => r.process.durationMs);
  const slowestMs = Math.max(...durationsMs);
  const mean = durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length;
  return { count: runs.length, durationsMs, slowestMs, balance: mean > 0 ? Math.round((slowestMs / mean) * 100) / 100 : 1, ...(failedFirst ? { failedFirst: true } : {}) };
}

/** Runs a pytest gate sharded; see the file comment. Holds no limiter slot itself. */
export async function runShardedPytest(gate: PlannedGate, deps: ShardedRunDeps, count: number, minTests = 2): Promise<ShardedOutcome> {
  const started = performance.now();
  const deadline = started + gate.timeoutSeconds * 1000;
  let runDir = '';
  try {
    // Queued at once (the limiter may be holding the start until every gate is queued).
    const collected = await deps.limit(async () => {
      runDir = await mkdtemp(resolve(tmpdir(), 'spec-automation-shards-'));
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
    if (collected.cancelled) return { kind: 'unsharded', reason: 'cancelled while collecting' };
    const collection = parseCollection(collected.stdout, collected.exitCode);
    if (!collection.ok) return { kind: 'unsharded', reason: collection.reason };
    const { ids } = collection;
    if (ids.length < minTests) return { kind: 'unsharded', reason: `auto: ${ids.length} tests and no past durations; sharding pays from ${minTests}` };
    // pytest prints node ids relative to its rootdir; a shard is given them relative to its cwd.
    const missing = [...new Set(ids.map((id) => id.split('::')[0]!))].find((file) => !existsSync(resolve(gate.cwd, file)));
    if (missing) return { kind: 'unsharded', reason: `the collected file ${missing} is not under the gate's working directory (pytest's rootdir is elsewhere)` };

    const shards: Shard[] = [];
    let rest = ids;
    if (deps.failedFirst && deps.context.history) {
      const failed = new Set(deps.context.history.failed);
      const first = ids.filter((id) => failed.has(junitId(id)));
      if (first.length > 0 && first.length < ids.length) {
        shards.push({ args: first, ids: first, first: true });
        rest = ids.filter((id) => !failed.has(junitId(id)));
      }
    }
    const partial = new Set(shards.flatMap((s) => s.ids.map(fileOf)));
    const plan = splitShards(rest, count, deps.context.history?.tests, partial);
    plan.args.forEach((args, i) => shards.push({ args, ids: plan.ids[i]! }));
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
    return await merge(gate, deps, runs as ShardRun[], ids, started);
  } finally {
    if (runDir) await rm(runDir, { recursive: true, force: true }).catch(() => undefined);
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

async function merge(gate: PlannedGate, deps: ShardedRunDeps, runs: ShardRun[], ids: readonly string[], started: number): Promise<ShardedOutcome> {
  const shardsDetail = detail(runs, runs.some((r) => r.shard.first));
  const base = { gate: gate.name, tool: gate.definition.tool, fromCache: false, command: gate.argv, shards: shardsDetail };
  const crashed = runs.findIndex((r) => r.verdict.status === 'error');
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
    const given = new Set(run.shard.ids.map(junitId));
    const strangers = [...ran].filter((id) => !given.has(id));
    if (ran.size !== given.size || strangers.length > 0) {
      return { kind: 'unsharded', reason: `shard ${index + 1} ran ${ran.size} tests where the collection gave it ${given.size}${strangers[0] ? ` (${strangers[0]} was not among them)` : ''}` };
    }
  }
  const order = new Map(ids.map((id, i) => [junitId(id), i]));
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
