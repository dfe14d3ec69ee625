// The Spec health report on the fixture repository (see fixture.ts for its story):
// drift classification, traceability and the verdict, asserted exactly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsSpecSource } from '../../../src/adapters/fs-spec-source.js';
import { configSchema, defaultConfig } from '../../../src/pipeline/config/schema.js';
import { revalidateRepository, type SpecHealthReport } from '../../../src/pipeline/revalidate/index.js';
import { copyFixtureRepo, fixtureLock } from './fixture.js';

let dir: string;
let report: SpecHealthReport;

beforeAll(async () => {
  dir = copyFixtureRepo(join(mkdtempSync(join(tmpdir(), 'revalidate-')), 'repo'));
  report = await revalidateRepository(createFsSpecSource(dir), defaultConfig(), { commit: 'c'.repeat(40), ref: 'refs/heads/main' });
});
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

function spec(path: string) {
  const s = report.specs.find((x) => x.path === path);
  if (!s) throw new Error(`no spec ${path}`);
  return s;
}

describe('drift', () => {
  it('classifies every spec of the repository', () => {
    expect(Object.fromEntries(report.specs.map((s) => [s.path, s.drift.state]))).toEqual({
      'docs/cart-spec.md': 'changed',
      'docs/catalog-prd.md': 'implemented',
      'docs/checkout-prd.md': 'never-implemented',
      'docs/reviews-prd.md': 'not-ready',
      'docs/search-v1-prd.md': 'superseded',
      'docs/search-v2-prd.md': 'never-implemented',
      'docs/sprint-change-proposal-wishlist.md': 'change-pending',
    });
  });

  it('says which requirements were added, reworded (text or acceptance criteria) and removed since implementation', () => {
    const d = spec('docs/cart-spec.md').drift;
    expect(d.added.map((c) => [c.id, c.line])).toEqual([['FR-12', 29]]);
    expect(d.changed.map((c) => [c.id, c.line])).toEqual([['FR-10', 17]]);
    expect(d.removed.map((c) => c.id)).toEqual(['FR-13']);
    expect(d.entry).toMatchObject({ id: 'FS-CART', pr: { number: 12 }, implementedAt: '2026-10-05T14:30:00Z' });
  });

  it('links a superseded implementation with its unimplemented replacement, both ways', () => {
    expect(spec('docs/search-v1-prd.md').drift.supersededBy).toEqual(['docs/search-v2-prd.md']);
    expect(spec('docs/search-v2-prd.md').drift.replaces).toEqual(['docs/search-v1-prd.md']);
  });

  it('lists what an unapplied change proposal still has to do', () => {
    expect(spec('docs/sprint-change-proposal-wishlist.md').drift.change).toEqual({
      added: ['FR-4'],
      modified: [],
      removed: [],
      targets: [{ doc: 'PRD-CAT', path: 'docs/catalog-prd.md', missing: ['FR-4'], stillDefined: [] }],
    });
  });

  it('reports the lock entry of a deleted spec with its line in the lock file', () => {
    expect(report.orphaned.map((o) => [o.entry.path, o.reason, o.line])).toEqual([['docs/coupons-prd.md', 'deleted', 37]]);
    expect(report.lock).toEqual({ path: '.spec-automation/lock.json', present: true, entries: 4, problems: [] });
  });
});

describe('traceability', () => {
  it('finds the tests of every requirement, by marker, test name and class', () => {
    const tests = Object.fromEntries(report.specs.flatMap((s) => s.trace.requirements.map((r) => [`${s.path} ${r.id}`, r.tests.map((t) => `${t.path}:${t.line} ${t.via} ${t.test}`)])));
    expect(tests).toEqual({
      'docs/cart-spec.md FR-10': ['tests/test_cart.py:9 marker TestCart::test_add_puts_one_unit'],
      'docs/cart-spec.md FR-11': ['tests/test_cart.py:13 name TestCart::test_fr_11_quantity_zero_removes'],
      'docs/cart-spec.md FR-12': [],
      'docs/catalog-prd.md FR-1': ['tests/test_catalog.py:8 marker test_lists_every_product'],
      'docs/catalog-prd.md FR-2': ['tests/test_catalog.py:13 marker test_sorts_by_price'],
      'docs/catalog-prd.md FR-3': [],
      'docs/catalog-prd.md NFR-1': ['tests/test_catalog.py:18 name test_nfr_1_renders_5000_products_quickly'],
      'docs/checkout-prd.md FR-20': [],
      'docs/checkout-prd.md FR-21': [],
      'docs/reviews-prd.md FR-40': [],
      'docs/search-v1-prd.md FR-30': ['tests/test_cart.py:28 marker test_exact_name_search'],
      'docs/search-v2-prd.md FR-31': [],
      'docs/search-v2-prd.md FR-32': [],
      'docs/sprint-change-proposal-wishlist.md FR-4': [],
    });
    expect(spec('docs/catalog-prd.md').trace.requirements.find((r) => r.id === 'FR-3')!.code.map((c) => `${c.path}:${c.line}`)).toEqual(['src/shop/catalog.py:1']);
  });

  it('reports stale citations: an id removed since implementation, no spec, not an id, only a superseded spec; code mentions apart', () => {
    expect(report.stale.map((s) => [`${s.citation.path}:${s.citation.line}`, s.citation.id, s.reason, s.removedFrom, s.definedIn, s.inCode])).toEqual([
      ['tests/test_cart.py:17', 'FR-13', 'unknown', ['docs/cart-spec.md'], [], false],
      ['tests/test_cart.py:23', 'FR-99', 'unknown', [], [], false],
      ['tests/test_cart.py:28', 'FR-30', 'inactive', [], ['docs/search-v1-prd.md'], false],
      ['tests/test_catalog.py:22', 'login', 'unknown', [], [], false],
      ['src/shop/catalog.py:12', 'FR-98', 'unknown', [], [], true],
    ]);
    expect(spec('docs/cart-spec.md').stale.map((s) => s.citation.id)).toEqual(['FR-13']);
  });

  it('counts tests and requirements', () => {
    expect(report.traceability).toEqual({ requirements: 13, needingTests: 13, tested: 5, untested: 8, testFiles: 2, codeFiles: 3, testFunctions: 9, citations: 9 });
  });
});

