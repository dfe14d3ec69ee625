/**
 * The project root's place in the repository (the `working-directory` input): GitHub
 * wants paths relative to the repository root, or annotations and review comments land
 * nowhere. The gates' parsers put it before their paths themselves (`pathPrefix` of
 * `runGates`); what is left here prefixes the spec validation's and the configuration's
 * findings. With a working directory such as `app/`, `tasklet/model.py` becomes
 * `app/tasklet/model.py`.
 */
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { normalizeRelative } from '../pipeline/repo-path.js';

/**
 * The repo-relative prefix of `root` inside `workspace` (`''` when they are the same),
 * or undefined when `root` lies outside the workspace.
 */
export function prefixOf(workspace: string, root: string): string | undefined {
  const rel = relative(workspace, root);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return normalizeRelative(rel);
}

function join(prefix: string, path: string): string {
  // Absolute paths (a config file outside the project) have no repository-relative form.
  if (path === '' || prefix === '' || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return path;
  return `${prefix}/${path}`;
}

/** Prefixes a diagnostic's path; the fingerprint stays, so it still matches earlier runs. */
export function rebaseDiagnostic(d: Diagnostic, prefix: string): Diagnostic {
  const path = join(prefix, d.path);
  return path === d.path ? d : { ...d, path };
}
