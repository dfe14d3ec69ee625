import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceabilitySchema } from '../../../src/pipeline/config/schema.js';
import { canonicalIdOf } from '../../../src/pipeline/spec/ids.js';
import { parseSpec } from '../../../src/pipeline/spec/index.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import {
  canonicalCitation,
  collectTraceFiles,
  compilePatterns,
  idsInMarkerArgument,
  idsInTestName,
  scanTraceability,
  traceRequirements,
} from '../../../src/pipeline/traceability/index.js';
import { tokenizePython } from '../../../src/pipeline/traceability/python-tokens.js';

const config = (over: Record<string, unknown> = {}) => traceabilitySchema.parse(over);

describe('requirement ids as tests write them', () => {
  it('map onto the spec pipeline canonical keys', () => {
    for (const [raw, key] of [
      ['FR-1', 'FR:1'],
      ['FR1', 'FR:1'],
      ['FR-001', 'FR:1'],
      ['fr-7', 'FR:7'],
      ['NFR-3', 'NFR:3'],
      ['FR-14a', 'FR:14a'],
      ['DOC-REQ-2', 'DOC-REQ:2'],
      ['Requirement 2', 'REQ:2'],
      ['login', 'login'],
    ] as const) {
      expect(canonicalCitation(raw), raw).toBe(key);
    }
    // One canonicalization in the project: whatever the spec pipeline says, citations agree.
    fc.assert(
      fc.property(fc.constantFrom('FR', 'NFR', 'CR', 'SC', 'UJ'), fc.constantFrom('', '-', '_'), fc.integer({ min: 0, max: 9999 }), fc.boolean(), (prefix, sep, n, pad) => {
        const id = `${prefix}${sep}${pad ? String(n).padStart(4, '0') : n}`;
        expect(canonicalCitation(id)).toBe(canonicalIdOf(id));
      }),
    );
  });

  it('in marker arguments: one id, a list, a range, or text that is kept so a typo shows', () => {
    expect(idsInMarkerArgument('FR-1')).toEqual([{ id: 'FR-1', canonicalId: 'FR:1' }]);
    expect(idsInMarkerArgument(' FR-1, NFR-2 ').map((i) => i.canonicalId)).toEqual(['FR:1', 'NFR:2']);
    expect(idsInMarkerArgument('FR-1–FR-3').map((i) => i.canonicalId)).toEqual(['FR:1', 'FR:2', 'FR:3']);
    expect(idsInMarkerArgument('login')).toEqual([{ id: 'login', canonicalId: 'login' }]);
    expect(idsInMarkerArgument('')).toEqual([]);
    expect(idsInMarkerArgument('x'.repeat(101))).toEqual([]);
  });

  it('in test names: snake and camel case, suffixes; numbers without a prefix are not ids', () => {
    const ids = (name: string) => idsInTestName(name).map((i) => i.canonicalId);
    expect(ids('test_fr_12_export')).toEqual(['FR:12']);
    expect(ids('test_FR12')).toEqual(['FR:12']);
    expect(ids('test_nfr3_no_network')).toEqual(['NFR:3']);
    expect(ids('test_fr7a_export')).toEqual(['FR:7a']);
    expect(ids('TestFR12Export')).toEqual(['FR:12']);
    expect(ids('test_exportNFR3')).toEqual(['NFR:3']);
    expect(ids('test_fr_1_and_fr_2')).toEqual(['FR:1', 'FR:2']);
    expect(ids('test_doc_req_4')).toEqual(['DOC-REQ:4']);
    expect(ids('test_add_200_characters')).toEqual([]);
    expect(ids('test_from_12')).toEqual([]);
    expect(ids('test_fr12add')).toEqual([]);
    expect(ids('test_frame_1')).toEqual([]);
  });
});

describe('traceability.patterns', () => {
  it('compiles good patterns and refuses bad ones with a reason', () => {
    const { patterns, problems } = compilePatterns(['Covers: ([A-Z]+-\\d+)', '(unclosed', 'no group', '(?<=Covers )(FR-\\d+)', 'x'.repeat(501)]);
    expect(patterns).toEqual(['Covers: ([A-Z]+-\\d+)']);
    expect(problems.map((p) => p.key)).toEqual(['traceability.patterns[1]', 'traceability.patterns[2]', 'traceability.patterns[3]', 'traceability.patterns[4]']);
    expect(problems[0]!.message).toMatch(/not a valid regular expression/);
    expect(problems[1]!.message).toMatch(/no capture group/);
    expect(problems[2]!.message).toMatch(/Lookahead and lookbehind are not supported/);
    expect(problems[3]!.message).toMatch(/longer than 500/);
  });

  it('apply to tests in any language; a bad marker name is a problem, not a crash', () => {
    const index = scanTraceability(
      {
        tests: [
          { path: 'src/cart.test.ts', text: "it('[FR-3] adds one unit', () => {});\n// Covers: NFR-1\n" },
          { path: 'tests/test_a.py', text: '@pytest.mark.req("FR-1")\ndef test_a():\n    pass\n' },
        ],
        code: [],
      },
      config({ patterns: ['Covers: ([A-Z]+-\\d+)'], marker: 'not a marker!' }),
    );
    expect(index.tests.map((c) => `${c.path}:${c.line} ${c.canonicalId} ${c.via}`)).toEqual(['src/cart.test.ts:1 FR:3 text', 'src/cart.test.ts:2 NFR:1 text']);
    expect(index.problems.map((p) => p.key)).toEqual(['traceability.marker']);
  });

  it('cannot stall on a pathological line', () => {
    // A nested quantifier that backtracks exponentially in JavaScript runs in linear time (RE2);
    // a pattern sees at most 2,000 characters of a line.
    const { patterns } = compilePatterns(['(\\w+\\s?)*x(FR-\\d)', 'id=(\\S+)']);
    expect(patterns).toHaveLength(2);
    const index = scanTraceability({ tests: [{ path: 'tests/test_x.py', text: `# ${'a '.repeat(500_000)}\n# aa ax FR-7 id=FR-8\n` }], code: [] }, config({ patterns }));
    expect(index.tests.map((c) => `${c.line} ${c.canonicalId}`)).toEqual(['2 FR:7', '2 FR:8']);
  });
});

