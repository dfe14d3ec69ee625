/**
 * The quality gates engine: `runGates` runs the configured gates (ruff, basedpyright,
 * pytest, any command) in parallel under a concurrency limit, answers unchanged gates
 * from the cache, and returns normalized results. It never reports and never talks to
 * GitHub; the CLI, the action and the app render what it returns.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../pipeline/config/schema.js';
import { conclusionOf, type GateResult, type GatesRun } from '../pipeline/gate-result.js';
import { Redactor } from '../pipeline/redact.js';
import { normalizeRelative } from '../pipeline/repo-path.js';
import { ResultCache, stableHash, type CacheWriteError } from './cache.js';
import { repositoryCacheDir } from './cache-dir.js';
import { createLimiter } from './concurrency.js';
import { gateEnvironment } from './env.js';
import { defaultInputs } from './default-inputs.js';
import { LastDurations, timeoutSeconds } from './durations.js';
import { BUILTIN_GATES } from './registry.js';
import { historyName, historyOf, readHistory, type GateHistory } from './history.js';
import { inputsDigest, listInputs, type InputHashes } from './inputs.js';
import { planGates, type PlannedGate } from './plan.js';
import { fileIdentity, Probes, probesFile } from './probes.js';
import { preloadProcessRunner } from './process.js';
import { runGate } from './run-gate.js';
import { createSourceFiles } from './source-files.js';
import type { GateProgressEvent } from './types.js';

export type { GateProgressEvent } from './types.js';
export { UnknownGateError } from './plan.js';
export { BUILTIN_GATES, informationUriOf } from './registry.js';
export { cacheWriteWarning } from './cache.js';
export { repositoryCacheDir } from './cache-dir.js';

export interface RunGatesOptions {
  /** Absolute path of the repository (or project) root. */
  root: string;
  /**
   * Where `root` lies in the repository when it is a folder of it (the action's
   * `working-directory`), e.g. `app`: every path in the results starts with it, so they
   * are repository-relative. Fingerprints stay those of the project-relative paths.
   */
  pathPrefix?: string;
  config: Config;
  /** Run only these gates (names from the configuration). */
  only?: readonly string[];
  /** Do not read the result cache (fresh results are still stored). */
  noCache?: boolean;
  onProgress?: (event: GateProgressEvent) => void;
  /** Aborting kills every running tool's process tree. */
  signal?: AbortSignal;
  /**
   * Environment for tool lookup; default `process.env`. The tools get its allow-listed
   * part only (see env.ts), and its secrets are redacted from every result.
   */
  env?: Record<string, string | undefined>;
  /** The repository's cache directory; default {@link repositoryCacheDir} of `root` and `env`. */
  cacheDir?: string;
  /** Told when a cache write fails; the caller makes it one warning per run ({@link cacheWriteWarning}). */
  cacheWriteFailed?: CacheWriteError;
  /** Redacts the results; default: the secrets of `env`. */
  redactor?: Redactor;
  /** Default `process.platform`; tests pass `win32` to check Windows lookups. */
  platform?: NodeJS.Platform;
  /**
   * Failures first (a fix iteration, `--failed-first`): the tests that failed last time
   * run first in a shard of their own, reported as a `failed-first` progress event.
   */
  failedFirst?: boolean;
}

/** Bumped when anything that shapes a result changes, so old cache entries stop matching. */
const CACHE_SCHEMA = 'gates-v2';
/** Environment variables that change what Python tools check or collect. */
const KEY_ENV = ['PYTHONPATH', 'PYTEST_ADDOPTS', 'PYTEST_PLUGINS', 'QT_QPA_PLATFORM'];

/** `./app/` → `app`; `''` for the repository root. */
function normalizedPrefix(prefix: string | undefined): string {
  const p = normalizeRelative(prefix ?? '');
  return p === '.' ? '' : p;
}

