/**
 * The lock file, `.spec-automation/lock.json`: what each spec looked like when the code
 * implementing it merged. Committed with the implementation (the app writes the entry
 * on the spec branch when a run becomes ready, so it merges with the pull request), and
 * read by the scheduled re-validation to tell which specs drifted since.
 *
 * Deterministic and merge-friendly: one entry per spec path, keys sorted (paths and
 * requirement ids in natural order, FR-2 before FR-10), two-space indentation, one
 * requirement per line, a trailing newline. Two pull requests that implement different
 * specs touch different lines. Unknown keys of an entry are kept as they are, so an
 * older spec-automation does not drop what a newer one wrote.
 */
import { createHash } from 'node:crypto';
import { SpecAutomationError } from '../errors.js';
import { normalizeRelative } from '../repo-path.js';
import { canonicalIdOf } from '../spec/ids.js';
import type { DocType, ParsedSpec } from '../spec/model.js';
import { jsonErrorOffset } from './json-error.js';

/** Current format version. */
export const LOCK_VERSION = 1;
/** Default path, relative to the repository root (`revalidate.lockFile`). */
export const DEFAULT_LOCK_PATH = '.spec-automation/lock.json';
/** A lock file larger than this is refused rather than parsed (about 20,000 specs). */
export const MAX_LOCK_BYTES = 16 * 1024 * 1024;

/** The pull request that carried the implementation. */
export interface LockPullRequest {
  number: number;
  url?: string;
}

/** One implemented spec. */
export interface LockEntry {
  /** Repo-relative path of the spec (the entry's key in the file). */
  path: string;
  /** The document id (`PRD-001`), when the spec has one. */
  id?: string;
  type?: DocType;
  /** sha256 (hex) of the spec's bytes, as the spec pipeline computes it (`ParsedSpec.contentHash`). */
  contentHash: string;
  /** Requirement id as written → hash of its text and acceptance criteria ({@link requirementHashes}). */
  requirements: Record<string, string>;
  pr?: LockPullRequest;
  /** The commit that implemented it (the pull request's head when the gates passed). */
  commit?: string;
  /** ISO 8601. */
  implementedAt: string;
  /** Keys this version does not know, kept verbatim. */
  extra?: Record<string, unknown>;
}

/** The parsed lock file. */
export interface LockFile {
  version: number;
  entries: Map<string, LockEntry>;
}

/** A problem found while reading the lock file. */
export interface LockProblem {
  /** 1-based line in the lock file. */
  line: number;
  message: string;
  /** True when the whole file could not be read (drift cannot be judged). */
  fatal: boolean;
}

/** A lock file that cannot be updated safely (invalid, from a newer version). */
export class LockFileError extends SpecAutomationError {
  constructor(
    message: string,
    readonly problems: LockProblem[],
  ) {
    super(message);
    this.name = 'LockFileError';
  }
}

/** What {@link recordImplementation} records about a spec. */
export interface ImplementationRecord {
  pr?: LockPullRequest;
  commit?: string;
  /** When the implementation was recorded; ISO 8601 string or Date. */
  implementedAt: string | Date;
}

/**
 * Hash of a requirement's text: whitespace runs collapsed, so re-wrapping a paragraph
 * is not a change; anything else (a word, a number, a limit) is. 16 hex digits: enough
 * to tell texts apart, short enough for one readable line per requirement.
 */
export function requirementTextHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

/**
 * Each requirement's id as written and the hash of what it asks for: its own text plus
 * the text of the acceptance criteria under it (`### FR-10: Add to cart` keeps its
 * title while its criteria change), by canonical id. The first definition of a
 * duplicated id wins.
 */
export function requirementHashes(spec: Pick<ParsedSpec, 'requirements' | 'acceptanceCriteria'>): Map<string, { id: string; hash: string }> {
  const criteria = new Map<string, string[]>();
  for (const ac of spec.acceptanceCriteria) {
    if (ac.parentRef === undefined) continue;
    const key = canonicalIdOf(ac.parentRef);
    criteria.set(key, [...(criteria.get(key) ?? []), ac.text]);
  }
  const out = new Map<string, { id: string; hash: string }>();
  for (const r of spec.requirements) {
    if (out.has(r.canonicalId)) continue;
    const acs = criteria.get(r.canonicalId) ?? [];
    out.set(r.canonicalId, { id: r.id, hash: requirementTextHash(acs.length > 0 ? `${r.text}\n${acs.join('\n')}` : r.text) });
  }
  return out;
}

