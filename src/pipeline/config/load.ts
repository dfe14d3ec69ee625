/**
 * Reads `.github/spec-automation.yml` text into a validated {@link Config}, with every
 * problem as a located diagnostic: YAML syntax errors and schema errors both point at
 * the line and column of the offending key or value.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { assignFingerprints, type Diagnostic, type DiagnosticInput } from '../diagnostic.js';
import { closestMatch } from '../edit-distance.js';
import { CONFIG_PATH, configSchema, defaultConfig, type Config } from './schema.js';
import { maxOf } from '../arrays.js';

export type ConfigResult =
  | { ok: true; config: Config; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

interface Located {
  line: number;
  column: number;
}

/** Finds the node at a schema path, preferring the key node for unknown keys. */
function locate(root: YamlNode | null, path: readonly PropertyKey[], lc: LineCounter, preferKey: string | undefined): Located {
  let node: unknown = root;
  let best: Located = { line: 1, column: 1 };
  const at = (n: unknown): Located | undefined => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return range ? { line: lc.linePos(range[0]).line, column: lc.linePos(range[0]).col } : undefined;
  };
  best = at(node) ?? best;
  const steps = preferKey === undefined ? path : [...path, preferKey];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const isLastKey = preferKey !== undefined && i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      if (isLastKey) return at(pair.key) ?? best;
      best = at(pair.value) ?? at(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      best = at(item) ?? best;
      node = item;
    } else break;
  }
  return best;
}

/** Keys the schema accepts at a path, for "did you mean" hints. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (const step of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (shape && typeof step === 'string' && step in shape) schema = shape[step];
    else {
      const def = (schema as { def?: { valueType?: unknown; options?: unknown[] } }).def;
      if (def?.valueType) schema = def.valueType;
      else return [];
    }
  }
  schema = unwrap(schema);
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { innerType?: unknown; options?: unknown[]; type?: string; out?: unknown } } | undefined;
  for (let i = 0; i < 10 && s?.def; i++) {
    if (s.def.innerType) s = s.def.innerType as typeof s;
    // A preprocessed schema (agent): its keys are those of the schema it feeds.
    else if (s.def.type === 'pipe' && s.def.out) s = s.def.out as typeof s;
    else if (s.def.type === 'union' && s.def.options) {
      const obj = s.def.options.find((o) => (o as { shape?: unknown }).shape);
      if (!obj) break;
      s = obj as typeof s;
    } else break;
  }
  return s;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/**
 * A union (`false` or a gate object) fails as one vague "Invalid input"; descend into the
 * branch that got furthest, so the user hears about `noTests`, not about `false`.
 */
function expandUnions(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) => maxOf(branch.map((i) => i.path.length));
  const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  if (depth(best) === 0) return [issue];
  return best.flatMap((i) => expandUnions({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

function issueToDiagnostic(issue: z.core.$ZodIssue, root: YamlNode | null, lc: LineCounter, file: string): DiagnosticInput[] {
  const base = { source: 'config', path: file, severity: 'error' as const };
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const where = locate(root, issue.path, lc, key);
      const suggestion = closestMatch(key, knownKeys(issue.path));
      return {
        ...base,
        rule: 'config.unknown-key',
        range: { start: where },
        message: `Unknown key "${key}" in ${describePath(issue.path)}.`,
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : `Allowed keys: ${knownKeys(issue.path).join(', ') || '(none)'}. See the configuration reference in the README.`,
      };
    });
  }
  const where = locate(root, issue.path, lc, undefined);
  return [
    {
      ...base,
      rule: 'config.invalid',
      range: { start: where },
      message: `${describePath(issue.path)}: ${issue.message}`,
      hint: 'See the configuration reference in the README.',
    },
  ];
}

/**
 * Parses and validates configuration text.
 * @param text the YAML file's content; empty text means "all defaults"
 * @param file the repo-relative path, used in diagnostics
 */
export function parseConfigText(text: string, file: string = CONFIG_PATH): ConfigResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const yamlErrors: DiagnosticInput[] = doc.errors.map((e) => {
    const pos = lc.linePos(e.pos[0]);
    return {
      source: 'config',
      path: file,
      severity: 'error',
      rule: 'config.yaml',
      range: { start: { line: pos.line, column: pos.col } },
      message: `Invalid YAML: ${e.message.split('\n')[0]}`,
      hint: 'Check indentation and quoting; a value containing ": " must be quoted.',
    };
  });
  if (yamlErrors.length > 0) return { ok: false, diagnostics: assignFingerprints(yamlErrors) };
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      diagnostics: assignFingerprints([
        {
          source: 'config',
          path: file,
          severity: 'error',
          rule: 'config.not-mapping',
          range: { start: { line: 1 } },
          message: 'The configuration must be a mapping of keys to values.',
          hint: 'Start from the example in the README: `gates:`, `specs:`, `agent:` …',
        },
      ]),
    };
  }
  return validateConfig(data, file, doc.contents as YamlNode | null, lc);
}

/**
 * Validates an already-parsed object (from Probot's `context.config`, say). Without the
 * YAML document, diagnostics point at line 1.
 */
export function validateConfig(data: unknown, file: string = CONFIG_PATH, root: YamlNode | null = null, lc = new LineCounter()): ConfigResult {
  const parsed = configSchema.safeParse(data ?? {});
  if (parsed.success) return { ok: true, config: parsed.data, diagnostics: [] };
  const diagnostics = parsed.error.issues.flatMap(expandUnions).flatMap((i) => issueToDiagnostic(i, root, lc, file));
  return { ok: false, diagnostics: assignFingerprints(diagnostics) };
}

export { defaultConfig };