/** Runs the gates and returns their results; see {@link RunGatesOptions}. */
export async function runGates(options: RunGatesOptions): Promise<GatesRun> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { root, config } = options;
  const prefix = normalizedPrefix(options.pathPrefix);
  const env = options.env ?? process.env;
  const platform = { windows: (options.platform ?? process.platform) === 'win32', env };
  const plans = planGates(root, config, platform, options.only);
  options.onProgress?.({ kind: 'planned', gates: plans.map((p) => p.name) });

  const cacheOn = config.cache.enabled;
  // Tools will certainly start when nothing can come from the cache.
  if ((!cacheOn || options.noCache) && plans.some((p) => !p.skipped && !p.problem)) preloadProcessRunner();
  const cacheDir = options.cacheDir ?? repositoryCacheDir(root, env, options.platform);
  const cache = cacheOn ? new ResultCache(cacheDir, config.cache.maxMegabytes * 1024 * 1024, options.cacheWriteFailed) : undefined;
  const probes = new Probes(cacheOn ? probesFile(cacheDir) : undefined, gateEnvironment(env), options.cacheWriteFailed);
  const redactor = options.redactor ?? Redactor.fromEnv(env);
  const durations = LastDurations.in(cacheOn ? cacheDir : undefined, options.cacheWriteFailed);
  await Promise.all([probes.load(), durations.load()]);
  for (const gate of plans) gate.timeoutSeconds = timeoutSeconds(gate.config.timeout, durations.get(gate.name), gate.definition.deriveTimeout === true);
  let inputs: Promise<InputHashes> | undefined;
  const cacheKey = async (gate: PlannedGate): Promise<string> => {
    inputs ??= listInputs(root);
    const [hashes, program, python] = await Promise.all([
      inputs,
      fileIdentity(gate.argv[0]!),
      gate.python ? probes.pythonEnvironment(gate.python, root) : Promise.resolve(''),
    ]);
    return stableHash({
      schema: CACHE_SCHEMA,
      gate: gate.name,
      parser: gate.parser,
      tool: gate.definition.tool,
      program,
      python,
      argv: gate.argv,
      cwd: join(gate.cwd),
      ...(prefix ? { prefix } : {}),
      config: gate.config,
      failOn: gate.failOn,
      env: Object.fromEntries(KEY_ENV.map((k) => [k, env[k] ?? null])),
      platform: process.platform,
      // `inputs` overrides; a built-in gate otherwise reads what its tool's own configuration selects.
      inputs: await inputsDigest(hashes, gate.config.inputs ?? (BUILTIN_GATES[gate.name] ? await defaultInputs(gate.parser, root, gate.cwd) : undefined)),
    });
  };

  // Two pools of the same size: the tests (and other normal gates) get the cores, and the
  // linters and type checkers run beside them at low CPU priority instead of taking a
  // slot a test shard would use. Each pool starts longest-first by past durations once
  // every gate is queued or answered.
  const slots = config.concurrency > 0 ? config.concurrency : availableParallelism();
  const pools = { normal: createLimiter(slots), low: createLimiter(slots) };
  const releases = [pools.normal.hold(), pools.low.hold()];
  const pending = new Set(plans.map((p) => p.name));
  const readyOf = (name: string) => () => {
    pending.delete(name);
    if (pending.size === 0) for (const release of releases) release();
  };
  const histories = new Map<string, GateHistory>();
  if (cache) {
    await Promise.all(
      plans.map(async (gate) => {
        const history = gate.definition.shardable && !gate.skipped && !gate.problem ? await readHistory(cache, gate) : undefined;
        if (history) histories.set(gate.name, history);
      }),
    );
  }
  const runnable = plans.filter((p) => !p.skipped && !p.problem);
  const files = createSourceFiles(root, prefix);
  const results: GateResult[] = await Promise.all(
    plans.map((gate) =>
      runGate(gate, {
        limit: gate.lowPriority ? pools.low : pools.normal,
        priority: durations.get(gate.name) ?? 0,
        ready: readyOf(gate.name),
        sharding: {
          context: {
            limit: slots,
            otherGates: runnable.filter((p) => p !== gate && !p.lowPriority).length,
            ...(histories.has(gate.name) ? { history: histories.get(gate.name)! } : {}),
          },
          failedFirst: options.failedFirst ?? false,
          onFailedFirst: (name, tests) => options.onProgress?.({ kind: 'failed-first', gate: name, tests: redactor.redactDeep(tests) }),
          ...(options.platform ? { platform: options.platform } : {}),
        },
        root,
        ...(prefix ? { prefix } : {}),
        env,
        redact: (result) => redactor.redactDeep(result),
        files,
        probes,
        ...(cache ? { cache, cacheKey } : {}),
        readCache: !options.noCache,
        ...(options.signal ? { signal: options.signal } : {}),
        onStart: (name, command) => options.onProgress?.({ kind: 'started', gate: name, command }),
        onFinish: (name, result) => options.onProgress?.({ kind: 'finished', gate: name, result }),
      }),
    ),
  );
  // A verdict that really ran says how long the gate takes; a cached one or a timeout does not.
  for (const r of results) if (!r.fromCache && (r.status === 'passed' || r.status === 'failed')) durations.record(r.gate, r.durationMs);
  if (cache) {
    await Promise.all(
      plans.flatMap((gate, i) => {
        const history = gate.definition.shardable && !results[i]!.fromCache ? historyOf(results[i]!) : undefined;
        return history ? [cache.setHistory(historyName(gate), history)] : [];
      }),
    );
  }
  await Promise.all([probes.save(), durations.save()]);
  return {
    schemaVersion: 1,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    conclusion: conclusionOf(results),
    gates: results,
  };
}
