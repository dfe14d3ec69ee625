// The committed JSON schema is what editors check `.github/spec-automation.yml` with: it
// must be the one the zod schema generates today, accept every configuration this
// repository shows users, and reject bad ones at the same key paths as the runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from '../../../src/pipeline/config/json-schema.js';
import { parseConfigText } from '../../../src/pipeline/config/load.js';

const root = new URL('../../../', import.meta.url).pathname;
const committed = readFileSync(join(root, 'schema/spec-automation.schema.json'), 'utf8');
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(configJsonSchema());

/** The YAML example under "## Configuration reference" in the README. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration reference'));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('README: no yaml block under "## Configuration reference"');
  return match[1];
}

/** ajv's errors as the dotted key paths the runtime's messages name. */
function schemaPaths(data: unknown): string[] {
  validate(data);
  const paths = (validate.errors ?? []).map((e) => {
    const base = e.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
    const params = e.params as { additionalProperty?: string; propertyName?: string };
    const extra = e.keyword === 'additionalProperties' ? String(params.additionalProperty) : e.keyword === 'propertyNames' ? String(params.propertyName) : '';
    return [base, extra].filter(Boolean).join('.');
  });
  return [...new Set(paths)].sort();
}

/** The runtime's diagnostics as dotted key paths ("Unknown key "x" in a.b." → a.b.x). */
function runtimePaths(text: string): string[] {
  const result = parseConfigText(text);
  expect(result.ok).toBe(false);
  const paths = result.diagnostics.map((d) => {
    const unknown = /^Unknown key "([^"]+)" in (.+)\.$/.exec(d.message);
    if (unknown) return unknown[2] === 'the top level' ? unknown[1]! : `${unknown[2]}.${unknown[1]}`;
    return d.message.slice(0, d.message.indexOf(':')).replace(/\[(\d+)\]/g, '.$1');
  });
  return [...new Set(paths)].sort();
}

describe('the configuration JSON schema', () => {
  it('is committed as generated from the zod schema (run `npm run schema` when this fails)', () => {
    expect(committed).toBe(configJsonSchemaText());
  });

  it('is valid draft 2020-12 and names itself', () => {
    const schema = JSON.parse(committed) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('describes every key, for editors to show', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as { properties?: Record<string, { description?: string }>; additionalProperties?: unknown; items?: unknown; anyOf?: unknown[] };
      for (const [key, value] of Object.entries(n.properties ?? {})) {
        if (!value.description) undescribed.push(`${path}${key}`);
        walk(value, `${path}${key}.`);
      }
      walk(n.additionalProperties, `${path}*.`);
      walk(n.items, `${path}[].`);
      for (const branch of n.anyOf ?? []) walk(branch, path);
    };
    walk(JSON.parse(committed), '');
    expect(undescribed).toEqual([]);
  });

  it('accepts the README example and every configuration in the repository', () => {
    const texts = { readme: readmeExample(), fixture: readFileSync(join(root, 'test/fixtures/app/repo/.github/spec-automation.yml'), 'utf8'), empty: '{}' };
    for (const [name, text] of Object.entries(texts)) {
      expect(parseConfigText(text).ok, `${name}: runtime`).toBe(true);
      expect(validate(parse(text) ?? {}), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    ['a misspelt top-level key', 'gatse: {}\n'],
    ['a misspelt gate key', 'gates:\n  pytest:\n    timeot: 3\n'],
    ['a value of the wrong type', 'concurrency: many\n'],
    ['a value outside an enum', 'failOn: fatal\n'],
    ['a negative budget', 'agent:\n  budgets:\n    costUsd: -1\n'],
    ['a bad gate name', 'gates:\n  "bad name": {}\n'],
    ['an unknown spec type', 'specs:\n  types:\n    "docs/*.md": novel\n'],
    ['an empty status list', 'specs:\n  executableStatuses: []\n'],
  ])('rejects %s at the key path the runtime names', (_name, text) => {
    const expected = runtimePaths(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(validate(parse(text))).toBe(false);
    // A union (`false` or a gate) reports every branch in the JSON schema; the runtime
    // reports the branch that got furthest: its paths must be among the schema's.
    expect(schemaPaths(parse(text))).toEqual(expect.arrayContaining(expected));
  });
});