/** Requirement id → hash ({@link requirementHashes}), as the lock file records it. */
export function requirementSetOf(spec: Pick<ParsedSpec, 'requirements' | 'acceptanceCriteria'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { id, hash } of requirementHashes(spec).values()) out[id] = hash;
  return out;
}

/**
 * The lock entry for a spec that has just been implemented.
 * @param spec the spec as the run implemented it (the parsed document at the run's base)
 * @param record pull request, commit and time
 */
export function lockEntryOf(spec: ParsedSpec, record: ImplementationRecord): LockEntry {
  const at = typeof record.implementedAt === 'string' ? record.implementedAt : record.implementedAt.toISOString();
  return {
    path: spec.path,
    ...(spec.meta.id ? { id: spec.meta.id } : {}),
    ...(spec.type ? { type: spec.type } : {}),
    contentHash: spec.contentHash,
    requirements: requirementSetOf(spec),
    ...(record.pr ? { pr: { number: record.pr.number, ...(record.pr.url ? { url: record.pr.url } : {}) } } : {}),
    ...(record.commit ? { commit: record.commit } : {}),
    implementedAt: at,
  };
}

/**
 * sha256 of `bytes` with every CRLF turned into LF: what git stores for a text file that
 * a Windows checkout (`core.autocrlf`) shows with CRLF. Undefined when there is no CR,
 * i.e. when it would equal the plain hash.
 */
export function lfContentHash(bytes: Uint8Array): string | undefined {
  if (!bytes.includes(13)) return undefined;
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) continue;
    out[n++] = bytes[i]!;
  }
  return createHash('sha256').update(out.subarray(0, n)).digest('hex');
}

/**
 * `revalidate.lockFile` relative to the repository (or project) root, read as the
 * re-validation reads it (`normalizeRelative`: a leading `/` means the root), or
 * undefined when it points outside (`..` past the root, a drive letter): a run does not
 * write there.
 */
export function lockPathOf(lockFile: string): string | undefined {
  const path = normalizeRelative(lockFile);
  if (path === '' || path === '..' || path.startsWith('../') || /^[a-z]:(\/|$)/i.test(path)) return undefined;
  return path;
}

/** What a run knows about the implementation when it writes the entry into its own commit. */
export interface RunImplementationRecord {
  /** The spec pull request (the app); the CLI has none. */
  pr?: LockPullRequest;
  implementedAt: string | Date;
}

/**
 * The lock entry a run writes into the very commit that implements the spec (each agent
 * commit of `spec-automation run`, each agent commit of the app on the spec branch), so
 * the entry travels with the code: a branch that is ready, or a pull request that
 * merges, carries it, and no extra commit is needed (one would start the gates again).
 *
 * Two choices differ from a plain {@link lockEntryOf}:
 * - No `commit`. A commit's sha is a hash over its tree, and its tree holds this file,
 *   so the commit that carries an entry cannot name itself. Its parent would be a
 *   commit that does not implement the spec (the run's base, or an iteration whose gates
 *   failed), which is worse than nothing. Nothing reads `commit` for drift (that is
 *   `contentHash` and the requirement hashes); the commit is the one that last changed
 *   the entry (`git log -1 -- .spec-automation/lock.json`), and the app names the pull
 *   request instead.
 * - `contentHash` over the spec's bytes with CRLF turned into LF, when the run read it
 *   from a Windows checkout: git stores LF, and the re-validation compares an entry with
 *   the bytes as checked out and with their LF form, so the LF hash matches on every
 *   runner, while a CRLF hash would read as "edited" on Linux.
 *
 * @param spec the spec as the run implemented it
 * @param bytes the bytes `spec` was parsed from, when at hand (for the LF hash); ignored
 *   when they are not those bytes (their hash is not `spec.contentHash`)
 * @param record the pull request, if any, and the time
 */
