/**
 * Requirement ids as tests write them, mapped onto the spec pipeline's canonical keys
 * (src/pipeline/spec/ids.ts, spec-formats §2): `FR1`, `FR-1`, `FR-001` and `fr_1` in a
 * test name are all `FR:1`. There is one canonicalization in the project, the spec
 * pipeline's; this file only adapts test-side spellings to it.
 */
import { canonicalIdOf, findReferences } from '../spec/ids.js';

/** Longest marker argument read as an id; anything longer is not one. */
const MAX_ID_CHARS = 100;

/** Id prefixes a test name may carry, longest first so `nfr` is not read as `fr`. */
const NAME_PREFIXES = ['doc_req', 'design_req', 'nfr', 'fr', 'cr', 'sc', 'uj', 'sm', 'tr', 'req'];

const ciPrefix = (p: string) =>
  [...p].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c === '_' ? '[-_]?' : c)).join('');

/** snake_case names: `test_fr_12_export`, `test_FR12`, `test_nfr3a_x`. */
const SNAKE_ID = new RegExp(`(?:^|_)(?<prefix>${NAME_PREFIXES.map(ciPrefix).join('|')})_?(?<num>\\d{1,4})(?<suffix>[a-z])?(?=_|$)`, 'g');
/** CamelCase names: `TestFR12Export`, `testExportNFR3`. */
const CAMEL_ID = new RegExp(`(?<=^|[a-z0-9_])(?<prefix>${NAME_PREFIXES.map((p) => p.toUpperCase().replace('_', '-?')).join('|')})(?<num>\\d{1,4})(?=[A-Z_]|$)`, 'g');

/** A test-side id and its canonical key. */
export interface CitedId {
  id: string;
  canonicalId: string;
}

/**
 * Canonical key of an id written by hand in a marker or a pattern match. Lenient about
 * the prefix's case (`fr-1`), strict about the rest, so an id means what the spec's means.
 * Text that is no requirement id keeps its own (trimmed) spelling as key.
 */
export function canonicalCitation(raw: string): string {
  const text = raw.trim();
  const direct = canonicalIdOf(text);
  if (direct.includes(':')) return direct;
  const upper = text.replace(/^[A-Za-z][A-Za-z-]*?(?=[-_ ]?\d)/, (m) => m.toUpperCase());
  const lenient = canonicalIdOf(upper);
  return lenient.includes(':') ? lenient : text;
}

/**
 * The ids a marker argument holds: `"FR-1"` is one; `"FR-1, NFR-2"` or `"FR-1–FR-3"`
 * (a range) several; text that is no id (`"login"`) is kept as one unknown id, so a
 * typo in a marker shows up as a stale citation instead of vanishing.
 */
export function idsInMarkerArgument(value: string): CitedId[] {
  const text = value.trim();
  if (text === '' || text.length > MAX_ID_CHARS) return [];
  const single = canonicalCitation(text);
  if (single.includes(':')) return [{ id: text, canonicalId: single }];
  const refs = findReferences(text);
  if (refs.length > 0) return refs.map((r) => ({ id: r.id, canonicalId: r.canonical }));
  return [{ id: text, canonicalId: single }];
}

/** The ids in free text (docstrings, comments, other languages): the spec pipeline's reference grammar, ranges expanded. */
export function idsInText(text: string): Array<CitedId & { index: number }> {
  return findReferences(text).map((r) => ({ id: r.id, canonicalId: r.canonical, index: r.index }));
}

/**
 * The ids a test or test-class name carries: `test_fr_12_export` → FR-12,
 * `test_FR12` → FR-12, `TestNFR3NoNetwork` → NFR-3, `test_fr7a_x` → FR-7a.
 * Numbers not glued to a known prefix (`test_add_200_chars`) are not ids.
 */
export function idsInTestName(name: string): CitedId[] {
  const out: CitedId[] = [];
  const seen = new Set<string>();
  const add = (prefix: string, num: string, suffix = '') => {
    const p = prefix.toUpperCase().replace(/[-_]/g, '').replace(/^(DOC|DESIGN)REQ$/, '$1-REQ');
    const id = `${p}-${Number(num)}${suffix.toLowerCase()}`;
    const canonicalId = canonicalIdOf(id);
    if (!canonicalId.includes(':') || seen.has(canonicalId)) return;
    seen.add(canonicalId);
    out.push({ id, canonicalId });
  };
  // `test` / `Test` is the collection prefix, not part of an id.
  const rest = name.replace(/^[Tt]est/, '');
  for (const m of rest.matchAll(SNAKE_ID)) add(m.groups!.prefix!, m.groups!.num!, m.groups!.suffix);
  for (const m of rest.matchAll(CAMEL_ID)) add(m.groups!.prefix!, m.groups!.num!);
  return out;
}
