/**
 * What the agent may touch. Every path and every file content the model sends is
 * untrusted: it is normalized and checked here before the change set accepts it, and
 * again by `applyChangeSet` before anything reaches the disk. A refusal is a
 * {@link WorkspaceError} whose message goes back to the model as an error tool result.
 */
import picomatch from 'picomatch';
import type { AgentConfig } from '../config/schema.js';

export type WorkspaceErrorCode =
  | 'invalid-path'
  | 'outside-root'
  | 'protected'
  | 'denied'
  | 'file-too-large'
  | 'total-too-large'
  | 'too-many-files'
  | 'binary'
  | 'not-found'
  | 'is-directory'
  | 'no-match'
  | 'ambiguous-match'
  | 'invalid-pattern'
  | 'io';

/** A refused or failed workspace operation, with a message written for the model to act on. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Paths nobody may write, whatever the configuration says (DESIGN.md, Trust boundaries):
 * what runs with the repository's secrets (workflows, composite actions), what decides a
 * verdict (the configuration file, the tool's own directory with its caches and state,
 * the lock file) and git's own files, where a planted `core.fsmonitor` runs a command.
 * Each entry says why, for the refusal the model reads.
 */
export const ALWAYS_PROTECTED: readonly { globs: readonly string[]; what: string }[] = [
  { globs: ['.git', '.git/**', '**/.git', '**/.git/**'], what: 'files inside .git' },
  { globs: ['.github/workflows/**'], what: 'GitHub workflow files' },
  { globs: ['.github/actions/**'], what: 'composite actions under .github/actions, which workflows run with secrets' },
  { globs: ['.github/spec-automation.yml', '.github/spec-automation.yaml'], what: 'the spec-automation configuration file' },
  { globs: ['.spec-automation', '.spec-automation/**'], what: "spec-automation's own files (.spec-automation/: state, caches, the lock file)" },
];

/** The limits of one change set, from `agent.limits` and `agent.denyPaths`. */
export interface WritePolicy {
  /** Globs from configuration; {@link ALWAYS_PROTECTED} applies on top. */
  denyPaths: readonly string[];
  /**
   * Files protected like {@link ALWAYS_PROTECTED} because this run's configuration names
   * them: the lock file (`revalidate.lockFile`), a configuration file read from elsewhere.
   */
  protectedFiles?: readonly string[];
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFilesChanged: number;
}

/** The write policy configured for the agent; `protectedFiles` are the run's configuration and lock file paths. */
export function writePolicyOf(agent: AgentConfig, protectedFiles: readonly string[] = []): WritePolicy {
  return {
    denyPaths: agent.denyPaths,
    ...(protectedFiles.length > 0 ? { protectedFiles } : {}),
    maxFileBytes: agent.limits.maxFileBytes,
    maxTotalBytes: agent.limits.maxTotalBytes,
    maxFilesChanged: agent.limits.maxFilesChanged,
  };
}

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Control characters other than tab, newline, vertical tab, form feed, carriage return and escape.
const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/; // eslint-disable-line no-control-regex
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Normalizes a path the model gave into a repo-relative path with forward slashes, or
 * throws. Refused outright rather than resolved: `..` segments, absolute paths, drive
 * letters and UNC paths (the root is the only world the agent has), `:` (NTFS alternate
 * streams), and names Windows would silently rewrite (trailing dot or space, device
 * names such as `NUL`), since the gates run on Windows and `.git.` is `.git` there.
 *
 * @param allowRoot accept `''`/`.` as the root directory (for listing), not for files
 */
export function normalizeAgentPath(input: unknown, allowRoot = false): string {
  if (typeof input !== 'string') throw new WorkspaceError('invalid-path', 'The path must be a string.');
  const raw = input.trim();
  const shown = JSON.stringify(raw.length > 200 ? `${raw.slice(0, 200)}…` : raw);
  if (raw.length > 1024) throw new WorkspaceError('invalid-path', `The path ${shown} is longer than 1024 characters.`);
  if (CONTROL.test(raw) || raw.includes('\u007f')) {
    throw new WorkspaceError('invalid-path', `The path ${shown} contains control characters.`);
  }
  const slashed = raw.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(slashed)) {
    throw new WorkspaceError('outside-root', `The path ${shown} has a drive letter; use a path relative to the repository root, such as "src/app.py".`);
  }
  if (slashed.startsWith('/')) {
    throw new WorkspaceError('outside-root', `The path ${shown} is absolute; use a path relative to the repository root, such as "src/app.py".`);
  }
  if (slashed.includes(':')) throw new WorkspaceError('invalid-path', `The path ${shown} contains ":", which Windows does not allow in file names.`);
  const segments: string[] = [];
  for (const seg of slashed.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') throw new WorkspaceError('outside-root', `The path ${shown} contains "..": paths must stay inside the repository; give the path from the repository root.`);
    if (/[. ]$/.test(seg)) throw new WorkspaceError('invalid-path', `The path ${shown} has a segment ending in "." or " ", which Windows silently strips.`);
    if (WINDOWS_DEVICE.test(seg)) throw new WorkspaceError('invalid-path', `The path ${shown} uses the reserved Windows device name "${seg}".`);
    segments.push(seg);
  }
  const path = segments.join('/');
  if (path === '' && !allowRoot) throw new WorkspaceError('invalid-path', 'The path is empty; give a file path relative to the repository root.');
  return path;
}

