/**
 * Maps a path printed by a tool to a repo-relative path. A finding outside the
 * repository (another drive, the standard library) cannot be annotated on a file, so it
 * keeps its original path in the message instead of being dropped.
 */
import { inRepository, toRepoPath } from '../../pipeline/repo-path.js';
import type { ParseContext } from '../types.js';

export interface LocatedPath {
  /** Repo-relative, or `''` when outside the repository. */
  path: string;
  /** Prefix for the message when the path is outside the repository. */
  outsidePrefix: string;
}

/** A path printed by a tool (absolute, or relative to the tool's cwd) as a repository-relative path; undefined outside the root. */
export function repoPathOf(toolPath: string, context: ParseContext): string | undefined {
  const path = toRepoPath(toolPath, context.root, context.cwd);
  return path === undefined ? undefined : inRepository(context.prefix ?? '', path);
}

const resolvedPaths = new WeakMap<ParseContext, Map<string, string | undefined>>();

/** One string for equal texts within a parse (messages repeat: "Import "os" is not accessed"). */
export function interner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
}

/**
 * @param line the line the tool named, kept in the message when the file is outside the
 *   repository (the diagnostic itself then has no file to point into)
 */
export function locatePath(toolPath: string | undefined, context: ParseContext, line?: number): LocatedPath {
  if (!toolPath) return { path: '', outsidePrefix: '' };
  // One string per file for all its findings: 10,000 findings in 1,000 files keep 1,000 paths.
  let known = resolvedPaths.get(context);
  if (!known) resolvedPaths.set(context, (known = new Map()));
  let path = known.get(toolPath);
  if (path === undefined && !known.has(toolPath)) {
    path = repoPathOf(toolPath, context);
    known.set(toolPath, path);
  }
  if (path !== undefined) return { path, outsidePrefix: '' };
  return { path: '', outsidePrefix: line === undefined ? `${toolPath}: ` : `${toolPath}:${line}: ` };
}

/** Characters that end a path inside a message: spaces, quotes, brackets, separators of lists and `:line`. */
const PATH_END = `\\s"'\`:;,()<>\\[\\]{}|`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites absolute paths under the repository root inside free text (a message, a
 * traceback) as repo-relative paths with forward slashes: basedpyright's
 * `reportImportCycles` lists `/…/checkout/pkg/a.py`, and a message that names the
 * checkout directory changes with it (and so does its fingerprint). The root itself
 * becomes `.`; a longer directory that merely starts with the root's name is left alone.
 * Windows roots match case-insensitively and with either separator.
 *
 * @param roots the repository root, and its real path when a symlink leads to it
 */
export function relativizeText(text: string, roots: readonly string[]): string {
  let out = text;
  for (const root of roots) {
    const trimmed = root.replace(/[\\/]+$/, '');
    const name = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    // Cheap test first: 10,000 messages mostly never mention the root.
    if (trimmed.length < 2 || !out.toLowerCase().includes(name.toLowerCase())) continue;
    const pattern = trimmed.split(/[\\/]/).map(escapeRegExp).join('[\\\\/]');
    const windows = /^[A-Za-z]:/.test(trimmed);
    const re = new RegExp(`${pattern}(?:[\\\\/]([^${PATH_END}]*))?(?![^${PATH_END}\\\\/])`, windows ? 'gi' : 'g');
    out = out.replace(re, (_match, rest: string | undefined) => (rest ? rest.replace(/\\/g, '/').replace(/^\/+/, '') || '.' : '.'));
  }
  return out;
}