describe('findings and verdict', () => {
  it('reports each thing to act on once, where it is, and leaves out what is expected', () => {
    const own = report.findings.filter((f) => f.source === 'revalidate').map((f) => `${f.severity} ${f.rule} ${f.path}:${f.range.start.line}`);
    expect(own).toEqual([
      'warning drift.orphaned .spec-automation/lock.json:37',
      'warning drift.changed docs/cart-spec.md:17',
      'warning trace.untested docs/cart-spec.md:29',
      'warning trace.untested docs/catalog-prd.md:18',
      'warning drift.never-implemented docs/checkout-prd.md:5',
      'warning drift.superseded docs/search-v1-prd.md:5',
      'warning drift.never-implemented docs/search-v2-prd.md:5',
      'warning drift.change-pending docs/sprint-change-proposal-wishlist.md:5',
      'warning trace.stale-citation tests/test_cart.py:17',
      'warning trace.stale-citation tests/test_cart.py:23',
      'warning trace.stale-citation tests/test_cart.py:28',
      'warning trace.stale-citation tests/test_catalog.py:22',
      'info trace.stale-code-reference src/shop/catalog.py:12',
    ]);
    // The draft's TODO is a validation warning, listed under its spec but not counted.
    expect(spec('docs/reviews-prd.md').counted).toBe(false);
    expect(spec('docs/reviews-prd.md').findings.some((f) => f.rule === 'marker.unresolved')).toBe(true);
    expect(report.findings.some((f) => f.path === 'docs/reviews-prd.md')).toBe(false);
    expect(spec('docs/reviews-prd.md').worst).toBe('ok');
  });

  it('writes messages a lead can act on', () => {
    const byRule = (rule: string, path: string) => report.findings.find((f) => f.rule === rule && f.path === path)!.message;
    expect(byRule('drift.changed', 'docs/cart-spec.md')).toBe('FS-CART (docs/cart-spec.md) changed since it was implemented (PR #12, 2026-10-05): FR-12 added (line 29), FR-10 reworded (line 17) and FR-13 removed.');
    expect(byRule('drift.superseded', 'docs/search-v1-prd.md')).toBe(
      'PRD-SEARCH-1 (docs/search-v1-prd.md) was implemented (PR #13, 2026-10-07) but is superseded by PRD-SEARCH-2 (docs/search-v2-prd.md), which is not implemented: the code follows a superseded version.',
    );
    expect(byRule('drift.change-pending', 'docs/sprint-change-proposal-wishlist.md')).toBe(
      'Change proposal SCP-2026-11-02-01 (docs/sprint-change-proposal-wishlist.md) is approved but not applied: it adds FR-4 (FR-4 not yet in docs/catalog-prd.md), and no implementation is recorded.',
    );
    expect(byRule('trace.stale-citation', 'tests/test_cart.py')).toBe('TestCart::test_gift_wrap_adds_the_fee cites FR-13, which was removed from docs/cart-spec.md since it was implemented.');
    expect(report.findings.every((f) => f.hint && f.fingerprint)).toBe(true);
  });

  it('orders specs most important first: drift before untested-only, healthy and drafts last', () => {
    expect(report.specs.map((s) => s.path)).toEqual([
      'docs/cart-spec.md',
      'docs/search-v1-prd.md',
      'docs/sprint-change-proposal-wishlist.md',
      'docs/checkout-prd.md',
      'docs/search-v2-prd.md',
      'docs/catalog-prd.md',
      'docs/reviews-prd.md',
    ]);
  });

  it('decides per revalidate.failOn', async () => {
    expect(report.verdict).toMatchObject({ health: 'needs-attention', failOn: 'error', fails: false });
    const config = configSchema.parse({ revalidate: { failOn: 'warning' } });
    expect((await revalidateRepository(createFsSpecSource(dir), config)).verdict).toMatchObject({ failOn: 'warning', fails: true });
    expect((await revalidateRepository(createFsSpecSource(dir), config, { failOn: 'never' })).verdict).toMatchObject({ failOn: 'never', fails: false });
  });
});

