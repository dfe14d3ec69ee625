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

function matcher(globs: readonly string[]): (path: string) => string | undefined {
  const compiled = globs.map((g) => ({ glob: g, test: picomatch(g, { dot: true, nocase: true }) }));
  return (path) => compiled.find((c) => c.test(path))?.glob;
}

/**
 * Picks the spec documents among `files`.
 * @param files every repo-relative file path (from `SpecSource.list()`)
 * @param paths files or folders the user asked for; a named file is always a candidate,
 *   a folder contributes its Markdown files minus the exclusions (include globs are not applied)
 */
export function discoverSpecs(files: readonly string[], config: SpecsConfig, paths?: readonly string[]): Discovery {
  const builtIn = matcher(BUILTIN_EXCLUDES);
  const configured = matcher(config.exclude);
  // BMAD shards (`docs/prd/epic-1-launch.md` next to `docs/prd/index.md`) are part of their
  // document, so the built-in `epic-*.md` exclusion does not apply inside a shard folder.
  const shardFolders = new Set(
    files
      .map(normalizeRelative)
      .filter((f) => /(?:^|\/)(?:prd|architecture)\/index\.md$/i.test(f))
      .map((f) => f.slice(0, f.lastIndexOf('/') + 1)),
  );
  const excluded = (file: string): string | undefined => {
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    return configured(file) ?? (shardFolders.has(dir) ? undefined : builtIn(file));
  };
  const included = matcher(config.include);
  const markdown = files.map(normalizeRelative).filter((f) => MARKDOWN.test(f));
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
    const allFiles = new Set(files.map(normalizeRelative));
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
