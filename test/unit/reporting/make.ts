// Builders for reporting tests: realistic diagnostics and gate results.
import type { Diagnostic, DiagnosticInput } from '../../../src/pipeline/diagnostic.js';
import { assignFingerprints } from '../../../src/pipeline/diagnostic.js';
import type { GateResult, GatesRun } from '../../../src/pipeline/gate-result.js';
import { conclusionOf } from '../../../src/pipeline/gate-result.js';

export function diag(overrides: Partial<DiagnosticInput> = {}): Diagnostic {
  const input: DiagnosticInput = {
    source: 'ruff',
    path: 'src/app.py',
    range: { start: { line: 3, column: 8 }, end: { line: 3, column: 10 } },
    severity: 'error',
    rule: 'F401',
    message: '`os` imported but unused',
    url: 'https://docs.astral.sh/ruff/rules/unused-import',
    ...overrides,
  };
  return assignFingerprints([input])[0]!;
}

/** `n` distinct findings over `files` files, severities cycling error/warning/info. */
export function manyDiagnostics(n: number, options: { source?: string; message?: (i: number) => string; files?: number } = {}): Diagnostic[] {
  const severities = ['error', 'warning', 'info'] as const;
  const files = options.files ?? 50;
  return assignFingerprints(
    Array.from({ length: n }, (_, i) => ({
      source: options.source ?? 'ruff',
      path: `src/pkg_${i % files}/module.py`,
      range: { start: { line: 1 + Math.floor(i / files), column: 1 + (i % 7) } },
      severity: severities[i % 3]!,
      rule: `E${100 + (i % 50)}`,
      message: options.message ? options.message(i) : `finding number ${i}`,
    })),
  );
}

export function gate(overrides: Partial<GateResult> = {}): GateResult {
  const diagnostics = overrides.diagnostics ?? [];
  return {
    gate: 'ruff',
    tool: 'ruff',
    toolVersion: '0.6.9',
    status: diagnostics.some((d) => d.severity === 'error') ? 'failed' : 'passed',
    exitCode: diagnostics.length > 0 ? 1 : 0,
    durationMs: 1234,
    fromCache: false,
    command: ['ruff', 'check', '--output-format=json', '.'],
    diagnostics,
    ...overrides,
  };
}

export function gatesRun(gates: GateResult[]): GatesRun {
  return { schemaVersion: 1, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5000, conclusion: conclusionOf(gates), gates };
}

/** Counts the finding list items (`- ❌ …`) in rendered Markdown. */
export function countListItems(markdown: string): number {
  return markdown.split('\n').filter((l) => /^- (❌|⚠️|ℹ️) /.test(l)).length;
}

/** True when every code fence opened in `markdown` is closed. */
export function fencesBalanced(markdown: string): boolean {
  let open: { char: string; len: number } | undefined;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m) continue;
    const run = m[1]!;
    if (!open) {
      if (run[0] === '`' && m[2]!.includes('`')) continue;
      open = { char: run[0]!, len: run.length };
    } else if (run[0] === open.char && run.length >= open.len && m[2]!.trim() === '') open = undefined;
  }
  return open === undefined;
}