describe('collectTraceFiles', () => {
  it('reads test and code files by their globs, skipping large, binary and unreadable files', async () => {
    const files: Record<string, Uint8Array> = {
      'tests/test_a.py': new TextEncoder().encode('\uFEFFdef test_fr_1(): pass\n'),
      'tests/test_big.py': new Uint8Array(2048),
      'tests/test_bin.py': Uint8Array.from([0x23, 0x00, 0x01]),
      'app/main.py': new TextEncoder().encode('# FR-2\n'),
      'docs/prd.md': new TextEncoder().encode('# no'),
    };
    const source = {
      list: async () => [...Object.keys(files), 'tests/test_gone.py'],
      read: async (p: string) => {
        const b = files[p];
        if (!b) throw new Error('gone');
        return b;
      },
    };
    const input = await collectTraceFiles(source, await source.list(), config(), { maxFileBytes: 1024, maxFiles: 100 });
    expect(input.tests.map((f) => [f.path, f.text])).toEqual([['tests/test_a.py', 'def test_fr_1(): pass\n']]);
    expect(input.code.map((f) => f.path)).toEqual(['app/main.py']);
    expect(input.skipped).toEqual([
      { path: 'tests/test_big.py', reason: 'too-large' },
      { path: 'tests/test_bin.py', reason: 'binary' },
      { path: 'tests/test_gone.py', reason: 'unreadable' },
    ]);
    const capped = await collectTraceFiles(source, ['tests/test_a.py', 'app/main.py'], config(), { maxFileBytes: 1024, maxFiles: 1 });
    expect(capped.skipped).toEqual([{ path: 'app/main.py', reason: 'over-limit' }]);
  });
});

describe('traceRequirements', () => {
  const spec = (path: string, text: string) => parseSpec(path, new TextEncoder().encode(text), defaultConfig().specs);
  it('matches across specs, skips ignored kinds, covers Kiro requirements through their criteria, and flags the rest as stale', () => {
    const prd = spec('docs/prd.md', '---\ntype: prd\nid: P\nstatus: approved\n---\n# P\n\n## Functional Requirements\n\n- FR-1: A.\n- FR-2: B.\n- SM-1: Adoption grows.\n');
    const kiro = spec('.kiro/specs/x/requirements.md', '# Requirements Document\n\n## Requirements\n\n### Requirement 1: Login\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THEN the system SHALL greet them\n');
    const old = spec('docs/old.md', '---\ntype: prd\nid: O\nstatus: deprecated\n---\n# O\n\n## Functional Requirements\n\n- FR-9: Gone.\n');
    const index = scanTraceability(
      {
        tests: [{ path: 'tests/test_x.py', text: '@pytest.mark.req("FR-001", "1.1")\ndef test_a():\n    """Also covers FR-9."""\n\n@pytest.mark.req("FR-77")\ndef test_b():\n    pass\n' }],
        code: [{ path: 'app.py', text: '# FR-2\n' }],
      },
      config(),
    );
    const report = traceRequirements([prd, kiro, old], index, { ignoreKinds: config().ignoreKinds });
    const prdTrace = report.specs[0]!;
    expect(prdTrace.requirements.map((r) => [r.id, r.tests.length, r.code.length, r.needsTest])).toEqual([
      ['FR-1', 1, 0, true],
      ['FR-2', 0, 1, true],
      ['SM-1', 0, 0, false],
    ]);
    expect(prdTrace.untested.map((r) => r.id)).toEqual(['FR-2']);
    expect(report.specs[1]!.requirements.map((r) => [r.canonicalId, r.tests.map((t) => t.id)])).toEqual([['REQ:1', ['1.1']]]);
    expect(report.stale.map((s) => [s.citation.id, s.reason, s.definedIn])).toEqual([
      ['FR-9', 'inactive', ['docs/old.md']],
      ['FR-77', 'unknown', []],
    ]);
    // The deprecated document's FR-9 asks for nothing any more.
    expect(report.totals).toMatchObject({ requirements: 4, needingTests: 3, tested: 2, untested: 1 });
  });
});

describe('tokenizePython on anything', () => {
  it('never throws and keeps line numbers in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: fc.constantFrom('a', ' ', '\n', '\r', '"', "'", '#', '(', ')', '\\', '@', 'def ', 'class ', ':', '\t', 'é') }), (text) => {
        const { lines, comments } = tokenizePython(text);
        const max = text.split(/\r\n|\r|\n/).length;
        for (const l of lines) expect(l.endLine).toBeLessThanOrEqual(max);
        for (const c of comments) expect(c.line).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });
});
