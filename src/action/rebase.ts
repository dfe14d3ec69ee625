/**
 * Paths from the gates are relative to the project root they ran in (the
 * `working-directory` input); GitHub wants them relative to the repository root, or
 * annotations and review comments land nowhere. With a working directory such as
 * `app/`, `tasklet/model.py` becomes `app/tasklet/model.py`.
 */
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult, GatesRun, TestCaseResult } from '../pipeline/gate-result.js';
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

function rebaseCase(c: TestCaseResult, prefix: string): TestCaseResult {
  return {
    ...c,
    ...(c.file !== undefined ? { file: join(prefix, c.file) } : {}),
    ...(c.location ? { location: { ...c.location, path: join(prefix, c.location.path) } } : {}),
  };
}

function rebaseGate(g: GateResult, prefix: string): GateResult {
  return {
    ...g,
    diagnostics: g.diagnostics.map((d) => rebaseDiagnostic(d, prefix)),
    ...(g.tests ? { tests: { ...g.tests, cases: g.tests.cases.map((c) => rebaseCase(c, prefix)) } } : {}),
  };
}

/** The run with every path made relative to the repository root. */
export function rebaseRun(run: GatesRun, prefix: string): GatesRun {
  return prefix === '' ? run : { ...run, gates: run.gates.map((g) => rebaseGate(g, prefix)) };
}
