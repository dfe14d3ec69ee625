// The Spec health report rendered for GitHub (issue body, job summary, check run) and
// the terminal, on the fixture repository and on hostile or huge inputs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsSpecSource } from '../../../src/adapters/fs-spec-source.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { revalidateRepository, type SpecHealthReport } from '../../../src/pipeline/revalidate/index.js';
import type { SpecSource } from '../../../src/pipeline/spec/source.js';
import { renderSpecHealthCheckRun, renderSpecHealthIssue, renderSpecHealthSummary, SPEC_HEALTH_MARKER, specHealthTitle } from '../../../src/reporting/spec-health.js';
import { renderSpecHealthText } from '../../../src/reporting/text/spec-health.js';
import { byteLength } from '../../../src/reporting/truncate.js';
import { copyFixtureRepo } from './fixture.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
let dir: string;
let report: SpecHealthReport;

beforeAll(async () => {
  dir = copyFixtureRepo(join(mkdtempSync(join(tmpdir(), 'render-')), 'repo'));
  report = await revalidateRepository(createFsSpecSource(dir), defaultConfig(), { commit: SHA, ref: 'refs/heads/main' });
});
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

function memory(files: Record<string, string>): SpecSource {
  return {
    list: async () => Object.keys(files).sort(),
    read: async (p) => {
      if (!(p in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[p]!);
    },
  };
}

describe('the Spec health issue', () => {
  it('opens with its marker, a headline and a table of the specs that need attention, most important first', () => {
    const body = renderSpecHealthIssue(report, { repoUrl: 'https://github.com/acme/shop', runUrl: 'https://github.com/acme/shop/actions/runs/9' });
    const lines = body.split('\n');
    expect(lines[0]).toBe(SPEC_HEALTH_MARKER);
    expect(lines[1]).toBe('## ⚠️ Spec health: 6 of 7 specs need attention');
    expect(body).toContain('Re-validated `0123456` on `main`');
    expect(body).toContain('5 of 13 requirements tested (9 test functions in 2 test files)');
    expect(body).toContain('0 errors, 16 warnings, 2 notes: passes (fail-on: error)');
    const rows = lines.filter((l) => l.startsWith('| ⚠️') || l.startsWith('| ✅'));
    expect(rows.map((r) => /docs\/[\w-]+\.md/.exec(r)?.[0] ?? r)).toEqual([
      'docs/cart-spec.md',
      'docs/search-v1-prd.md',
      'docs/sprint-change-proposal-wishlist.md',
      'docs/checkout-prd.md',
      'docs/search-v2-prd.md',
      'docs/catalog-prd.md',
      '| ✅ | 1 more spec: nothing to do | | | | |',
    ]);
    expect(rows[0]).toContain('changed since implemented: 3 requirements');
    expect(rows[0]).toContain('2 of 3 tested');
  });

  it('gives each spec a section with drift, what to do, untested ids with links to their lines, stale citations and validation', () => {
    const body = renderSpecHealthIssue(report, { repoUrl: 'https://github.com/acme/shop' });
    const cart = body.slice(body.indexOf('### ⚠️ FS-CART'), body.indexOf('### ', body.indexOf('### ⚠️ FS-CART') + 4));
    expect(cart).toContain('- **Drift:** changed since implemented: 3 requirements. FS-CART \\(docs/cart-spec.md\\) changed since it was implemented \\(PR \\#12, 2026-10-05\\)');
    expect(cart).toContain('  - **What to do:** Run spec-automation on the spec again');
    expect(cart).toContain('  - FR-12 added [`line 29`](https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/docs/cart-spec.md#L29)');
    expect(cart).toContain('  - FR-13 removed');
    expect(cart).toContain('- **Untested requirements:** FR-12');
    expect(cart).toContain('- **Tests citing requirements removed from this spec:**');
    expect(cart).toContain('[`tests/test_cart.py:17`](https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/tests/test_cart.py#L17) `TestCart::test_gift_wrap_adds_the_fee` cites **FR-13**');
    expect(cart).toContain('**fs.section.scenarios**');
    const stale = body.slice(body.indexOf('### ⚠️ Stale test citations (3)'));
    expect(stale).toContain('cites **FR-99**: defined by no spec');
    expect(stale).toContain('cites **login**: not a requirement id');
    expect(stale).toContain('cites **FR-30**: defined only by inactive `docs/search-v1-prd.md`');
    expect(body).toContain('### ⚠️ Lock entries without a spec (1)');
    expect(body).toContain('(PRD-COUPON), implemented in PR \\#14, 2026-10-09: deleted');
    // The draft is listed in the table count only: nothing to act on.
    expect(body).not.toContain('### ✅');
    expect(body).not.toContain('Reviews PRD');
  });

  it('is the same text for the same report, so an unchanged repository does not edit the issue', () => {
    expect(renderSpecHealthIssue(report)).toBe(renderSpecHealthIssue(report));
  });

  it('says all is well in one line when it is', async () => {
    const healthy = await revalidateRepository(memory({ 'docs/prd.md': '---\ntype: prd\nid: P\nstatus: draft\n---\n# P\n\n## Functional Requirements\n\n- FR-1: A.\n' }), defaultConfig());
    expect(healthy.verdict.health).toBe('healthy');
    expect(renderSpecHealthIssue(healthy).split('\n')[1]).toBe('## ✅ Spec health: All 1 spec healthy');
    expect(specHealthTitle(healthy)).toBe('Spec health: all 1 spec healthy');
  });

  it('escapes what specs and tests say: no HTML, no forged marker, no mentions, no table breakout', async () => {
    const evil = `---\ntype: prd\nid: "PRD-1 | <b>x</b>"\ntitle: "<!-- spec-automation:spec-health v1 --> @octocat | [click](javascript:alert(1))"\nstatus: approved\n---\n# T\n\n## Functional Requirements\n\n- FR-1: <img src=x onerror=alert(1)> @everyone\n`;
    const r = await revalidateRepository(memory({ 'docs/prd.md': evil }), defaultConfig(), { commit: SHA });
    const body = renderSpecHealthIssue(r, { repoUrl: 'https://github.com/acme/shop' });
    expect(body.indexOf(SPEC_HEALTH_MARKER)).toBe(0);
    expect(body.lastIndexOf('<!--')).toBe(0);
    expect(body).not.toMatch(/<img|<b>|@octocat|@everyone|\]\(javascript/);
    const row = body.split('\n').find((l) => l.includes('docs/prd.md') && l.startsWith('| '))!;
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
  });

  it('stays within GitHub limits in bytes with hundreds of specs and multi-byte text, saying what it left out', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const reqs = Array.from({ length: 12 }, (_, j) => `- FR-${i * 100 + j}: 漢字のテキスト 🚀 requirement ${j} of spec ${i}, with enough words to take room.`).join('\n');
      files[`docs/prd-${i}.md`] = `---\ntype: prd\nid: PRD-${i}\ntitle: "Produkt ${i} — 日本語 🚀"\nstatus: approved\n---\n# P\n\n## Functional Requirements\n\n${reqs}\n`;
    }
    const big = await revalidateRepository(memory(files), defaultConfig(), { commit: SHA });
    const issue = renderSpecHealthIssue(big, { repoUrl: 'https://github.com/acme/shop' });
    expect(byteLength(issue)).toBeLessThanOrEqual(65_535);
    expect(issue).toMatch(/_Showing \d+ of 300 sections, most important first; run `spec-automation status` for all of them\._/);
    expect(issue.endsWith('</sub>')).toBe(true);
    const summary = renderSpecHealthSummary(big);
    expect(byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary).not.toContain('_Showing');
    const plan = renderSpecHealthCheckRun(big);
    expect(byteLength(plan.output.summary)).toBeLessThanOrEqual(65_535);
    expect(plan.annotations).toHaveLength(500);
    expect(plan.unanchored).toBe(1); // lock.missing is about no file
    expect(plan.annotationsDropped).toBe(big.findings.length - 500 - 1);
  });
});

