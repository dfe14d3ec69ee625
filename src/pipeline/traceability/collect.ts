/**
 * Picks the test and code files out of a repository listing (`traceability.tests` and
 * `traceability.code` globs) and reads them through the {@link SpecSource} port, with
 * limits: a generated 50 MB fixture or a binary with a `.py` name is skipped and
 * counted, never read whole into the scan.
 */
import picomatch from 'picomatch';
import type { TraceabilityConfig } from '../config/schema.js';
import type { SpecSource } from '../spec/source.js';
import type { SkippedFile } from './model.js';
import type { ScanInput, SourceFile } from './scan.js';

export interface CollectLimits {
  /** Bytes per file (default 1 MiB). */
  maxFileBytes: number;
  /** Files read in all (default 50,000); the rest are skipped as `over-limit`. */
  maxFiles: number;
}

export const DEFAULT_COLLECT_LIMITS: CollectLimits = { maxFileBytes: 1024 * 1024, maxFiles: 50_000 };

/** Reads at once: enough to keep a disk or the API busy, few enough to stay polite. */
const PARALLEL_READS = 32;

const decoder = new TextDecoder('utf-8');

/** Which of `files` are tests and which are code (a test file is never also code). */
export function selectTraceFiles(files: readonly string[], config: Pick<TraceabilityConfig, 'tests' | 'code'>): { tests: string[]; code: string[] } {
  const isTest = picomatch([...config.tests], { dot: false });
  const isCode = picomatch([...config.code], { dot: false });
  const tests: string[] = [];
  const code: string[] = [];
  for (const f of files) {
    if (isTest(f)) tests.push(f);
    else if (isCode(f)) code.push(f);
  }
  return { tests, code };
}

/**
 * Reads the test and code files of a listing.
 * @param source the repository
 * @param files its listing (repo-relative paths)
 * @param config `traceability` (globs)
 */
export async function collectTraceFiles(source: SpecSource, files: readonly string[], config: Pick<TraceabilityConfig, 'tests' | 'code'>, limits: CollectLimits = DEFAULT_COLLECT_LIMITS): Promise<ScanInput> {
  const selected = selectTraceFiles(files, config);
  const skipped: SkippedFile[] = [];
  const wanted = [...selected.tests.map((p) => ({ path: p, test: true })), ...selected.code.map((p) => ({ path: p, test: false }))];
  for (const w of wanted.slice(limits.maxFiles)) skipped.push({ path: w.path, reason: 'over-limit' });
  const reading = wanted.slice(0, limits.maxFiles);
  const tests: SourceFile[] = [];
  const code: SourceFile[] = [];
  for (let i = 0; i < reading.length; i += PARALLEL_READS) {
    const batch = reading.slice(i, i + PARALLEL_READS);
    const results = await Promise.all(
      batch.map(async (w) => {
        try {
          return { w, bytes: await source.read(w.path) };
        } catch {
          return { w, bytes: undefined };
        }
      }),
    );
    for (const { w, bytes } of results) {
      if (!bytes) {
        skipped.push({ path: w.path, reason: 'unreadable' });
        continue;
      }
      if (bytes.byteLength > limits.maxFileBytes) {
        skipped.push({ path: w.path, reason: 'too-large' });
        continue;
      }
      if (bytes.subarray(0, 8192).includes(0)) {
        skipped.push({ path: w.path, reason: 'binary' });
        continue;
      }
      const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
      (w.test ? tests : code).push({ path: w.path, text });
    }
  }
  return { tests, code, skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
