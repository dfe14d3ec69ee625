/**
 * One gate from plan to result: cache lookup, temp report file, the process, the parser,
 * the verdict, normalized diagnostics, cache store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GateResult, ShardsDetail, TestSummary } from '../pipeline/gate-result.js';
import type { ResultCache } from './cache.js';
import type { Limiter } from './concurrency.js';
import { gateEnvironment } from './env.js';
import { finalizeDiagnostics, finalizeTests, rootsOf } from './finalize.js';
import { REPORT_PLACEHOLDER, type PlannedGate } from './plan.js';
import { fileIdentity, type Probes } from './probes.js';
import { runProcess, type ProcessResult } from './process.js';
import { runShardedPytest, shardCount, type ShardingContext } from './pytest-shards/run.js';
import { loadParser } from './registry.js';
import { MAX_OUTPUT_BYTES, readReport, REPORT_TOO_LARGE } from './report-file.js';
import type { SourceFiles, ToolOutput } from './types.js';
import { decideVerdict } from './verdict.js';

export interface GateRunDeps {
  root: string;
  /** Where `root` lies in the repository (`''` at its root): the parse context's prefix. */
  prefix?: string;
  env: Record<string, string | undefined>;
  /** Removes the secrets in play from a fresh result, before it is cached or returned. */
  redact?: (result: GateResult) => GateResult;
  files: SourceFiles;
  probes: Probes;
  /** Undefined when caching is off. */
  cache?: ResultCache;
  /** Read the cache (false with `--no-cache`: results are still stored). */
  readCache: boolean;
  /** Cache key of a gate, computed by the orchestrator. */
  cacheKey?: (gate: PlannedGate) => Promise<string>;
  /** The limiter of the gate's pool (normal or low priority). */
  limit: Limiter;
  /** The gate's place in its pool: its expected duration in ms (longest first). */
  priority?: number;
  /** Set where a shardable gate (pytest) may be split; see pytest-shards/. */
  sharding?: {
    context: ShardingContext;
    failedFirst: boolean;
    onFailedFirst?: (gate: string, tests: TestSummary) => void;
    platform?: NodeJS.Platform;
  };
  /** Called once the gate is answered or queued, so the limiter can start in priority order. */
  ready?: () => void;
  signal?: AbortSignal;
  onStart?: (gate: string, command: string[]) => void;
  /** Called before the gate's concurrency slot goes to the next gate, so progress never shows more running than the limit. */
  onFinish?: (gate: string, result: GateResult) => void;
}

/** Environment of a tool process: the caller's allow-listed variables, `passEnv`, the gate's own (see env.ts). */
export function childEnv(base: Record<string, string | undefined>, gate: PlannedGate): Record<string, string> {
  return gateEnvironment(base, { passEnv: gate.config.passEnv, env: gate.config.env, unset: gate.definition.unsetEnv ?? [] });
}

function baseResult(gate: PlannedGate): Omit<GateResult, 'status'> {
  return { gate: gate.name, tool: gate.definition.tool, exitCode: null, durationMs: 0, fromCache: false, command: gate.argv, diagnostics: [] };
}

function versionOf(gate: PlannedGate, deps: GateRunDeps): Promise<string | undefined> {
  if (!gate.definition.versionArgs) return Promise.resolve(undefined);
  const launcher = gate.definition.launcher.kind === 'python-module' && gate.argv[1] === '-m' ? gate.argv.slice(0, 3) : gate.argv.slice(0, 1);
  return fileIdentity(gate.argv[0]!).then((id) => deps.probes.version(launcher, gate.definition.versionArgs!, id));
}

