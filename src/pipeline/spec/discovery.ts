/**
 * Which files are spec documents: the configured include globs minus the built-in and
 * configured exclusions (§8 step 3), or the files and folders the user named.
 */
import picomatch from 'picomatch';
import type { SpecsConfig } from '../config/schema.js';
import { normalizeRelative } from '../repo-path.js';
import { BUILTIN_EXCLUDES } from './vocabulary.js';

export interface Discovery {
  /** Spec candidates, sorted. */
  candidates: string[];
  /** Markdown files that matched but are excluded, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  /** Requested paths (`options.paths`) that match no file. */
  unmatched: string[];
}

const MARKDOWN = /\.(?:md|markdown)$/i;
/** The built-in exclusion of BMAD epic files (`epic-1-retro.md`, `epic-4-summary.md`). */
const EPIC_FILES = '**/epic-*.md';
/** A file name that says it is a change proposal. */
const PROPOSAL_NAME = /(?:^|[-_.])(?:change[-_]?)?proposals?(?:[-_.]|$)/i;

const matchers = new Map<string, (path: string) => string | undefined>();
const LITERAL = '[^*?{}\\[\\]()!+@/\\\\]+';
const BASENAME = new RegExp(`^\\*\\*/(${LITERAL})$`);
const BASENAME_PREFIX = new RegExp(`^\\*\\*/(${LITERAL})\\*$`);
const BASENAME_SUFFIX = new RegExp(`^\\*\\*/\\*(${LITERAL})$`);
const FOLDER = new RegExp(`^\\*\\*/(${LITERAL})/\\*\\*$`);

/**
 * A test for one glob (`dot`, case-insensitive, as picomatch reads it). The common shapes
 * of the exclusion lists (a file name anywhere, a file-name prefix or suffix anywhere, a
 * folder anywhere) are string comparisons; the others go to picomatch.
 */
function globTest(glob: string): (path: string) => boolean {
  const lower = (m: RegExpExecArray) => m[1]!.toLowerCase();
  const base = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  let m = BASENAME.exec(glob);
  if (m) {
    const name = lower(m);
    return (path) => base(path) === name;
  }
  m = BASENAME_PREFIX.exec(glob);
  if (m) {
    const prefix = lower(m);
    return (path) => base(path).startsWith(prefix);
  }
  m = BASENAME_SUFFIX.exec(glob);
  if (m) {
    const suffix = lower(m);
    return (path) => base(path).endsWith(suffix);
  }
  m = FOLDER.exec(glob);
  if (m) {
    const folder = lower(m);
    return (path) => {
      const lowerPath = path.toLowerCase();
      return lowerPath.startsWith(`${folder}/`) || lowerPath.includes(`/${folder}/`);
    };
  }
  return picomatch(glob, { dot: true, nocase: true });
}

/** The first glob of `globs` that matches a path; compiled once per glob list. */
function matcher(globs: readonly string[]): (path: string) => string | undefined {
  const key = globs.join('\0');
  const cached = matchers.get(key);
  if (cached) return cached;
  const compiled = globs.map((g) => ({ glob: g, test: globTest(g) }));
  const match = (path: string) => compiled.find((c) => c.test(path))?.glob;
  if (matchers.size > 64) matchers.clear();
  matchers.set(key, match);
  return match;
}

/**
 * Picks the spec documents among `files`.
 * @param files every repo-relative file path (from `SpecSource.list()`)
 * @param paths files or folders the user asked for; a named file is always a candidate,
 *   a folder contributes its Markdown files minus the exclusions (include globs are not applied)
 */
export function discoverSpecs(files: readonly string[], config: SpecsConfig, paths?: readonly string[]): Discovery {
  return discoverNormalized(files.map(normalizeRelative), config, paths);
}

/** {@link discoverSpecs} on paths that are already repo-relative and normalized. */
export function discoverNormalized(normalized: readonly string[], config: SpecsConfig, paths?: readonly string[]): Discovery {
  const files = normalized;
  const builtIn = matcher(BUILTIN_EXCLUDES);
  const configured = matcher(config.exclude);
  // BMAD shards (`docs/prd/epic-1-launch.md` next to `docs/prd/index.md`) are part of their
  // document, so the built-in `epic-*.md` exclusion does not apply inside a shard folder.
  const shardFolders = new Set(files.filter((f) => /(?:^|\/)(?:prd|architecture)\/index\.md$/i.test(f)).map((f) => f.slice(0, f.lastIndexOf('/') + 1)));
  const excluded = (file: string): string | undefined => {
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    const builtInReason = shardFolders.has(dir) ? undefined : builtIn(file);
    // A change proposal named after its epic (`epic-6-scope-gap-proposal.md`) is not a BMAD epic file.
    if (builtInReason === EPIC_FILES && PROPOSAL_NAME.test(file.slice(dir.length))) return configured(file);
    return configured(file) ?? builtInReason;
  };
  const included = matcher(config.include);
  const markdown = files.filter((f) => MARKDOWN.test(f));
  const candidates = new Set<string>();
  const skipped: Discovery['skipped'] = [];
  const unmatched: string[] = [];
  const consider = (file: string, requireInclude: boolean) => {
    const exclusion = excluded(file);
    if (exclusion) {
      if (!requireInclude || included(file)) skipped.push({ path: file, reason: `excluded by ${exclusion}` });
      return;
    }
    if (requireInclude && !included(file)) return;
    candidates.add(file);
  };
  if (paths && paths.length > 0) {
    const fileSet = new Set(markdown);
    const allFiles = new Set(files);
    for (const raw of paths) {
      const p = normalizeRelative(raw);
      if (p === '' || p === '.') {
        for (const f of markdown) consider(f, false);
        continue;
      }
      if (fileSet.has(p)) {
        candidates.add(p);
        continue;
      }
      if (allFiles.has(p)) {
        skipped.push({ path: p, reason: 'not a Markdown file' });
        continue;
      }
      const prefix = `${p}/`;
      const under = markdown.filter((f) => f.startsWith(prefix));
      if (under.length === 0) unmatched.push(raw);
      for (const f of under) consider(f, false);
    }
  } else {
    for (const f of markdown) consider(f, true);
  }
  const seen = new Set<string>();
  return {
    candidates: [...candidates].sort(),
    skipped: skipped.filter((s) => !candidates.has(s.path) && !seen.has(s.path) && seen.add(s.path)).sort((a, b) => a.path.localeCompare(b.path)),
    unmatched,
  };
}
