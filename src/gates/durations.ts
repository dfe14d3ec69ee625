/**
 * How long each gate took the last time it really ran, kept beside the result cache, so
 * a test gate's default timeout can follow the suite instead of a fixed 15 minutes: a
 * deadlocked GUI test in a 2-minute suite is killed after 6 minutes, not 15.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically, type CacheWriteError } from './cache.js';

/** Seconds before a gate's process tree is killed, when nothing better is known or configured. */
export const DEFAULT_TIMEOUT_SECONDS = 900;
/** A timeout derived from the last duration is this many times it… */
export const TIMEOUT_FACTOR = 3;
/** …and never less than this (seconds): a suite that took 2 s may take 20 on a busy runner. */
export const MIN_DERIVED_TIMEOUT_SECONDS = 300;

/**
 * The timeout of a gate: the configured one; else, for a test gate whose last duration
 * is known, 3x that (at least 5 minutes); else 15 minutes.
 */
export function timeoutSeconds(configured: number | undefined, lastDurationMs: number | undefined, derivable: boolean): number {
  if (configured !== undefined) return configured;
  if (!derivable || lastDurationMs === undefined || !Number.isFinite(lastDurationMs) || lastDurationMs <= 0) return DEFAULT_TIMEOUT_SECONDS;
  return Math.max(MIN_DERIVED_TIMEOUT_SECONDS, Math.ceil((TIMEOUT_FACTOR * lastDurationMs) / 1000));
}

/** Last durations by gate name, in `durations.json` of the cache directory (none when caching is off). */
export class LastDurations {
  private durations: Record<string, number> = {};
  private changed = false;

  constructor(
    private readonly file: string | undefined,
    private readonly writeFailed?: CacheWriteError,
  ) {}

  static in(cacheDir: string | undefined, writeFailed?: CacheWriteError): LastDurations {
    return new LastDurations(cacheDir === undefined ? undefined : join(cacheDir, 'durations.json'), writeFailed);
  }

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      const gates = typeof data === 'object' && data !== null ? (data as { gates?: unknown }).gates : undefined;
      if (typeof gates !== 'object' || gates === null) return;
      for (const [name, ms] of Object.entries(gates)) if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) this.durations[name] = ms;
    } catch {
      // Missing or unreadable: nothing is known yet.
    }
  }

  get(gate: string): number | undefined {
    return this.durations[gate];
  }

  /** A gate that ran to a verdict (a cached answer or a timeout says nothing about how long it takes). */
  record(gate: string, durationMs: number): void {
    if (!(durationMs > 0)) return;
    this.durations[gate] = durationMs;
    this.changed = true;
  }

  async save(): Promise<void> {
    if (!this.file || !this.changed) return;
    try {
      await writeAtomically(this.file, `${JSON.stringify({ version: 1, gates: this.durations })}\n`);
    } catch (error) {
      this.writeFailed?.(error);
    }
  }
}
