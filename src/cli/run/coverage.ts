/**
 * Requirement → test coverage for the run report, kept small on purpose: the spec's
 * requirements against the tests that cite them with the project's pytest marker
 * (`@pytest.mark.req("FR-7")`, marker name `traceability.marker`), found in the test
 * files and in every file the run changed. The full traceability module comes later;
 * this answers "which requirement of this spec has a test, and which has none".
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import type { RunCoverage } from '../../reporting/run-report.js';

/** One test that cites a requirement. */
export interface Citation {
  /** As written in the marker. */
  id: string;
  path: string;
  /** 1-based line of the marker. */
  line: number;
  /** The function or class the marker decorates, when found. */
  test?: string;
}

const MAX_FILES = 5000;
const MAX_FILE_BYTES = 1024 * 1024;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `FR-007`, `fr7` and `FR_7` are the same requirement: `FR:7`. Other ids compare upper-cased. */
export function canonicalRequirementId(id: string): string {
  const trimmed = id.trim().toUpperCase();
  const match = /^([A-Z][A-Z]*?)[-_ .]?0*(\d+)$/.exec(trimmed);
  return match ? `${match[1]}:${Number(match[2])}` : trimmed;
}

/**
 * The requirement citations in one Python file: every `@pytest.mark.<marker>("ID", …)`
 * (or `@mark.<marker>(…)`), with the test it decorates.
 */
export function findCitations(path: string, text: string, marker: string): Citation[] {
  const decorator = new RegExp(`^\\s*@(?:pytest\\.)?mark\\.${escapeRegExp(marker)}\\s*\\(([^)]*)\\)`);
  const lines = text.split(/\r?\n/);
  const citations: Citation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = decorator.exec(lines[i]!);
    if (!match) continue;
    const ids = [...match[1]!.matchAll(/["']([^"'\n]{1,200})["']/g)].map((m) => m[1]!.trim()).filter((id) => id !== '');
    if (ids.length === 0) continue;
    let test: string | undefined;
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const line = lines[j]!;
      const def = /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)|^\s*class\s+([A-Za-z_]\w*)/.exec(line);
      if (def) {
        test = def[1] ?? def[2];
        break;
      }
      // Other decorators, blank lines and comments may stand between the marker and the def.
      if (!/^\s*(@|#|$)/.test(line) && !/^\s+\S/.test(line)) break;
    }
    for (const id of ids) citations.push({ id, path, line: i + 1, ...(test ? { test } : {}) });
  }
  return citations;
}

/** The requirement ids a run is judged on: a change proposal's added and modified ones, else every requirement. */
export function requirementsOf(spec: ParsedSpec): { id: string; text?: string }[] {
  const textOf = new Map(spec.requirements.map((r) => [canonicalRequirementId(r.id), r.text]));
  const ids = spec.changeSet ? [...spec.changeSet.added, ...spec.changeSet.modified] : spec.requirements.map((r) => r.id);
  const seen = new Set<string>();
  const out: { id: string; text?: string }[] = [];
  for (const id of ids) {
    const key = canonicalRequirementId(id);
    if (seen.has(key)) continue;
    seen.add(key);
    const text = textOf.get(key);
    out.push({ id, ...(text !== undefined ? { text } : {}) });
  }
  return out;
}

/** Pure: the coverage table from requirements and the citations found. */
export function coverageOf(requirements: readonly { id: string; text?: string }[], citations: readonly Citation[], changed: ReadonlySet<string>, scannedFiles: number): RunCoverage {
  const byId = new Map<string, Citation[]>();
  for (const c of citations) {
    const key = canonicalRequirementId(c.id);
    byId.set(key, [...(byId.get(key) ?? []), c]);
  }
  const known = new Set(requirements.map((r) => canonicalRequirementId(r.id)));
  const otherCitations = [...new Set(citations.filter((c) => changed.has(c.path) && !known.has(canonicalRequirementId(c.id))).map((c) => c.id))].sort();
  return {
    requirements: requirements.map((r) => ({
      id: r.id,
      ...(r.text !== undefined ? { text: r.text } : {}),
      tests: (byId.get(canonicalRequirementId(r.id)) ?? []).map((c) => ({ path: c.path, line: c.line, ...(c.test ? { test: c.test } : {}), changed: changed.has(c.path) })),
    })),
    otherCitations,
    scannedFiles,
  };
}

/**
 * Scans the checkout: test files (`traceability.tests` globs) and the files the run
 * changed, Python only, each at most 1 MiB.
 */
export async function scanCoverage(root: string, spec: ParsedSpec, options: { testGlobs: readonly string[]; marker: string; changedFiles: readonly string[] }): Promise<RunCoverage> {
  const fromGlobs = await glob([...options.testGlobs], {
    cwd: root,
    ignore: ['**/node_modules/**', '**/.venv/**', '**/venv/**', '**/.git/**', '**/__pycache__/**', '**/.spec-automation/**'],
    onlyFiles: true,
    dot: false,
  }).catch(() => [] as string[]);
  const changed = new Set(options.changedFiles);
  const files = [...new Set([...options.changedFiles.filter((f) => f.endsWith('.py')), ...fromGlobs])].sort().slice(0, MAX_FILES);
  const citations: Citation[] = [];
  let scanned = 0;
  for (const file of files) {
    const abs = join(root, ...file.split('/'));
    try {
      const st = await stat(abs);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) continue;
      citations.push(...findCitations(file, await readFile(abs, 'utf8'), options.marker));
      scanned += 1;
    } catch {
      // Deleted by the run, or unreadable: it cites nothing.
    }
  }
  return coverageOf(requirementsOf(spec), citations, changed, scanned);
}
