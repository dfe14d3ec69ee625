/**
 * `revalidateRepository`: the scheduled re-validation over a repository read through the
 * {@link SpecSource} port (the checkout in the action, the working tree in the CLI):
 * validate every spec, scan tests and code for requirement ids, compare the specs with
 * the lock file, and combine it all into the Spec health report.
 */
import type { Config } from '../config/schema.js';
import { classifyDrift, lfContentHash, parseLock, type LockFile, type LockProblem } from '../drift/index.js';
import { normalizeRelative } from '../repo-path.js';
import { validateRepository } from '../spec/index.js';
import type { SpecSource } from '../spec/source.js';
import { collectTraceFiles, scanTraceability, traceRequirements, type CollectLimits } from '../traceability/index.js';
import { buildSpecHealthReport } from './build-report.js';
import type { FailOn, SpecHealthReport } from './model.js';

export interface RevalidateOptions {
  /** Overrides `revalidate.failOn` (the action's `fail-on` input, the CLI's `--fail-on`). */
  failOn?: FailOn;
  /** Path of the configuration file read (relative to the source's root), for findings about it. */
  configFile?: string;
  commit?: string;
  ref?: string;
  limits?: CollectLimits;
  /**
   * Where the source's root lies in the repository when it is a folder of it (the
   * action's `working-directory`), e.g. `apps/shop`: every path of the report starts
   * with it, so it is repository-relative, as GitHub wants it. What it is given (the
   * configuration's globs and lock file, `configFile`) and what it reads (the lock file's
   * entries) is relative to the project, and so are the messages and the fingerprints.
   */
  pathPrefix?: string;
}

const decoder = new TextDecoder('utf-8');

function isMissing(error: unknown): boolean {
  const e = error as { code?: unknown; status?: unknown; kind?: unknown } | null;
  return e?.code === 'ENOENT' || e?.code === 'ENOTDIR' || e?.status === 404 || e?.kind === 'not-found';
}

/** The lock file's text, `undefined` when there is none, or the reason it could not be read. */
async function readLock(source: SpecSource, path: string): Promise<{ text?: string; problem?: LockProblem }> {
  try {
    return { text: decoder.decode(await source.read(path)) };
  } catch (error) {
    if (isMissing(error)) return {};
    return { problem: { line: 1, fatal: true, message: `The lock file could not be read: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}.` } };
  }
}

/**
 * Re-validates a repository.
 * @param source the repository's files
 * @param config the repository's configuration
 */
export async function revalidateRepository(source: SpecSource, config: Config, options: RevalidateOptions = {}): Promise<SpecHealthReport> {
  // The listing is needed three times (specs, traceability, drift): walk the tree once.
  const listing = source.list().then((files) => files.map(normalizeRelative));
  const cached: SpecSource = { list: () => listing, read: (p) => source.read(p) };
  const validation = await validateRepository(cached, config.specs);
  const files = await listing;

  const lockPath = normalizeRelative(config.revalidate.lockFile);
  const read = await readLock(source, lockPath);
  const parsed = read.text !== undefined ? parseLock(read.text) : undefined;
  const problems = [...(read.problem ? [read.problem] : []), ...(parsed?.problems ?? [])];
  const usable: LockFile | undefined = parsed && !parsed.problems.some((p) => p.fatal) ? parsed.lock : undefined;

  // Specs whose bytes differ from the lock's hash may only differ in line endings.
  const lfHashes = new Map<string, string>();
  for (const spec of validation.specs) {
    const entry = usable?.entries.get(spec.path);
    if (!entry || entry.contentHash === spec.contentHash) continue;
    try {
      const h = lfContentHash(await source.read(spec.path));
      if (h) lfHashes.set(spec.path, h);
    } catch {
      // Unreadable now: it was reported by validation.
    }
  }

  const traceFiles = await collectTraceFiles(cached, files, config.traceability, options.limits);
  const index = scanTraceability(traceFiles, config.traceability);
  const trace = traceRequirements(validation.specs, index, { ignoreKinds: config.traceability.ignoreKinds });
  const drift = classifyDrift({ specs: validation.specs, lock: usable, files: new Set(files), executableStatuses: config.specs.executableStatuses, lfHashes });

  return buildSpecHealthReport({
    validation,
    trace,
    drift,
    lock: { path: lockPath, present: read.text !== undefined, ...(read.text !== undefined ? { text: read.text } : {}), entries: usable?.entries.size ?? 0, problems },
    traceProblems: index.problems,
    skipped: index.skipped,
    failOn: options.failOn ?? config.revalidate.failOn,
    marker: config.traceability.marker,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.commit ? { commit: options.commit } : {}),
    ...(options.ref ? { ref: options.ref } : {}),
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
  });
}