export function lockEntryForRun(spec: ParsedSpec, bytes: Uint8Array | undefined, record: RunImplementationRecord): LockEntry {
  const entry = lockEntryOf(spec, { ...(record.pr ? { pr: record.pr } : {}), implementedAt: record.implementedAt });
  const same = bytes !== undefined && createHash('sha256').update(bytes).digest('hex') === spec.contentHash;
  const lf = same ? lfContentHash(bytes) : undefined;
  return lf ? { ...entry, contentHash: lf } : entry;
}

/** Natural order: `FR-2` before `FR-10`, digits compared as numbers, the rest by code point. Locale-free, so the same everywhere. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  // Zero padding (`FR-02` vs `FR-2`) only breaks ties, after every other difference.
  let padding = 0;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      if (padding === 0) padding = x.length - y.length;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length || padding || (a < b ? -1 : a > b ? 1 : 0);
}

/** JSON with keys in natural order at every level, two-space indentation. */
function stableJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + stableJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort(naturalCompare);
  const record = value as Record<string, unknown>;
  const present = keys.filter((k) => record[k] !== undefined);
  if (present.length === 0) return '{}';
  return `{\n${present.map((k) => `${inner}${JSON.stringify(k)}: ${stableJson(record[k], inner)}`).join(',\n')}\n${indent}}`;
}

function entryObject(entry: LockEntry): Record<string, unknown> {
  return {
    ...(entry.extra ?? {}),
    ...(entry.id !== undefined ? { id: entry.id } : {}),
    ...(entry.type !== undefined ? { type: entry.type } : {}),
    contentHash: entry.contentHash,
    requirements: entry.requirements,
    ...(entry.pr ? { pr: entry.pr } : {}),
    ...(entry.commit !== undefined ? { commit: entry.commit } : {}),
    implementedAt: entry.implementedAt,
  };
}

/** The lock file's text: deterministic for the same entries, whatever their order. */
export function serializeLock(lock: LockFile): string {
  const specs: Record<string, unknown> = {};
  for (const [path, entry] of lock.entries) specs[path] = entryObject(entry);
  // The version first, then the entries: the one place the key order is not sorted.
  return `{\n  "version": ${JSON.stringify(lock.version)},\n  "specs": ${stableJson(specs, '  ')}\n}\n`;
}

/** 1-based line of the first `"key":` in `text`, or 1. */
export function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  if (at < 0) return 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function jsonErrorLine(text: string): number {
  const at = jsonErrorOffset(text);
  return at === undefined ? 1 : text.slice(0, at).split('\n').length;
}