async function execute(gate: PlannedGate, deps: GateRunDeps): Promise<GateResult> {
  const needsTemp = gate.argv.some((a) => a.includes(REPORT_PLACEHOLDER));
  // Announced before the first await so gates that got their slots in order are reported
  // as started in that order (the temp-dir and stale-report steps take varying time).
  deps.onStart?.(gate.name, gate.argv);
  // Also where the tool's stdout and stderr go (see runProcess's outputDir).
  const tempDir = await mkdtemp(join(tmpdir(), 'spec-automation-'));
  const reportPath = needsTemp ? join(tempDir, 'report') : gate.reportFile;
  const argv = needsTemp ? gate.argv.map((a) => a.replaceAll(REPORT_PLACEHOLDER, reportPath!)) : gate.argv;
  try {
    // A stale report from an earlier run must not pass for this run's.
    if (gate.reportFile) await rm(gate.reportFile, { force: true });
    const version = versionOf(gate, deps);
    const process: ProcessResult = await runProcess({
      argv,
      cwd: gate.cwd,
      env: childEnv(deps.env, gate),
      timeoutMs: gate.timeoutSeconds * 1000,
      lowPriority: gate.lowPriority,
      maxBufferBytes: MAX_OUTPUT_BYTES,
      outputDir: tempDir,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    let report = reportPath ? await readReport(reportPath) : undefined;
    let capped = false;
    if (report === REPORT_TOO_LARGE) [report, capped] = [undefined, true];
    const parser = await loadParser(gate.parser);
    const output: ToolOutput = { stdout: process.stdout, stderr: process.stderr, exitCode: process.exitCode, ...(report !== undefined ? { report } : {}) };
    const verdict = decideVerdict({
      gate,
      process: capped ? { ...process, outputCapped: true } : process,
      ...(reportPath && report === undefined ? { missingReport: gate.reportFile ?? 'the temp report file' } : {}),
      parse: () => parser(output, { root: deps.root, cwd: gate.cwd, ...(deps.prefix ? { prefix: deps.prefix } : {}), source: gate.name, files: deps.files, gate: gate.config }),
      maxBufferBytes: MAX_OUTPUT_BYTES,
    });
    // The tool's text is read: let basedpyright's 5 MB report go before the findings are finalized.
    output.stdout = output.stderr = process.stdout = process.stderr = '';
    delete output.report;
    report = undefined;
    const toolVersion = verdict.toolVersion ?? (await version);
    const result: GateResult = {
      ...baseResult(gate),
      command: argv,
      status: verdict.status,
      exitCode: process.exitCode,
      durationMs: process.durationMs,
      diagnostics: finalizeDiagnostics(verdict.diagnostics, deps.files, rootsOf(deps.root), deps.prefix),
    };
    if (toolVersion) result.toolVersion = toolVersion;
    if (verdict.tests) result.tests = finalizeTests(verdict.tests, rootsOf(deps.root));
    if (verdict.error) result.error = verdict.error;
    if (verdict.stderrTail) result.stderrTail = verdict.stderrTail;
    return result;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

function unshardedDetail(result: GateResult, reason: string): ShardsDetail {
  return { count: 1, durationsMs: [result.durationMs], slowestMs: result.durationMs, balance: 1, reason };
}

/**
 * A shardable gate: split into shards when its setting and the run allow (each shard
 * holds its own slot), else one process, with the reason in `shards`.
 */
async function executeSharded(gate: PlannedGate, deps: GateRunDeps, sharding: NonNullable<GateRunDeps['sharding']>): Promise<GateResult> {
  const decided = shardCount(gate, sharding.context);
  let reason = decided.reason ?? '';
  if (decided.count > 1) {
    deps.onStart?.(gate.name, gate.argv);
    const outcome = await runShardedPytest(
      gate,
      {
        root: deps.root,
        ...(deps.prefix ? { prefix: deps.prefix } : {}),
        files: deps.files,
        env: childEnv(deps.env, gate),
        limit: deps.limit,
        priority: deps.priority ?? 0,
        context: sharding.context,
        failedFirst: sharding.failedFirst,
        ...(sharding.onFailedFirst ? { onFailedFirst: (tests: TestSummary) => sharding.onFailedFirst!(gate.name, tests) } : {}),
        version: () => versionOf(gate, deps),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(sharding.platform ? { platform: sharding.platform } : {}),
      },
      decided.count,
      decided.minTests,
    );
    if (outcome.kind === 'result') return outcome.result;
    reason = outcome.reason.startsWith('auto:') ? outcome.reason : `ran as one process: ${outcome.reason}`;
  }
  return deps.limit(async () => {
    const result = await execute(gate, deps);
    return { ...result, shards: unshardedDetail(result, reason) };
  }, deps.priority);
}

/** Runs one planned gate (or answers from the cache) and returns its normalized result. */
export async function runGate(gate: PlannedGate, deps: GateRunDeps): Promise<GateResult> {
  const redact = deps.redact ?? ((r: GateResult) => r);
  const finish = (unredacted: GateResult): GateResult => {
    const result = redact(unredacted);
    deps.onFinish?.(gate.name, result);
    return result;
  };
  const start = (): Promise<GateResult> => {
    const sharding = gate.definition.shardable ? deps.sharding : undefined;
    const running = sharding ? executeSharded(gate, deps, sharding).then(finish) : deps.limit(async () => finish(await execute(gate, deps)), deps.priority);
    deps.ready?.();
    return running;
  };
  const done = (result: GateResult): GateResult => {
    deps.ready?.();
    return finish(result);
  };
  try {
    return await answer(gate, deps, start, done);
  } finally {
    // Also when the cache lookup threw: the limiter must never wait for this gate.
    deps.ready?.();
  }
}

async function answer(gate: PlannedGate, deps: GateRunDeps, start: () => Promise<GateResult>, done: (result: GateResult) => GateResult): Promise<GateResult> {
  if (gate.skipped) return done({ ...baseResult(gate), status: 'skipped' });
  if (gate.problem) return done({ ...baseResult(gate), status: 'error', error: gate.problem });
  if (!deps.cache || !deps.cacheKey) return start();
  // Reading the cache needs the key first; with reading off (--no-cache) the tool starts
  // at once and the key, needed only to store the result, is computed alongside.
  const keyPromise = deps.cacheKey(gate);
  if (deps.readCache) {
    const hit = await deps.cache.get(await keyPromise);
    if (hit) return done({ ...hit, fromCache: true });
  }
  const [result, key] = await Promise.all([start(), keyPromise]);
  // Only verdicts are worth keeping; a tool error is retried next time, and a run cut short proves nothing.
  if ((result.status === 'passed' || result.status === 'failed') && !result.shards?.cancelled && !deps.signal?.aborted) await deps.cache.set(key, result);
  return result;
}