describe('lock file states', () => {
  it('without a lock file, every approved spec is never implemented, with a note saying why', async () => {
    const bare = copyFixtureRepo(join(dir, '..', 'bare'), null);
    const r = await revalidateRepository(createFsSpecSource(bare), defaultConfig());
    expect(r.lock).toMatchObject({ present: false, entries: 0 });
    expect(r.specs.filter((s) => s.drift.state === 'never-implemented').map((s) => s.path).sort()).toEqual(['docs/cart-spec.md', 'docs/catalog-prd.md', 'docs/checkout-prd.md', 'docs/search-v2-prd.md']);
    expect(r.findings.find((f) => f.rule === 'lock.missing')).toMatchObject({ severity: 'info', path: '' });
  });

  it('an unreadable lock file is an error on its line and drift is not judged from it', async () => {
    const lock = fixtureLock().split('\n');
    lock.splice(5, 0, '<<<<<<< HEAD');
    const broken = copyFixtureRepo(join(dir, '..', 'broken'), lock.join('\n'));
    const r = await revalidateRepository(createFsSpecSource(broken), defaultConfig());
    expect(r.verdict).toMatchObject({ health: 'unhealthy', fails: true });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path}:${f.range.start.line}`)).toEqual(['lock.invalid .spec-automation/lock.json:6']);
    expect(r.findings.find((f) => f.rule === 'lock.invalid')!.message).toMatch(/merge-conflict markers/);
  });

  it('a spec checked out with CRLF line endings is still the implemented one', async () => {
    const crlf = copyFixtureRepo(join(dir, '..', 'crlf'));
    const { readFileSync } = await import('node:fs');
    const path = join(crlf, 'docs', 'catalog-prd.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const r = await revalidateRepository(createFsSpecSource(crlf), defaultConfig());
    expect(r.specs.find((s) => s.path === 'docs/catalog-prd.md')!.drift.state).toBe('implemented');
  });
});

describe('pathPrefix', () => {
  it('makes every path of the report repository-relative for a project in a subfolder, keeping messages and fingerprints', async () => {
    const moved = await revalidateRepository(createFsSpecSource(dir), defaultConfig(), { commit: 'c'.repeat(40), ref: 'refs/heads/main', configFile: '.github/spec-automation.yml', pathPrefix: './apps/shop/' });
    expect(moved.specs.map((s) => s.path)).toEqual(report.specs.map((s) => `apps/shop/${s.path}`));
    expect(moved.findings.length).toBe(report.findings.length);
    expect(moved.findings.filter((f) => f.path !== '').every((f) => f.path.startsWith('apps/shop/'))).toBe(true);
    expect(moved.findings.map((f) => [f.fingerprint, f.message])).toEqual(report.findings.map((f) => [f.fingerprint, f.message]));
    expect(moved.stale[0]!.citation.path).toBe('apps/shop/tests/test_cart.py');
    expect(moved.stale[0]!.removedFrom).toEqual(['apps/shop/docs/cart-spec.md']);
    expect(moved.lock.path).toBe('apps/shop/.spec-automation/lock.json');
    expect(moved.orphaned[0]!.entry.path).toBe('apps/shop/docs/coupons-prd.md');
    expect(moved.specs[0]!.trace.requirements[0]!.tests[0]!.path).toBe('apps/shop/tests/test_cart.py');
    expect(moved.specs.find((s) => s.path === 'apps/shop/docs/cart-spec.md')!.drift.path).toBe('apps/shop/docs/cart-spec.md');
    // Drift is worked out between the project's paths: the same states as at the root.
    expect(moved.specs.map((s) => s.drift.state)).toEqual(report.specs.map((s) => s.drift.state));
  });

  it('leaves no path of the project behind: every path-like field anywhere in the report carries the prefix', async () => {
    const moved = await revalidateRepository(createFsSpecSource(dir), defaultConfig(), { commit: 'c'.repeat(40), ref: 'refs/heads/main', configFile: '.github/spec-automation.yml', pathPrefix: 'apps/shop' });
    // Fields holding repository paths, by name; a new one added to the report without the
    // prefix shows up here as a path of the project's own.
    const PATH_KEYS = new Set(['path', 'file', 'definedIn', 'removedFrom', 'supersededBy', 'replaces', 'movedTo']);
    const paths: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'string') {
        if (PATH_KEYS.has(key) && value !== '') paths.push(value);
      } else if (Array.isArray(value)) for (const v of value) walk(v, key);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(moved, '');
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !p.startsWith('apps/shop/'))).toEqual([]);
  });

  it('leaves the report as it is at the repository root', async () => {
    const atRoot = await revalidateRepository(createFsSpecSource(dir), defaultConfig(), { commit: 'c'.repeat(40), ref: 'refs/heads/main', pathPrefix: '' });
    expect(atRoot).toEqual(report);
  });
});
