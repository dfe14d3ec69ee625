/**
 * The machine-readable results block: what the action leaves in each check run's
 * summary and the app reads back (DESIGN.md, the loop: "read gate results").
 *
 * Shape: `<!-- spec-automation:results v1 <base64 of gzipped JSON> -->`, invisible
 * when GitHub renders the summary. Versioned so an older app refuses a newer block
 * with a clear message; size-bounded so it always fits beside the human summary.
 * Decoding treats the text as untrusted (anyone who can create a check run can write
 * a summary): length checked before decoding, decompression capped, JSON validated;
 * a bad block is an error value, never an exception.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { countBySeverity } from '../pipeline/diagnostic.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { orderByImportance } from './importance.js';

export const RESULTS_BLOCK_VERSION = 1;
/** Upper bound of the whole encoded block, in bytes (it is ASCII). */
export const RESULTS_BLOCK_MAX_BYTES = 12 * 1024;
/** Decoded JSON larger than this is refused (a gzip bomb costs nothing to send). */
const MAX_DECODED_BYTES = 256 * 1024;
/** Encoded payloads larger than this are refused before any decoding. */
const MAX_ENCODED_CHARS = 64 * 1024;
/** Findings carried in the block, most important first. */
export const RESULTS_BLOCK_MAX_FINDINGS = 50;
const MAX_MESSAGE_CHARS = 300;

const MARKER_RE = /<!-- spec-automation:results v(\d{1,6}) ([A-Za-z0-9+/=]*) -->/;

const severity = z.enum(['error', 'warning', 'info']);
const count = z.number().int().nonnegative();

const findingSchema = z.object({
  path: z.string().max(4096),
  line: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  rule: z.string().max(500),
  severity,
  message: z.string().max(MAX_MESSAGE_CHARS + 1),
  fingerprint: z.string().max(200),
});

const blockSchema = z.object({
  v: z.literal(RESULTS_BLOCK_VERSION),
  gate: z.string().min(1).max(200),
  tool: z.string().max(200),
  status: z.enum(['passed', 'failed', 'error', 'skipped', 'cancelled']),
  sha: z.string().max(64).optional(),
  durationMs: z.number().nonnegative(),
  fromCache: z.boolean(),
  counts: z.object({ error: count, warning: count, info: count }),
  totalFindings: count,
  tests: z
    .object({
      total: count,
      passed: count,
      failed: count,
      errored: count,
      skipped: count,
      xfailed: count,
      xpassed: count,
    })
    .optional(),
  error: z.object({ message: z.string().max(2000), hint: z.string().max(2000).optional() }).optional(),
  top: z.array(findingSchema).max(RESULTS_BLOCK_MAX_FINDINGS),
});

/** The decoded content of a results block (schema version 1). */
export type ResultsBlock = z.infer<typeof blockSchema>;
export type ResultsFinding = z.infer<typeof findingSchema>;

export type ResultsBlockErrorCode = 'missing' | 'oversized' | 'unsupported-version' | 'corrupt' | 'invalid';

/** Why a block could not be read, with what to do about it. */
export interface ResultsBlockError {
  code: ResultsBlockErrorCode;
  message: string;
}

export type DecodeResult = { ok: true; block: ResultsBlock } | { ok: false; error: ResultsBlockError };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function findingOf(d: Diagnostic): ResultsFinding {
  const line = Math.max(1, Math.floor(d.range.start.line) || 1);
  const end = d.range.end?.line;
  return {
    path: clip(d.path, 4096),
    line,
    ...(end !== undefined && end > line ? { endLine: Math.floor(end) } : {}),
    rule: clip(d.rule, 500),
    severity: d.severity,
    message: clip(d.message.replace(/\s+/g, ' ').trim(), MAX_MESSAGE_CHARS),
    fingerprint: clip(d.fingerprint, 200),
  };
}

/** The block's content for one gate result. `sha` is the commit the gates ran on. */
export function resultsOf(gate: GateResult, sha?: string): ResultsBlock {
  const t = gate.tests;
  return {
    v: RESULTS_BLOCK_VERSION,
    gate: clip(gate.gate, 200),
    tool: clip(gate.tool, 200),
    status: gate.status,
    ...(sha ? { sha: clip(sha, 64) } : {}),
    durationMs: Math.max(0, gate.durationMs),
    fromCache: gate.fromCache,
    counts: countBySeverity(gate.diagnostics),
    totalFindings: gate.diagnostics.length,
    ...(t
      ? {
          tests: {
            total: t.total,
            passed: t.passed,
            failed: t.failed,
            errored: t.errored,
            skipped: t.skipped,
            xfailed: t.xfailed,
            xpassed: t.xpassed,
          },
        }
      : {}),
    ...(gate.error
      ? {
          error: {
            message: clip(gate.error.message, 2000),
            ...(gate.error.hint ? { hint: clip(gate.error.hint, 2000) } : {}),
          },
        }
      : {}),
    top: orderByImportance(gate.diagnostics).slice(0, RESULTS_BLOCK_MAX_FINDINGS).map(findingOf),
  };
}

