/**
 * A test gate's run history, kept in the gate cache (`ResultCache.getHistory`): how long
 * each test took (for balancing pytest shards) and which tests failed (for running them
 * first), and what it collected (for splitting without collecting again). The gate's own
 * last duration is durations.ts's. Read back
 * through a schema: anything else is no history, never a crash.
 */
import { z } from 'zod';
import type { GateResult } from '../pipeline/gate-result.js';
import type { ResultCache } from './cache.js';
import type { PlannedGate } from './plan.js';

const FORMAT = 1;
/** Beyond this many tests, the rest go unrecorded (and weigh the mean when splitting). */
const MAX_TESTS = 100_000;

const historySchema = z.object({
  format: z.literal(FORMAT),
  /** Sum of the test durations of the last run (pytest's own time), when it was a test gate. */
  suiteMs: z.number().nonnegative().optional(),
  /** Duration of each test, by the JUnit id the parser gives it. */
  tests: z.record(z.string(), z.number().nonnegative()).default({}),
  /** Tests that failed or errored in the last run, in its order. */
  failed: z.array(z.string()).default([]),
  /**
   * What the last run collected, for a sharded run to split without collecting again
   * while `key` (pytest-shards/collection-key.ts) still matches: every test's JUnit id,
   * in collection order.
   */
  collection: z.object({ key: z.string(), ids: z.array(z.string()) }).optional(),
});

export type GateHistory = z.infer<typeof historySchema>;

/** The name a gate's history is stored under: one per gate and working directory. */
export function historyName(gate: Pick<PlannedGate, 'name' | 'cwd'>): string {
  return `${gate.name}\0${gate.cwd}`;
}

/** The stored history of a gate, or undefined. */
export async function readHistory(cache: ResultCache, gate: Pick<PlannedGate, 'name' | 'cwd'>): Promise<GateHistory | undefined> {
  const parsed = historySchema.safeParse(await cache.getHistory(historyName(gate)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The history a finished test run leaves; undefined when it gave no verdict or no tests
 * (a crash is no measurement: the history before it stands).
 */
export function historyOf(result: GateResult): GateHistory | undefined {
  const verdict = result.status === 'passed' || result.status === 'failed';
  // A run cut short (fail fast) measured only some of the tests.
  if (!verdict || !result.tests || result.shards?.cancelled) return undefined;
  const tests: Record<string, number> = {};
  for (const c of result.tests.cases.slice(0, MAX_TESTS)) tests[c.id] = Math.max(tests[c.id] ?? 0, c.durationMs);
  const failed = [...new Set(result.tests.cases.filter((c) => c.outcome === 'failed' || c.outcome === 'error').map((c) => c.id))];
  return { format: FORMAT, suiteMs: result.tests.durationMs, tests, failed };
}

/**
 * The collection a finished run proves, to remember with the key of its inputs: the ids
 * of every test it ran, when they are all known and each is there once.
 */
export function collectionOf(result: GateResult): string[] | undefined {
  const cases = result.tests?.cases;
  if (!cases || cases.length === 0 || cases.length > MAX_TESTS || result.shards?.cancelled) return undefined;
  const ids = cases.map((c) => c.id);
  // An id without a file (a report that names no file) cannot be given to a shard.
  if (new Set(ids).size !== ids.length || ids.some((id) => !id.includes('::'))) return undefined;
  return ids;
}
