/**
 * A cheap index of a repository's spec text, for validating a few files without parsing
 * every spec (issue 10, class 12): which files mention a requirement id (a regex scan,
 * ranges expanded), which files may carry a given document id, and which files' front
 * matter or inline `Implements:` lines mention a string (a document id, a file name).
 * No Markdown parse.
 *
 * Every answer is a superset: a file that defines, or links to, what is asked about is
 * always among the candidates (the caller then parses the candidates and decides), so a
 * validation that reads only the candidates reports what a whole-repository run reports.
 */
import { findReferences, PREFIXES } from './ids.js';

/** An id mention with any separator (`FR-001`, `FR_1`, `FR 1`, `FR\-1`), as definitions and references write them. */
const ID_MENTION = new RegExp(`(?<![A-Za-z])(${PREFIXES})\\\\?[-_ ]?(\\d{1,4})([a-z])?`, 'g');
/** Kiro `Requirement 2` and its translations (definitions `REQ:2`). */
const KIRO_MENTION = /(?:Requirement|Req\.?|要件|需求|Exigence|Requisito)\s*(\d+)/giu;
/** Inline metadata that references a document (`**Implements**: …`, `| PRD | … |`), as meta.ts reads it. */
const INLINE_REF = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:implements|prd|parent spec)(?:\*\*|__)?\s*[:：]|^\s*\|[^|\n]*\b(?:implements|prd|parent spec)\b[^|\n]*\|/iu;
/** Inline metadata that gives the document's id (`**Id**: FS-001`, `| Document ID | … |`). */
const INLINE_ID = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:document id|id)(?:\*\*|__)?\s*[:：]|^\s*\|[^|\n]*\b(?:document id|id)\b[^|\n]*\|/iu;
/** Words an inline reference or id line contains, to find candidate lines without splitting the text. */
const REF_WORDS = /implements|prd|parent spec/gi;
const ID_WORDS = /\bid\b/gi;
/** A range between two ids, for which ranges are expanded (a cheap test before the full scan). */
const RANGE_HINT = /\d[a-z]?\s*(?:-|–|—|\.\.|to)\s*(?:DOC-REQ|DESIGN-REQ|NFR|ENF|FR|EF|CR|SC|UJ|SM|TR|REQ)[-_]?\d/;

/** The lines of `text` holding a match of `words` (global) that `exact` accepts. */
function linesMatching(text: string, words: RegExp, exact: RegExp): string[] {
  const out: string[] = [];
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (exact.test(line)) out.push(line);
    words.lastIndex = end + 1;
  }
  return out;
}
/** A top-level `id:` key in YAML front matter, and its value. */
const FM_ID = /^["']?id["']?\s*:(?<value>.*)$/i;
const CANONICAL = /^(?<prefix>[A-Z][A-Z-]*):(?<num>\d+)(?<suffix>[a-z]?)$/;

/** The front-matter block at the start of a text (everything, when it never closes), or ''. */
function frontMatterOf(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!/^(?:---|\+\+\+)/.test(body)) return '';
  const close = /\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|$)/.exec(body.slice(3));
  return close ? body.slice(0, 3 + close.index) : body;
}

export class RepoIndex {
  #ids: Map<string, Set<string>> | undefined;
  #refText: Map<string, string> | undefined;
  #idText: Map<string, string> | undefined;

  /**
   * @param texts decoded text of each file that may be a spec (the discovery candidates);
   *   each part of the index is built on its first question
   */
  constructor(readonly texts: ReadonlyMap<string, string>) {}

  /** Canonical id (`FR:1`) → files mentioning it. */
  get #idIndex(): Map<string, Set<string>> {
    if (this.#ids) return this.#ids;
    const ids = new Map<string, Set<string>>();
    for (const [path, text] of this.texts) {
      const add = (key: string) => {
        let set = ids.get(key);
        if (!set) ids.set(key, (set = new Set()));
        set.add(path);
      };
      ID_MENTION.lastIndex = 0;
      for (let m = ID_MENTION.exec(text); m; m = ID_MENTION.exec(text)) {
        const base = `${m[1]}:${Number(m[2])}`;
        add(base);
        if (m[3]) add(`${base}${m[3]}`);
      }
      // Ranges (`FR5–FR9`) name the ids inside them without writing them.
      if (RANGE_HINT.test(text)) for (const r of findReferences(text)) if (r.inRange) add(r.canonical);
      KIRO_MENTION.lastIndex = 0;
      for (let m = KIRO_MENTION.exec(text); m; m = KIRO_MENTION.exec(text)) add(`REQ:${Number(m[1])}`);
    }
    this.#ids = ids;
    return ids;
  }

