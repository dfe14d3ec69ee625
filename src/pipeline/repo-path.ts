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
  const windows = /^[a-z]:$/.test(rootSegs[0] ?? '');
  const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (pathSegs.length <= rootSegs.length) return undefined;
  for (let i = 0; i < rootSegs.length; i++) if (!same(rootSegs[i]!, pathSegs[i]!)) return undefined;
  return pathSegs.slice(rootSegs.length).join('/');
}

/** Normalizes a path that is already repo-relative (from config, git, a spec): `./a\\b` → `a/b`. */
export function normalizeRelative(p: string): string {
  const segs = resolveDots(canonical(p).replace(/^\/+/, '').split('/'));
  return segs ? segs.join('/') : canonical(p);
}
