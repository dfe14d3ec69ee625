/**
 * The one normalized diagnostic format. Every producer (spec validation, config
 * validation, each gate parser) emits it; every reporter (terminal, check runs,
 * review comments, SARIF, job summary, the agent's fix prompt) consumes it.
 * Modelled on reviewdog's Diagnostic Format.
 */
import { createHash } from 'node:crypto';

export type Severity = 'error' | 'warning' | 'info';

/** 1-based line, 1-based column (characters, not bytes). */
export interface Position {
  line: number;
  column?: number;
}

export interface Range {
  start: Position;
  /** Inclusive end; absent for a point or a whole-line finding. */
  end?: Position;
}

/** A replacement the tool proposes; `range` is end-exclusive on columns. */
export interface TextEdit {
  range: { start: Required<Position>; end: Required<Position> };
  newText: string;
}

export interface Fix {
  description?: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  /** Who found it: `spec`, `config`, or a gate name such as `ruff`. */
  source: string;
  /** Repo-relative with forward slashes; `''` when the finding is not about a file. */
  path: string;
  range: Range;
  severity: Severity;
  /** Stable rule code: `prd.section.requirements`, `F401`, `reportMissingImports`, `test.failed`. */
  rule: string;
  message: string;
  /** How to fix it, in one or two sentences. */
  hint?: string;
  /** Documentation for the rule. */
  url?: string;
  fix?: Fix;
  /** Identity that survives line shifts; see {@link fingerprintOf}. */
  fingerprint: string;
}

/** A diagnostic before its fingerprint is assigned. */
export type DiagnosticInput = Omit<Diagnostic, 'fingerprint'> & { fingerprint?: string };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Negative when `a` is more severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

/**
 * Stable identity of a finding: source, path, rule, message and the trimmed text of
 * the line it points at, but not the line number, so a comment posted for it is
 * recognised after code above it moves (reviewdog's full-diagnostic hash is not).
 */
export function fingerprintOf(d: Pick<Diagnostic, 'source' | 'path' | 'rule' | 'message'>, snippet = ''): string {
  const normalizedSnippet = snippet.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update([d.source, d.path, d.rule, d.message, normalizedSnippet].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Gives each diagnostic its fingerprint. Identical findings on identical lines of one
 * file (two `import os` lines, say) get an occurrence suffix so they stay distinct.
 * `lineText(path, line)` returns the source line, or undefined when it is unknown.
 */
export function assignFingerprints(
  inputs: readonly DiagnosticInput[],
  lineText: (path: string, line: number) => string | undefined = () => undefined,
  /** The path the fingerprint is of, when it is not `path` itself (the project-relative one under a prefix). */
  fingerprintPath?: (path: string) => string,
): Diagnostic[] {
  const seen = new Map<string, number>();
  return inputs.map((d) => {
    if (d.fingerprint) return d as Diagnostic;
    const snippet = d.path ? (lineText(d.path, d.range.start.line) ?? '') : '';
    const base = fingerprintOf(fingerprintPath && d.path ? { ...d, path: fingerprintPath(d.path) } : d, snippet);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { ...d, fingerprint: count === 0 ? base : `${base}-${count}` };
  });
}

/** Most severe first, then by path and line: the order users read findings in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      a.path.localeCompare(b.path) ||
      a.range.start.line - b.range.start.line ||
      (a.range.start.column ?? 0) - (b.range.start.column ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Clamps a 1-based line into `[1, lineCount]`; tools report lines past EOF (basedpyright does). */
export function clampLine(line: number, lineCount: number): number {
  if (!Number.isFinite(line) || line < 1) return 1;
  if (lineCount >= 1 && line > lineCount) return lineCount;
  return Math.floor(line);
}