  /** Path → front matter and inline reference lines: where `implements`, `supersedes`, `related` targets are written. */
  get #refIndex(): Map<string, string> {
    if (this.#refText) return this.#refText;
    this.#refText = new Map();
    for (const [path, text] of this.texts) {
      const fm = frontMatterOf(text);
      this.#refText.set(path, [fm, ...linesMatching(fm === '' ? text : text.slice(fm.length), REF_WORDS, INLINE_REF)].join('\n'));
    }
    return this.#refText;
  }

  /** Path → where its own id may be written (front matter `id:`, inline id lines). */
  get #idTextIndex(): Map<string, string> {
    if (this.#idText) return this.#idText;
    this.#idText = new Map();
    for (const [path, text] of this.texts) {
      const fm = frontMatterOf(text);
      const fmLines = fm === '' ? [] : fm.split('\n');
      const fmIds: string[] = [];
      for (const line of fmLines) {
        const m = FM_ID.exec(line);
        if (!m) continue;
        // A block scalar or an empty value continues on the next lines: keep the whole front matter.
        const value = m.groups!.value!.trim();
        fmIds.push(value === '' || /^[|>]/.test(value) ? fm : line);
      }
      if (fmLines.some((l) => /^\s*\{/.test(l))) fmIds.push(fm); // flow-style front matter
      this.#idText.set(path, [...fmIds, ...linesMatching(fm === '' ? text : text.slice(fm.length), ID_WORDS, INLINE_ID)].join('\n'));
    }
    return this.#idText;
  }

  #idQueries = 0;
  readonly #idAnswers = new Map<string, string[]>();

  /**
   * Files that mention a requirement id (canonical `FR:1`, or any other id text). The first
   * few questions scan for that id alone; after that the whole id index is built once.
   */
  idCandidates(canonical: string): string[] {
    const m = CANONICAL.exec(canonical);
    if (!m?.groups) return this.mentioning(canonical);
    if (this.#ids || this.#idQueries >= 16) return [...(this.#idIndex.get(canonical) ?? [])];
    const cached = this.#idAnswers.get(canonical);
    if (cached) return cached;
    this.#idQueries += 1;
    const { prefix, num, suffix } = m.groups as { prefix: string; num: string; suffix: string };
    const n = Number(num);
    // A superset of what the index would hold for this id: the prefix, any separator, the number with any zero padding.
    const written = new RegExp(`(?<![A-Za-z])${prefix}\\\\?[-_ ]?0*${n}${suffix}`);
    const kiro = prefix === 'REQ' ? new RegExp(`(?:Requirement|Req\\.?|要件|需求|Exigence|Requisito)\\s*0*${n}`, 'iu') : undefined;
    const out: string[] = [];
    for (const [path, text] of this.texts) {
      if (!text.includes(prefix) && !kiro) continue;
      if (written.test(text) || kiro?.test(text) || (RANGE_HINT.test(text) && findReferences(text).some((r) => r.inRange && r.canonical === canonical))) out.push(path);
    }
    this.#idAnswers.set(canonical, out);
    return out;
  }

  /** Files whose text contains `s`. */
  mentioning(s: string): string[] {
    if (s === '') return [];
    const out: string[] = [];
    for (const [path, text] of this.texts) if (text.includes(s)) out.push(path);
    return out;
  }

  /** Files whose own id may be `id` (front matter `id:`, inline id lines mention it). */
  withId(id: string): string[] {
    return RepoIndex.#search(this.#idTextIndex, [id]);
  }

  /** Files whose front matter or inline `Implements:` lines mention one of `needles` (a file name, an id). */
  referencing(needles: readonly string[]): string[] {
    return RepoIndex.#search(this.#refIndex, needles);
  }

  static #search(texts: ReadonlyMap<string, string>, needles: readonly string[]): string[] {
    const wanted = needles.filter((n) => n !== '');
    if (wanted.length === 0) return [];
    const out: string[] = [];
    for (const [path, text] of texts) if (wanted.some((n) => text.includes(n))) out.push(path);
    return out;
  }
}
