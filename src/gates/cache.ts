/**
 * The result cache: one JSON file per key under `<root>/.spec-automation/cache/gates/`,
 * written atomically, evicted oldest-first beyond a size bound. Only verdicts are cached
 * (passed, failed); a tool error is always retried.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GateResult } from '../pipeline/gate-result.js';

export const CACHE_DIR = join('.spec-automation', 'cache');
const FORMAT = 1;

interface Entry {
  format: number;
  key: string;
  result: GateResult;
}

/**
 * Creates `dir` inside the cache and keeps the whole cache out of `git status` (and out of
 * everybody's input hashes) with its own `.gitignore`, as pytest and ruff do.
 */
export async function ensureCacheDir(root: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(root, CACHE_DIR, '.gitignore'), '# Created by spec-automation.\n*\n', { flag: 'wx' }).catch(() => undefined);
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

  constructor(
    readonly root: string,
    private readonly maxBytes: number,
  ) {
    this.dir = join(root, CACHE_DIR, 'gates');
  }

  private file(key: string): string {
    return join(this.dir, `${key.slice(0, 40)}.json`);
  }

  /** The cached result for a key, or undefined. A corrupt entry is a miss. */
  async get(key: string): Promise<GateResult | undefined> {
    const file = this.file(key);
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as Partial<Entry>;
      if (entry.format !== FORMAT || entry.key !== key || !entry.result) return undefined;
      // Touch, so eviction removes the least recently used entries first.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return entry.result;
    } catch {
      return undefined;
    }
  }

  async set(key: string, result: GateResult): Promise<void> {
    await ensureCacheDir(this.root, this.dir);
    const file = this.file(key);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    const entry: Entry = { format: FORMAT, key, result };
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, file);
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