const DOC_TYPES: readonly string[] = ['prd', 'functional-spec', 'technical-spec', 'sprint-change-proposal'];
const KNOWN_KEYS = new Set(['id', 'type', 'contentHash', 'requirements', 'pr', 'commit', 'implementedAt']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One entry from its JSON, or the reason it is unusable. */
function readEntry(path: string, raw: unknown): LockEntry | string {
  if (!isRecord(raw)) return 'is not an object';
  if (typeof raw.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(raw.contentHash)) return 'has no valid "contentHash" (64 hex digits)';
  if (typeof raw.implementedAt !== 'string' || raw.implementedAt === '') return 'has no "implementedAt"';
  if (!isRecord(raw.requirements) || !Object.values(raw.requirements).every((v) => typeof v === 'string')) return '"requirements" is not an object of id → text hash';
  if (raw.id !== undefined && typeof raw.id !== 'string') return '"id" is not a string';
  if (raw.type !== undefined && !DOC_TYPES.includes(raw.type as string)) return `"type" is not one of ${DOC_TYPES.join(', ')}`;
  if (raw.commit !== undefined && typeof raw.commit !== 'string') return '"commit" is not a string';
  let pr: LockPullRequest | undefined;
  if (raw.pr !== undefined) {
    const p = raw.pr;
    if (!isRecord(p) || typeof p.number !== 'number' || !Number.isSafeInteger(p.number) || p.number <= 0) return '"pr" is not { "number": <positive integer>, "url"?: <string> }';
    if (p.url !== undefined && typeof p.url !== 'string') return '"pr.url" is not a string';
    pr = { number: p.number, ...(typeof p.url === 'string' ? { url: p.url } : {}) };
  }
  const extra = Object.fromEntries(Object.entries(raw).filter(([k]) => !KNOWN_KEYS.has(k)));
  return {
    path,
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    ...(raw.type !== undefined ? { type: raw.type as DocType } : {}),
    contentHash: raw.contentHash,
    requirements: raw.requirements as Record<string, string>,
    ...(pr ? { pr } : {}),
    ...(typeof raw.commit === 'string' ? { commit: raw.commit } : {}),
    implementedAt: raw.implementedAt,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

/**
 * Reads a lock file. Never throws: an unusable file gives an empty lock and a fatal
 * problem; an unusable entry is left out with a problem on its line.
 * @param text the file's text
 */
export function parseLock(text: string): { lock: LockFile; problems: LockProblem[] } {
  const empty = (): LockFile => ({ version: LOCK_VERSION, entries: new Map() });
  if (text.length > MAX_LOCK_BYTES) {
    return { lock: empty(), problems: [{ line: 1, fatal: true, message: `The lock file is larger than ${MAX_LOCK_BYTES / 1024 / 1024} MiB; it was not read.` }] };
  }
  const conflict = /^(<<<<<<<|=======|>>>>>>>)( |$)/m.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return {
      lock: empty(),
      problems: [{ line, fatal: true, message: 'The lock file has git merge-conflict markers. Keep the entries of both sides (one per spec path), delete the markers, and commit.' }],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { lock: empty(), problems: [{ line: jsonErrorLine(text), fatal: true, message: `The lock file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` }] };
  }
  if (!isRecord(data) || !isRecord(data.specs)) {
    return { lock: empty(), problems: [{ line: 1, fatal: true, message: 'The lock file is not an object with "version" and "specs".' }] };
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { lock: empty(), problems: [{ line: lineOfKey(text, 'version'), fatal: true, message: `"version" must be ${LOCK_VERSION}.` }] };
  }
  if (version > LOCK_VERSION) {
    return { lock: empty(), problems: [{ line: lineOfKey(text, 'version'), fatal: true, message: `The lock file has version ${version}, written by a newer spec-automation; this one reads version ${LOCK_VERSION}. Update spec-automation.` }] };
  }
  const problems: LockProblem[] = [];
  const entries = new Map<string, LockEntry>();
  for (const [path, raw] of Object.entries(data.specs)) {
    const entry = readEntry(path, raw);
    if (typeof entry === 'string') problems.push({ line: lineOfKey(text, path), fatal: false, message: `The entry for ${path} ${entry}; it is ignored.` });
    else entries.set(path, entry);
  }
  return { lock: { version, entries }, problems };
}

/**
 * Records a spec's implementation in the lock file: the entry for its path is added or
 * replaced, every other entry is kept as it was. This is what the app (when a run
 * becomes ready) and the CLI (after a local run) call before committing the file.
 *
 * @param lockText the current lock file, or undefined when there is none
 * @param entry the entry, usually from {@link lockEntryOf}
 * @returns the new lock file text
 * @throws LockFileError when the current file cannot be read safely (invalid JSON,
 *   merge-conflict markers, a newer version): overwriting it would lose entries
 */
export function recordImplementation(lockText: string | undefined, entry: LockEntry): string {
  let lock: LockFile = { version: LOCK_VERSION, entries: new Map() };
  if (lockText !== undefined && lockText.trim() !== '') {
    const parsed = parseLock(lockText);
    const fatal = parsed.problems.filter((p) => p.fatal);
    if (fatal.length > 0) throw new LockFileError(`Cannot record ${entry.path} in the lock file: ${fatal[0]!.message} (line ${fatal[0]!.line})`, fatal);
    lock = parsed.lock;
  }
  const entries = new Map(lock.entries);
  entries.set(entry.path, entry);
  return serializeLock({ version: LOCK_VERSION, entries });
}

/**
 * Removes the entries of specs that no longer exist (`drift.orphaned`), the fix the
 * Spec health issue suggests. Unknown paths are ignored.
 * @throws LockFileError as {@link recordImplementation}
 */
export function forgetImplementations(lockText: string, paths: readonly string[]): string {
  const parsed = parseLock(lockText);
  const fatal = parsed.problems.filter((p) => p.fatal);
  if (fatal.length > 0) throw new LockFileError(`Cannot update the lock file: ${fatal[0]!.message} (line ${fatal[0]!.line})`, fatal);
  const entries = new Map(parsed.lock.entries);
  for (const p of paths) entries.delete(p);
  return serializeLock({ version: LOCK_VERSION, entries });
}