function pack(block: ResultsBlock): string {
  const payload = gzipSync(Buffer.from(JSON.stringify(block), 'utf8'), { level: 9 }).toString('base64');
  return `<!-- spec-automation:results v${block.v} ${payload} -->`;
}

/**
 * Encodes a block as an HTML comment of at most {@link RESULTS_BLOCK_MAX_BYTES}. When
 * the findings do not fit, the least important ones are dropped (the counts stay
 * exact; `top.length < totalFindings` tells the reader the list is partial).
 */
export function encodeResultsBlock(block: ResultsBlock): string {
  let text = pack(block);
  if (text.length <= RESULTS_BLOCK_MAX_BYTES) return text;
  // Binary search on how many findings fit.
  let lo = 0;
  let hi = block.top.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (pack({ ...block, top: block.top.slice(0, mid) }).length <= RESULTS_BLOCK_MAX_BYTES) lo = mid;
    else hi = mid - 1;
  }
  text = pack({ ...block, top: block.top.slice(0, lo) });
  return text;
}

function fail(code: ResultsBlockErrorCode, message: string): DecodeResult {
  return { ok: false, error: { code, message } };
}

/**
 * Finds and decodes the results block in a check run summary (or any text). Never
 * throws: a missing, oversized, newer, corrupt or invalid block is an error value.
 */
export function decodeResultsBlock(text: unknown): DecodeResult {
  if (typeof text !== 'string') return fail('missing', 'The check run has no summary, so it carries no results block.');
  const start = text.indexOf('<!-- spec-automation:results v');
  if (start < 0) {
    return fail('missing', 'No spec-automation results block in the check run summary; was it written by the spec-automation action?');
  }
  const end = text.indexOf('-->', start);
  if (end < 0) return fail('corrupt', 'The results block is not closed (no "-->"); the summary was probably cut.');
  if (end - start > MAX_ENCODED_CHARS) {
    return fail('oversized', `The results block is ${end - start} characters, above the ${MAX_ENCODED_CHARS} this reader accepts.`);
  }
  const m = MARKER_RE.exec(text.slice(start, end + 3));
  if (!m) return fail('corrupt', 'The results block is malformed (expected "<!-- spec-automation:results v<N> <base64> -->").');
  const version = Number(m[1]);
  if (version !== RESULTS_BLOCK_VERSION) {
    return fail(
      'unsupported-version',
      `The results block has schema v${version}; this reader understands v${RESULTS_BLOCK_VERSION}. Update the spec-automation app and action to the same release.`,
    );
  }
  let json: string;
  try {
    json = gunzipSync(Buffer.from(m[2]!, 'base64'), { maxOutputLength: MAX_DECODED_BYTES }).toString('utf8');
  } catch (error) {
    const why = error instanceof RangeError ? `it inflates past ${MAX_DECODED_BYTES} bytes` : 'it is not valid gzip';
    return fail(error instanceof RangeError ? 'oversized' : 'corrupt', `The results block cannot be decoded: ${why}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('corrupt', 'The results block does not contain valid JSON.');
  }
  const parsed = blockSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return fail('invalid', `The results block does not match schema v${RESULTS_BLOCK_VERSION}: ${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return { ok: true, block: parsed.data };
}

/**
 * The gate result a results block stands for, as the agent's fix mode and the workflow
 * bridge take it. Lossy by design: the block carries the counts and the most important
 * findings (up to {@link RESULTS_BLOCK_MAX_FINDINGS}), not tracebacks, test cases or
 * every finding; the full list stays in the check run and its annotations.
 */
export function gateResultOfBlock(block: ResultsBlock): GateResult {
  const diagnostics: Diagnostic[] = block.top.map((f) => ({
    source: block.gate,
    path: f.path,
    range: { start: { line: f.line }, ...(f.endLine !== undefined ? { end: { line: f.endLine } } : {}) },
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    fingerprint: f.fingerprint,
  }));
  const t = block.tests;
  return {
    gate: block.gate,
    tool: block.tool,
    status: block.status,
    exitCode: null,
    durationMs: block.durationMs,
    fromCache: block.fromCache,
    command: [],
    diagnostics,
    ...(t ? { tests: { ...t, durationMs: 0, cases: [] } } : {}),
    ...(block.error ? { error: { message: block.error.message, ...(block.error.hint ? { hint: block.error.hint } : {}) } } : {}),
  };
}