// Code points macOS (HFS+) and some tools ignore in file names, so `.g\u200cit` is `.git`
// there (git's own check, CVE-2014-9390), and bidi controls that make a name read as another.
// eslint-disable-next-line no-misleading-character-class -- single code points on purpose (joiners, variation selectors)
const IGNORABLE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/**
 * The form paths and globs are compared in: Unicode compatibility-normalized (NFKC, so a
 * full-width `．ｇｉｔ` or a decomposed `é` compares as its plain form), ignorable code
 * points removed, lower-cased (Windows and macOS file systems are case-insensitive, so
 * `Secrets/key.pem` is `secrets/key.pem` there).
 */
export function matchKey(path: string): string {
  return path.normalize('NFKC').replace(IGNORABLE, '').toLowerCase();
}

const globOptions = { dot: true, nocase: true } as const;
const protectedMatchers = ALWAYS_PROTECTED.map((p) => ({ what: p.what, match: picomatch(p.globs.map(matchKey), globOptions) }));
// GIT~1 is the 8.3 short name Windows gives `.git`.
const SHORT_GIT = /(^|\/)git~\d+(\/|$)/i;
const compiledDeny = new Map<string, picomatch.Matcher>();

function denyMatcher(glob: string): picomatch.Matcher {
  let match = compiledDeny.get(glob);
  if (!match) {
    match = picomatch(matchKey(glob), globOptions);
    compiledDeny.set(glob, match);
  }
  return match;
}

/** What makes `path` always protected (a phrase for the refusal), or undefined. */
export function protectedReason(path: string, policy?: Pick<WritePolicy, 'protectedFiles'>): string | undefined {
  const key = matchKey(path);
  if (SHORT_GIT.test(key)) return 'files inside .git';
  const hit = protectedMatchers.find((p) => p.match(key));
  if (hit) return hit.what;
  const named = policy?.protectedFiles?.find((file) => matchKey(file.replace(/\\/g, '/').replace(/^\.\//, '')) === key);
  return named === undefined ? undefined : `"${named}", which this run's configuration names (configuration or lock file)`;
}

/** Throws when `path` (already normalized) may not be written or deleted. */
export function checkWritablePath(path: string, policy: WritePolicy): void {
  const reason = protectedReason(path, policy);
  if (reason !== undefined) {
    throw new WorkspaceError('protected', `"${path}" is protected: the agent never writes ${reason}.`, path);
  }
  const key = matchKey(path);
  const deny = policy.denyPaths.find((glob) => denyMatcher(glob)(key));
  if (deny !== undefined) {
    throw new WorkspaceError('denied', `"${path}" matches "${deny}" in agent.denyPaths of .github/spec-automation.yml; leave it unchanged.`, path);
  }
}

/**
 * Throws when `path` may not be read: git's own files (its config names commands, its
 * objects hold whatever was ever committed), the same matching as for writes.
 */
export function checkReadablePath(path: string): void {
  const key = matchKey(path);
  if (SHORT_GIT.test(key) || protectedMatchers[0]!.match(key)) {
    throw new WorkspaceError('protected', `"${path}" is protected: the agent never reads files inside .git; the repository's files are outside it.`, path);
  }
}

/** Bytes of `text` in UTF-8, the encoding files are written in. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** True when `text` cannot be a source file: NUL or other control bytes, or broken UTF-16. */
export function looksBinary(text: string): boolean {
  return CONTROL.test(text) || LONE_SURROGATE.test(text);
}

/** Throws when `content` may not be written to `path`: binary, or over the per-file limit. */
export function checkContent(path: string, content: string, policy: WritePolicy): number {
  if (looksBinary(content)) {
    throw new WorkspaceError('binary', `Refused to write "${path}": the content contains control characters; only text files can be written.`, path);
  }
  const bytes = utf8Bytes(content);
  if (bytes > policy.maxFileBytes) {
    throw new WorkspaceError(
      'file-too-large',
      `Refused to write "${path}": ${bytes} bytes is over the per-file limit of ${policy.maxFileBytes} bytes (agent.limits.maxFileBytes); split it into smaller modules.`,
      path,
    );
  }
  return bytes;
}
