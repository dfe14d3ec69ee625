/**
 * The shape of a gate result read back from the result cache. A cache entry is data
 * from disk, not something this process wrote a moment ago: whatever fails this schema
 * is a miss (the gate runs), never a crash and never a verdict. Loose objects: a field
 * added to GateResult later is kept, the fields a verdict and its reports rest on are
 * checked.
 */
import { z } from 'zod';
import type { GateResult } from '../pipeline/gate-result.js';

const position = z.looseObject({ line: z.number().int(), column: z.number().int().optional() });
const fullPosition = z.looseObject({ line: z.number().int(), column: z.number().int() });

const diagnostic = z.looseObject({
  source: z.string(),
  path: z.string(),
  range: z.looseObject({ start: position, end: position.optional() }),
  severity: z.enum(['error', 'warning', 'info']),
  rule: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  url: z.string().optional(),
  fix: z.looseObject({ description: z.string().optional(), edits: z.array(z.looseObject({ range: z.looseObject({ start: fullPosition, end: fullPosition }), newText: z.string() })) }).optional(),
  fingerprint: z.string(),
});

const count = z.number().int().nonnegative();
const testCase = z.looseObject({
  id: z.string(),
  name: z.string(),
  classname: z.string().optional(),
  file: z.string().optional(),
  outcome: z.enum(['passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed']),
  durationMs: z.number().nonnegative(),
  message: z.string().optional(),
  details: z.string().optional(),
  location: z.looseObject({ path: z.string(), line: z.number().int() }).optional(),
});

export const gateResultSchema = z.looseObject({
  gate: z.string().min(1),
  tool: z.string(),
  toolVersion: z.string().optional(),
  // Only verdicts are ever stored; an error or a skip read back is not a cached result.
  status: z.enum(['passed', 'failed']),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  fromCache: z.boolean(),
  command: z.array(z.string()),
  diagnostics: z.array(diagnostic),
  tests: z
    .looseObject({ total: count, passed: count, failed: count, errored: count, skipped: count, xfailed: count, xpassed: count, durationMs: z.number().nonnegative(), cases: z.array(testCase) })
    .optional(),
  error: z.looseObject({ message: z.string(), hint: z.string().optional() }).optional(),
  stderrTail: z.string().optional(),
});

/** The entry's result when it has a gate result's shape; undefined otherwise. */
export function parseCachedResult(value: unknown): GateResult | undefined {
  const parsed = gateResultSchema.safeParse(value);
  return parsed.success ? (parsed.data as GateResult) : undefined;
}
