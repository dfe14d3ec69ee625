/**
 * The result cache: one JSON file per key under `<cache dir>/gates/` (see cache-dir.ts:
 * never inside the checkout), written atomically, evicted oldest-first beyond a size
 * bound. Only verdicts are cached (passed, failed); a tool error is always retried. An
 * entry read back is validated (result-schema.ts): anything else is a miss. A write that
 * fails (disk full, read-only) leaves no temp file behind and is one warning; the
 * verdict stands.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GateResult } from '../pipeline/gate-result.js';

const FORMAT = 1;

interface Entry {
  format: number;
  key: string;
  result: GateResult;
}

/** Told about a cache write that failed; see {@link cacheWriteWarning}. */
export type CacheWriteError = (error: unknown) => void;

/**
 * One warning per run for cache writes, however many fail: a full disk fails them all,
 * and the reader needs the cause once, not once per gate. The run creates one and gives
 * it to every cache it writes (configuration, results, probes).
 *
 * @param warn where the warning is said (the CLI's stderr, the action's `core.warning`)
 */
export function cacheWriteWarning(warn: (message: string) => void, dir: string): CacheWriteError {
  let said = false;
  return (error) => {
    if (said) return;
    said = true;
    const reason = error instanceof Error ? error.message : String(error);
    warn(`Could not write the gates cache in ${dir} (${reason}). The results of this run stand; the next run will not be answered from the cache. Free space or fix the permissions, or set cache.enabled: false.`);
  };
}

/**
 * Writes `text` to `file` through a temp file and a rename, so a reader never sees half
 * an entry. On failure the temp file is removed and the error is thrown.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A stable hash of any JSON-able value (object keys sorted). */
export function stableHash(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

export class ResultCache {
  private readonly dir: string;

  /**
   * @param cacheDir the repository's cache directory (see `repositoryCacheDir`)
   * @param maxBytes size bound of the stored results
   * @param writeFailed told when a write fails (default: nothing)
   */
  constructor(
    cacheDir: string,
    private readonly maxBytes: number,
    private readonly writeFailed: CacheWriteError = () => undefined,
  ) {
    this.dir = join(cacheDir, 'gates');
  }

  private file(key: string): string {
    return join(this.dir, `${key.slice(0, 40)}.json`);
  }

  /** A gate's run history (past durations, last failures), one small file per gate, kept beside the results and not evicted with them. */
  private historyFile(name: string): string {
    return join(dirname(this.dir), 'history', `${stableHash(name).slice(0, 40)}.json`);
  }

  /** The history stored under `name`, as JSON (the caller validates it), or undefined. */
  async getHistory(name: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.historyFile(name), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Stores a history record; never throws (a failure is the run's one cache warning). */
  async setHistory(name: string, value: unknown): Promise<void> {
    try {
      await writeAtomically(this.historyFile(name), JSON.stringify(value));
    } catch (error) {
      this.writeFailed(error);
    }
  }

  /** The cached result for a key, or undefined. An entry that is not a valid result is a miss. */
  async get(key: string): Promise<GateResult | undefined> {
    const file = this.file(key);
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(await readFile(file, 'utf8')) as Partial<Entry>;
    } catch {
      return undefined;
    }
    if (!entry || typeof entry !== 'object' || entry.format !== FORMAT || entry.key !== key) return undefined;
    const { parseCachedResult } = await import('./result-schema.js');
    const result = parseCachedResult(entry.result);
    if (!result) return undefined;
    // Touch, so eviction removes the least recently used entries first.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return result;
  }

  /** Stores a result; never throws (a failure is one warning per run). */
  async set(key: string, result: GateResult): Promise<void> {
    const entry: Entry = { format: FORMAT, key, result };
    try {
      await writeAtomically(this.file(key), JSON.stringify(entry));
    } catch (error) {
      this.writeFailed(error);
      return;
    }
    await this.evict();
  }

  /** Removes the oldest entries until the store fits its bound. */
  private async evict(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries = (
      await Promise.all(
        names.map(async (name) => {
          try {
            const s = await stat(join(this.dir, name));
            return { name, size: s.size, mtime: s.mtimeMs };
          } catch {
            return undefined;
          }
        }),
      )
    ).filter((e) => e !== undefined);
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    entries.sort((a, b) => a.mtime - b.mtime);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      await unlink(join(this.dir, e.name)).catch(() => undefined);
      total -= e.size;
    }
  }
}
