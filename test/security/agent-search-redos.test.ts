/**
 * Issue 11: the agent's `search` accepted `^(a|a)*b`, whose backtracking took 10.6 s on
 * 31 characters and doubles per character, on the app's event loop. Every user- or
 * model-supplied pattern now runs in linear time (RE2): the agent's search, a gate's
 * regex parser and traceability.patterns. The inputs below are ones a backtracking
 * engine would not finish within the age of the universe; the test's timeout (generous,
 * 10 s, far above the ~50 ms they take) is the bound.
 */
import { describe, expect, it } from 'vitest';
import { parseRegex } from '../../src/gates/parsers/regex.js';
import { ChangeSet } from '../../src/pipeline/agent/change-set.js';
import { runTool } from '../../src/pipeline/agent/tools.js';
import { gateSchema } from '../../src/pipeline/config/schema.js';
import { compilePatterns, idsByPatterns } from '../../src/pipeline/traceability/index.js';
import { context } from '../unit/gates/helpers.js';
import { MemoryTree } from '../unit/agent/helpers.js';

const EVIL = '^(a|a)*b';
const policy = { denyPaths: [], maxFileBytes: 1_000_000, maxTotalBytes: 1_000_000, maxFilesChanged: 10 };

describe('catastrophic patterns run in linear time', () => {
  it('the agent search: ^(a|a)*b over 200 lines of 2,000 a-s answers "no matches"', { timeout: 10_000 }, async () => {
    const line = 'a'.repeat(2000);
    const cs = new ChangeSet(new MemoryTree({ 'src/a.txt': `${line}\n`.repeat(200), 'src/b.txt': `${'a'.repeat(40)}b\n` }), policy);
    const out = await runTool('search', { pattern: EVIL }, cs);
    expect(out).toEqual({ content: 'src/b.txt:1: ' + 'a'.repeat(40) + 'b', isError: false });
    const nested = await runTool('search', { pattern: '(a+)+!$|(\\w+\\s?)*!', path_glob: 'src/a.txt' }, cs);
    expect(nested).toEqual({ content: 'No matches in 1 files.', isError: false });
  });

  it("a gate's regex parser: a pathological pattern over 5,000 long output lines", { timeout: 10_000 }, () => {
    const ctx = context({}, { source: 'custom', gate: gateSchema.parse({ pattern: '^(?<file>(a|a)*):(?<message>(x+x+)+y)$' }) });
    const stdout = `${'a'.repeat(5000)}\n`.repeat(200) + 'aa:xxxy\n';
    const { diagnostics } = parseRegex({ stdout, stderr: `${'x'.repeat(100_000)}\n`, exitCode: 1 }, ctx);
    expect(diagnostics.map((d) => d.message)).toEqual(['xxxy']);
  });

  it('traceability.patterns: a nested quantifier is accepted and runs in linear time', { timeout: 10_000 }, () => {
    const { patterns, problems } = compilePatterns(['^(?:a|a)*(FR-\\d+)', '(?:\\w+\\s?)*Covers (FR-\\d+)']);
    expect(problems).toEqual([]);
    expect(idsByPatterns('a'.repeat(1999), patterns)).toEqual([]);
    expect(idsByPatterns(`${'word '.repeat(300)}!`, patterns)).toEqual([]);
    expect(idsByPatterns('aaaFR-12', patterns).map((c) => c.canonicalId)).toEqual(['FR:12']);
  });
});
