/**
 * The rule registry is complete and honest: every registered code is produced by some
 * fixture, every code any fixture produces is registered, and each rule fixture
 * produces the rules it was written for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeRules, ruleCodes, RULES, validateRepository, type RepositoryValidation } from '../../../src/pipeline/spec/index.js';
import type { SpecSource } from '../../../src/pipeline/spec/source.js';
import { bytes, FIXTURES, folderSource, specsConfig } from './helpers.js';

const RULE_FIXTURES = `${FIXTURES}rules/`;
const DIALECT_FIXTURES = `${FIXTURES}dialects/`;

interface RuleExpectation {
  rules: string[];
  config?: Record<string, unknown>;
}

const emitted = new Map<string, string[]>();
function record(fixture: string, result: RepositoryValidation): void {
  for (const d of result.diagnostics) emitted.set(d.rule, [...(emitted.get(d.rule) ?? []), fixture]);
}

/** A source whose read fails: `file.unreadable`. */
const unreadable: SpecSource = {
  list: () => Promise.resolve(['docs/prd.md', 'docs/ok-prd.md']),
  read: (path) => (path === 'docs/prd.md' ? Promise.reject(new Error('EACCES: permission denied')) : Promise.resolve(bytes('---\ntype: prd\n---\n# OK\n'))),
};

/** A buggy adapter that returns something that is not bytes: `spec.internal-error`, and the run goes on. */
const notBytes: SpecSource = {
  list: () => Promise.resolve(['docs/prd.md', 'docs/ok-prd.md']),
  read: (path) =>
    path === 'docs/prd.md'
      ? Promise.resolve(
          new Proxy(new Uint8Array(4), {
            get: (_target, key) => {
              if (key === 'then') return undefined; // not a thenable; everything else fails
              throw new Error('adapter bug');
            },
          }) as Uint8Array,
        )
      : Promise.resolve(bytes('---\ntype: prd\n---\n# OK\n')),
};

describe('rule fixtures', () => {
  for (const name of readdirSync(RULE_FIXTURES).sort()) {
    it(`${name} produces its rules`, async () => {
      const expectation = JSON.parse(readFileSync(`${RULE_FIXTURES}${name}/expect.json`, 'utf8')) as RuleExpectation;
      const result = await validateRepository(folderSource(`${RULE_FIXTURES}${name}`), specsConfig(expectation.config as never));
      record(name, result);
      const rules = new Set(result.diagnostics.map((d) => d.rule));
      for (const rule of expectation.rules) expect(rules, `${name} should produce ${rule}`).toContain(rule);
    });
  }

  it('a file that cannot be read is reported and the others are validated', async () => {
    const result = await validateRepository(unreadable, specsConfig());
    record('(unreadable source)', result);
    expect(result.diagnostics.find((d) => d.rule === 'file.unreadable')).toMatchObject({ path: 'docs/prd.md', severity: 'error' });
    expect(result.specs.map((s) => s.path)).toEqual(['docs/ok-prd.md']);
    expect(result.skipped).toContainEqual({ path: 'docs/prd.md', reason: 'unreadable' });
  });

  it('a parser failure is reported on its file and the others are validated', async () => {
    const result = await validateRepository(notBytes, specsConfig());
    record('(adapter returning non-bytes)', result);
    expect(result.diagnostics.find((d) => d.rule === 'spec.internal-error')).toMatchObject({ path: 'docs/prd.md', severity: 'error' });
    expect(result.specs.map((s) => s.path)).toEqual(['docs/ok-prd.md', 'docs/prd.md']);
  });

  it('dialect fixtures only produce registered codes', async () => {
    for (const name of readdirSync(DIALECT_FIXTURES)) {
      record(name, await validateRepository(folderSource(`${DIALECT_FIXTURES}${name}`), specsConfig()));
    }
    expect([...emitted.keys()].filter((code) => !(code in RULES))).toEqual([]);
  });
});

describe('rule registry', () => {
  it('every registered rule is produced by at least one fixture', () => {
    // Runs after the fixture tests above (vitest runs a file's tests in order).
    expect(emitted.size).toBeGreaterThan(50);
    const missing = ruleCodes().filter((code) => !emitted.has(code));
    expect(missing).toEqual([]);
  });

  it('every entry says what it means and how to fix it', () => {
    for (const info of Object.values(RULES)) {
      expect(info.title.length, info.code).toBeGreaterThan(3);
      expect(info.explanation.length, info.code).toBeGreaterThan(20);
      expect(info.fix.length, info.code).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(info.severity);
    }
  });

  it('suggests close codes for a typo', () => {
    expect(closeRules('prd.section.requirement')[0]).toBe('prd.section.requirements');
    expect(closeRules('fm.yml')).toContain('fm.yaml');
    expect(closeRules('zzzzzzzzzzzzzzzzzzzzzzzzz')).toEqual([]);
  });
});
