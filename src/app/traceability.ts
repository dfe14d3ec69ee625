/**
 * Requirement → test traceability of a branch, for the state comment of a ready run:
 * which tests cite each requirement of the spec, read from the test files themselves
 * (`@pytest.mark.req("FR-1")`, or the configured marker and patterns), not from what
 * the agent said it did.
 */
import picomatch from 'picomatch';
import type { TraceabilityConfig } from '../pipeline/config/schema.js';
import type { TraceabilityRow } from '../reporting/state-comment.js';

/** Test files read at most, and bytes per file. */
export const MAX_TEST_FILES = 300;
export const MAX_TEST_FILE_BYTES = 256 * 1024;

/** `FR-001`, `fr1`, `FR 1` → `FR:1`: the same requirement however it is written. */
export function canonicalRequirementId(id: string): string {
  const m = /^([A-Za-z][A-Za-z-]*?)[-_ .]?0*(\d+(?:\.\d+)*)$/.exec(id.trim());
  return m ? `${m[1]!.toUpperCase().replace(/-+$/, '')}:${m[2]}` : id.trim().toUpperCase();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Tests in one file and the requirement ids each cites: markers (and pattern matches)
 * above a `def test…`/`class Test…` belong to it. Node ids are `path::name`.
 */
export function citationsIn(path: string, text: string, config: Pick<TraceabilityConfig, 'marker' | 'patterns'>): Map<string, Set<string>> {
  const marker = new RegExp(`@pytest\\.mark\\.${escapeRegex(config.marker)}\\(([^)]*)\\)`, 'g');
  const patterns: RegExp[] = [];
  for (const p of config.patterns) {
    try {
      patterns.push(new RegExp(p, 'g'));
    } catch {
      // An invalid pattern is a configuration error reported by validation, not here.
    }
  }
  const tests = new Map<string, Set<string>>();
  let pending = new Set<string>();
  let currentClass: { name: string; indent: number; ids: Set<string> } | undefined;
  for (const line of text.split(/\r?\n/)) {
    const indent = line.length - line.trimStart().length;
    if (currentClass && line.trim() !== '' && indent <= currentClass.indent && !line.trimStart().startsWith('@')) currentClass = undefined;
    for (const m of line.matchAll(marker)) for (const q of m[1]!.matchAll(/["']([^"']{1,100})["']/g)) pending.add(q[1]!);
    for (const re of patterns) for (const m of line.matchAll(re)) if (m[1]) pending.add(m[1]);
    const def = /^\s*(?:async\s+)?def\s+(test\w*)\s*\(/.exec(line);
    const cls = /^\s*class\s+(Test\w*)\s*[(:]/.exec(line);
    if (cls) {
      currentClass = { name: cls[1]!, indent, ids: pending };
      pending = new Set();
    } else if (def) {
      const name = currentClass && indent > currentClass.indent ? `${currentClass.name}::${def[1]}` : def[1]!;
      const ids = new Set([...pending, ...(currentClass && indent > currentClass.indent ? currentClass.ids : [])]);
      if (ids.size > 0) tests.set(`${path}::${name}`, ids);
      pending = new Set();
    }
  }
  return tests;
}

export interface TestFileSource {
  listFiles(): Promise<string[]>;
  readText(path: string): Promise<string | undefined>;
}

/** The traceability rows of `requirements` over the test files of a tree. */
export async function traceabilityOf(
  requirements: readonly { id: string; text: string }[],
  files: TestFileSource,
  config: TraceabilityConfig,
): Promise<TraceabilityRow[]> {
  const isTest = picomatch(config.tests, { dot: true });
  const testFiles = (await files.listFiles()).filter((p) => isTest(p)).slice(0, MAX_TEST_FILES);
  const byRequirement = new Map<string, string[]>();
  for (const path of testFiles) {
    const text = await files.readText(path);
    if (text === undefined) continue;
    for (const [test, ids] of citationsIn(path, text, config)) {
      for (const id of ids) {
        const key = canonicalRequirementId(id);
        byRequirement.set(key, [...(byRequirement.get(key) ?? []), test]);
      }
    }
  }
  return requirements.map((r) => ({ id: r.id, text: r.text, tests: byRequirement.get(canonicalRequirementId(r.id)) ?? [] }));
}