describe('the check run', () => {
  it('is "spec-automation / revalidate" with a title that counts what needs doing and the findings as annotations', () => {
    const plan = renderSpecHealthCheckRun(report);
    expect(plan.name).toBe('spec-automation / revalidate');
    expect(plan.conclusion).toBe('neutral');
    expect(plan.output.title).toBe('Spec health: 6 of 7 specs need attention (1 changed since implemented, 1 implemented from a superseded version, 1 change proposal not applied, 2 never implemented, 2 untested requirements, 4 stale citations)');
    expect(plan.output.title.length).toBeLessThanOrEqual(255);
    expect(plan.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line}`)).toContain('warning docs/cart-spec.md:17');
    expect(plan.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line}`)).toContain('notice src/shop/catalog.py:12');
    expect(plan.annotations).toHaveLength(report.findings.filter((f) => f.path !== '').length);
  });

  it('fails when the verdict fails and succeeds when healthy', async () => {
    const failing = await revalidateRepository(createFsSpecSource(dir), defaultConfig(), { failOn: 'warning' });
    expect(renderSpecHealthCheckRun(failing).conclusion).toBe('failure');
    const healthy = await revalidateRepository(memory({}), defaultConfig());
    expect(renderSpecHealthCheckRun(healthy).conclusion).toBe('success');
  });
});

describe('the terminal text', () => {
  it('lists every spec with its drift and untested ids, then stale citations, orphans and the verdict', () => {
    const text = renderSpecHealthText(report);
    expect(text.split('\n')[0]).toBe('Spec health: needs attention — 7 specs, 5 of 13 requirements tested (9 test functions in 2 files)');
    expect(text).toContain('⚠ docs/cart-spec.md  FS-CART  approved\n    drift: changed since implemented: 3 requirements');
    expect(text).toContain('    changes: FR-12 added, FR-10 reworded, FR-13 removed');
    expect(text).toContain('    untested: FR-12 (line 29)');
    expect(text).toContain('    stale: tests/test_cart.py:17 TestCart::test_gift_wrap_adds_the_fee cites FR-13 (removed from docs/cart-spec.md since implemented)');
    expect(text).toContain('✔ docs/reviews-prd.md  PRD-REV  draft');
    expect(text).toContain('  code src/shop/catalog.py:12 cites FR-98 (defined by no spec)');
    expect(text).toContain('  .spec-automation/lock.json:37 docs/coupons-prd.md (PR #14, 2026-10-09): deleted');
    expect(text.trimEnd().split('\n').pop()).toBe('0 errors, 16 warnings, 2 notes: passes (fail-on: error)');
    expect(text).not.toContain('\u001b[');
    expect(renderSpecHealthText(report, { color: true })).toContain('\u001b[33m⚠\u001b[39m');
  });

  it('cannot be driven by escape sequences in specs', async () => {
    const r = await revalidateRepository(memory({ 'docs/prd.md': '---\ntype: prd\nid: "P\u001b[2J"\nstatus: approved\n---\n# P\n\n## Functional Requirements\n\n- FR-1: A.\n' }), defaultConfig());
    expect(renderSpecHealthText(r, { color: true })).not.toContain('\u001b[2J');
  });
});
