/**
 * The re-validation fixture (test/fixtures/revalidate): a shop repository whose specs
 * were implemented in four pull requests, then lived on. `implemented/` holds the specs
 * as they were when each pull request merged; the lock file is built from them the way
 * the app records an implementation (`lockEntryOf` + `recordImplementation`), so it
 * always matches the fixture's bytes.
 *
 * What the repository shows now:
 * - docs/catalog-prd.md (PRD-CAT): implemented, unchanged; FR-3 has no test.
 * - docs/cart-spec.md (FS-CART): changed since implemented: FR-10 reworded, FR-12 added,
 *   FR-13 removed (tests/test_cart.py still cites FR-13).
 * - docs/checkout-prd.md (PRD-PAY): approved, never implemented.
 * - docs/search-v1-prd.md (PRD-SEARCH-1): implemented, now superseded by
 *   docs/search-v2-prd.md (PRD-SEARCH-2), which is never implemented.
 * - docs/sprint-change-proposal-wishlist.md: approved, adds FR-4 to PRD-CAT: not applied.
 * - docs/reviews-prd.md: a draft with a TODO (its warning does not count).
 * - the lock records docs/coupons-prd.md, which was deleted.
 * - tests cite FR-99 (no spec), "login" (no id) and FR-30 (only the superseded PRD);
 *   src/shop/catalog.py mentions FR-98.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { lockEntryOf, recordImplementation } from '../../../src/pipeline/drift/index.js';
import { parseSpec } from '../../../src/pipeline/spec/index.js';

export const FIXTURE = fileURLToPath(new URL('../../fixtures/revalidate/', import.meta.url));
export const FIXTURE_REPO = join(FIXTURE, 'repo');

/** The four implementations the lock records. */
export const IMPLEMENTATIONS = [
  { path: 'docs/catalog-prd.md', pr: 11, at: '2026-10-01T09:00:00Z' },
  { path: 'docs/cart-spec.md', pr: 12, at: '2026-10-05T14:30:00Z' },
  { path: 'docs/search-v1-prd.md', pr: 13, at: '2026-10-07T08:15:00Z' },
  { path: 'docs/coupons-prd.md', pr: 14, at: '2026-10-09T17:45:00Z' },
] as const;

/** The lock file as the four merged pull requests left it. */
export function fixtureLock(only: readonly string[] = IMPLEMENTATIONS.map((i) => i.path)): string {
  let text: string | undefined;
  for (const i of IMPLEMENTATIONS) {
    if (!only.includes(i.path)) continue;
    const bytes = new Uint8Array(readFileSync(join(FIXTURE, 'implemented', i.path)));
    const spec = parseSpec(i.path, bytes, defaultConfig().specs);
    text = recordImplementation(text, lockEntryOf(spec, { pr: { number: i.pr, url: `https://github.com/acme/shop/pull/${i.pr}` }, commit: `${String(i.pr).repeat(20)}`, implementedAt: i.at }));
  }
  return text ?? '';
}

/** Copies the repository into `dest` (created) with its lock file; returns `dest`. */
export function copyFixtureRepo(dest: string, lock: string | null = fixtureLock()): string {
  mkdirSync(dest, { recursive: true });
  cpSync(FIXTURE_REPO, dest, { recursive: true });
  if (lock !== null) {
    mkdirSync(join(dest, '.spec-automation'), { recursive: true });
    writeFileSync(join(dest, '.spec-automation', 'lock.json'), lock);
  }
  return dest;
}
