/**
 * Text normalization shared by the parser: heading text for synonym matching (§9.8),
 * status values and type names (§1).
 */
import type { DocStatus, DocType } from './model.js';
import { SECTIONS, STATUS_SYNONYMS, TYPE_SYNONYMS, type SectionSpec } from './vocabulary.js';

// Emoji, variation selectors, joiners and keycap marks (alternation: a class would join them).
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const NUMBERING = /^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|section \d+:|§\s*\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/iu;

/**
 * Normalizes heading (or label) text: NFKC (full-width `：` `（）` → ASCII), emoji and
 * decorations such as `(mandatory)` removed, numbering and trailing colon stripped,
 * whitespace collapsed, lowercased.
 */
export function normalizeHeading(text: string): string {
  // Typographic apostrophes and quotes (`d’impact`, `« … »`) read as their ASCII forms: French
  // and German typography writes them, and the synonym tables use `'`.
  let s = text.normalize('NFKC').replace(EMOJI, ' ').replace(/[\u2018\u2019\u02BC\u2032\u00B4`]/gu, "'").replace(/[\u201C\u201D\u00AB\u00BB\u201E]/gu, '"');
  s = s.replace(/\*\(.*?\)\*/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(NUMBERING, '');
  s = s.replace(/\s*\((?:mandatory|optional|required|recommended|if applicable|include if [^)]*|必須|必需|可选|任意|obligatoire|facultatif)\)\s*/giu, ' ');
  s = s.replace(/\s*[:：]\s*$/u, '');
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The heading text without a trailing parenthetical: `Functional Requirements (MVP)` → `functional requirements`. */
function withoutParenthetical(norm: string): string {
  return norm.replace(/\s*\([^)]*\)\s*$/u, '').trim();
}

interface CompiledSynonyms {
  exact: Map<string, string>;
  patterns: Array<{ re: RegExp; canonical: string }>;
}

const compiled = new Map<DocType, CompiledSynonyms>();

function compile(type: DocType): CompiledSynonyms {
  let c = compiled.get(type);
  if (c) return c;
  c = { exact: new Map(), patterns: [] };
  for (const spec of SECTIONS[type]) {
    for (const syn of spec.synonyms) {
      if (syn.startsWith('/') && syn.lastIndexOf('/') > 0) {
        const end = syn.lastIndexOf('/');
        c.patterns.push({ re: new RegExp(syn.slice(1, end), `${syn.slice(end + 1)}u`), canonical: spec.canonical });
      } else if (!c.exact.has(syn)) c.exact.set(normalizeHeading(syn), spec.canonical);
    }
  }
  compiled.set(type, c);
  return c;
}

/** Canonical section name of a normalized heading for a document type, if it has one. */
export function canonicalSection(type: DocType, normText: string): string | undefined {
  const c = compile(type);
  const hit = c.exact.get(normText) ?? c.exact.get(withoutParenthetical(normText));
  if (hit) return hit;
  // `Functional Requirements & Acceptance`, `Requirements — MVP`: the part before a connector.
  const head = normText.split(/\s(?:&|and|—|–|-|\/|\||\+)\s|:\s/u)[0]!.trim();
  if (head !== normText) {
    const partial = c.exact.get(head);
    if (partial) return partial;
  }
  for (const p of c.patterns) if (p.re.test(normText)) return p.canonical;
  return undefined;
}

/** The section table row for a canonical name. */
export function sectionSpec(type: DocType, canonical: string): SectionSpec | undefined {
  return SECTIONS[type].find((s) => s.canonical === canonical);
}

const STATUS_LOOKUP = new Map<string, DocStatus>();
for (const [status, synonyms] of Object.entries(STATUS_SYNONYMS) as Array<[DocStatus, readonly string[]]>) {
  for (const s of synonyms) STATUS_LOOKUP.set(normalizeStatusText(s), status);
}

function normalizeStatusText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(EMOJI, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Maps a status as written to its canonical value; undefined when unknown. Accepts
 * `Approved`, `**✅ Completed**`, `已批准`, `approuvé (2026-06-01)`, `Ready for Development`.
 */
export function normalizeStatus(raw: string): DocStatus | undefined {
  const text = normalizeStatusText(raw);
  if (text === '') return undefined;
  const direct = STATUS_LOOKUP.get(text);
  if (direct) return direct;
  // `Approved by Flo on 2026-06-01`, `Approuvé — v2`: the leading words.
  const words = text.split(/[\s,;:—–(]+/u).filter(Boolean);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const hit = STATUS_LOOKUP.get(words.slice(0, n).join(' '));
    if (hit) return hit;
  }
  return undefined;
}

const TYPE_LOOKUP = new Map<string, DocType>();
for (const [type, synonyms] of Object.entries(TYPE_SYNONYMS) as Array<[DocType, readonly string[]]>) {
  for (const s of synonyms) TYPE_LOOKUP.set(s, type);
}

/** Maps a front-matter `type` (any case; spaces, `_` and `-` equivalent) to a DocType. */
export function normalizeType(raw: string): DocType | undefined {
  const key = raw
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return TYPE_LOOKUP.get(key);
}

/** GitHub's heading anchor: lowercase, punctuation removed, spaces to dashes. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
