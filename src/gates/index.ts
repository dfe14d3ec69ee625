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
import { normalizePrefix } from '../pipeline/repo-path.js';
import { ResultCache, stableHash, type CacheWriteError } from './cache.js';
import { repositoryCacheDir } from './cache-dir.js';
import { createLimiter } from './concurrency.js';
import { gateEnvironment } from './env.js';
import { defaultInputs } from './default-inputs.js';
import { LastDurations, timeoutSeconds } from './durations.js';
import { BUILTIN_GATES } from './registry.js';
import { collectionOf, historyName, historyOf, readHistory, type GateHistory } from './history.js';
import { collectionDigest, configTexts, relativeDir, testLikeOnDisk, widensCollection } from './pytest-shards/collection-key.js';
import { fileOf } from './pytest-shards/split.js';
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
  /**
   * With `failedFirst`: once the failures-first shard's tests still fail, cancel the rest
   * of the run (every process tree killed, temp directories removed). That gate fails with
   * those tests, gates that had not finished are `cancelled`, and `GatesRun.cutShort`
   * says why. Nothing of a run cut short is cached or remembered.
   */
  failFast?: boolean;
  /** Told when fail fast starts cancelling the run, with the reason. */
  onCutShort?: (reason: string) => void;
}

/** Bumped when anything that shapes a result changes, so old cache entries stop matching. */
const CACHE_SCHEMA = 'gates-v2';
/** Environment variables that change what Python tools check or collect. */
const KEY_ENV = ['PYTHONPATH', 'PYTEST_ADDOPTS', 'PYTEST_PLUGINS', 'QT_QPA_PLATFORM'];

/** Runs the gates and returns their results; see {@link RunGatesOptions}. */
export async function runGates(options: RunGatesOptions): Promise<GatesRun> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { root, config } = options;
  const prefix = normalizePrefix(options.pathPrefix);
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
  /** What a gate's result depends on besides the files it reads. */
  const identity = async (gate: PlannedGate) => {
    inputs ??= listInputs(root);
    const [hashes, program, python] = await Promise.all([
      inputs,
      fileIdentity(gate.argv[0]!),
      gate.python ? probes.pythonEnvironment(gate.python, root) : Promise.resolve(''),
    ]);
    const key = {
      schema: CACHE_SCHEMA,
      gate: gate.name,
      parser: gate.parser,
      tool: gate.definition.tool,
      program,
      python,
      argv: gate.argv,
      cwd: join(gate.cwd),
      ...(prefix ? { prefix } : {}),
      // The time limit is left out: a cached verdict (passed, failed) is one the tool reached
      // within its limit, and a run past it is a tool error, never cached. run_gates caps the
      // limit per call; its results then answer the same gates after the commit.
      config: { ...gate.config, timeout: undefined },
      failOn: gate.failOn,
      env: Object.fromEntries(KEY_ENV.map((k) => [k, env[k] ?? null])),
      platform: process.platform,
    };
    return { hashes, key };
  };
  const cacheKey = async (gate: PlannedGate): Promise<string> => {
    const { hashes, key } = await identity(gate);
    // `inputs` overrides; a built-in gate otherwise reads what its tool's own configuration selects.
    return stableHash({ ...key, inputs: await inputsDigest(hashes, gate.config.inputs ?? (BUILTIN_GATES[gate.name] ? await defaultInputs(gate.parser, root, gate.cwd) : undefined)) });
  };
  /** The key under which a shardable gate's collection is remembered (pytest-shards/collection-key.ts). */
  const collectionKey = (gate: PlannedGate) => async (testFiles: readonly string[]): Promise<string> => {
    const [{ hashes, key }, texts] = await Promise.all([identity(gate), configTexts(root, gate.cwd)]);
    const widened = widensCollection(texts, gate.argv);
    const onDisk = await testLikeOnDisk(gate.cwd, widened);
    // Settings that do not change what pytest collects: a `shards: 1` run proves the collection of a sharded one.
    const { shards: _shards, timeout: _timeout, failOn: _failOn, noTests: _noTests, lowPriority: _low, ...config } = gate.config;
    return stableHash({ ...key, config, failOn: undefined, collection: collectionDigest({ hashes, cwd: relativeDir(root, gate.cwd), testFiles, widened, onDisk }) });
  };
  // Fail fast: the failures-first shard's verdict cancels the rest of the run.
  const cut = options.failFast ? new AbortController() : undefined;
  let cutShort: string | undefined;
  const signal = cut ? (options.signal ? AbortSignal.any([options.signal, cut.signal]) : cut.signal) : options.signal;

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
            ...(cache ? { collectionKey: collectionKey(gate) } : {}),
          },
          failedFirst: options.failedFirst ?? false,
          onFailedFirst: (name, tests) => {
            options.onProgress?.({ kind: 'failed-first', gate: name, tests: redactor.redactDeep(tests) });
            const failing = tests.failed + tests.errored;
            if (cut && failing > 0 && !cut.signal.aborted && !options.signal?.aborted) {
              cutShort = `${name}: ${failing} test${failing === 1 ? '' : 's'} that failed last time still fail${failing === 1 ? 's' : ''}; the rest of the run was cancelled (fail fast)`;
              options.onCutShort?.(cutShort);
              cut.abort();
            }
          },
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
        ...(signal ? { signal } : {}),
        onStart: (name, command) => options.onProgress?.({ kind: 'started', gate: name, command }),
        onFinish: (name, result) => options.onProgress?.({ kind: 'finished', gate: name, result }),
      }),
    ),
  );
  // A verdict that really ran says how long the gate takes; a cached one or a timeout does not.
  for (const r of results) if (!r.fromCache && !r.shards?.cancelled && (r.status === 'passed' || r.status === 'failed')) durations.record(r.gate, r.durationMs);
  if (cache) {
    await Promise.all(
      plans.flatMap((gate, i) => {
        const result = results[i]!;
        const history = gate.definition.shardable && !result.fromCache ? historyOf(result) : undefined;
        if (!history) return [];
        // What this run collected, remembered under the key of the inputs it ran on.
        const ids = collectionOf(result);
        const remember = ids ? collectionKey(gate)([...new Set(ids.map(fileOf))]).then((key) => ({ ...history, collection: { key, ids } })) : Promise.resolve(history);
        return [remember.then((h) => cache.setHistory(historyName(gate), h))];
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
    ...(cutShort ? { cutShort } : {}),
  };
}
