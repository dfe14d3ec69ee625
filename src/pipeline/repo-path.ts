/**
 * Repository-relative paths, the only kind of path that leaves a producer. GitHub drops
 * annotations whose path is not repo-root-relative with forward slashes, which is how
 * findings "vanish" on Windows runners; every tool path goes through here.
 * Pure string work (no file system), so it behaves the same on every OS.
 */

/** `C:\a\b` → `c:/a/b`; `/a//b/` → `/a/b`. Drive letters are case-insensitive on Windows. */
function canonical(p: string): string {
  let s = p.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  if (/^[A-Za-z]:/.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
  if (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

function resolveDots(segments: string[]): string[] | undefined {
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out;
}

/** Whether `path` starts with the segments of `dir` (case-insensitively under a drive letter, as on Windows). */
function startsWithSegments(path: readonly string[], dir: readonly string[]): boolean {
  const windows = /^[a-z]:$/.test(dir[0] ?? '');
  return dir.every((s, i) => (windows ? s.toLowerCase() === path[i]?.toLowerCase() : s === path[i]));
}

/**
 * Turns a path printed by a tool (absolute or relative to `cwd`) into a path relative
 * to `root`, with forward slashes and no leading `./`. Returns undefined when the path
 * lies outside `root` (another drive, `..` past the root): such findings cannot be
 * annotated and must be reported elsewhere.
 *
 * @param toolPath what the tool printed
 * @param root the repository root (absolute)
 * @param cwd the directory the tool ran in (absolute); defaults to `root`
 */
export function toRepoPath(toolPath: string, root: string, cwd: string = root): string | undefined {
  const rootC = canonical(root);
  let p = canonical(toolPath.trim());
  if (p === '') return undefined;
  if (!isAbsolute(p)) p = `${canonical(cwd)}/${p}`;
  const rootSegs = resolveDots(rootC.split('/'));
  const pathSegs = resolveDots(p.split('/'));
  if (!rootSegs || !pathSegs) return undefined;
  if (pathSegs.length <= rootSegs.length || !startsWithSegments(pathSegs, rootSegs)) return undefined;
  return pathSegs.slice(rootSegs.length).join('/');
}

/** Normalizes a path that is already repo-relative (from config, git, a spec): `./a\\b` → `a/b`. */
export function normalizeRelative(p: string): string {
  const segs = resolveDots(canonical(p).replace(/^\/+/, '').split('/'));
  return segs ? segs.join('/') : canonical(p);
}

/**
 * `path` (absolute) relative to `dir` (absolute), with forward slashes: `''` for `dir`
 * itself, undefined when `path` lies outside it (another drive, `..` past it).
 * Where a working directory lies in the workspace, a file in the project.
 */
export function pathWithin(dir: string, path: string): string | undefined {
  const d = resolveDots(canonical(dir).split('/'));
  const p = resolveDots(canonical(path).split('/'));
  if (!d || !p) return undefined;
  if (p.length < d.length || !startsWithSegments(p, d)) return undefined;
  return p.slice(d.length).join('/');
}

/**
 * The project's place in the repository as a path prefix: `./app/` → `app`, `''` (or
 * `.`) for the repository root. What `pathPrefix` options take.
 */
export function normalizePrefix(prefix: string | undefined): string {
  return normalizeRelative(prefix ?? '');
}

/**
 * A project-relative path as a repository-relative one: `prefix/path`. The path itself
 * at the repository root (`prefix` `''`), for `''` (a finding about no file), and for an
 * absolute path (a configuration file outside the project has no repository-relative form).
 *
 * @param prefix normalized ({@link normalizePrefix})
 */
export function inRepository(prefix: string, path: string): string {
  if (prefix === '' || path === '' || isAbsolute(canonical(path))) return path;
  return `${prefix}/${path}`;
}
