/**
 * Requirement id grammar (spec-formats.md §2): definitions vs references, canonical
 * keys (FR1 = FR-1 = FR-001 = `FR:1`), ranges, styles.
 */

// EF/ENF are the French FR/NFR (exigence fonctionnelle / non fonctionnelle), as spec-kit writes them in French.
export const PREFIXES = 'DOC-REQ|DESIGN-REQ|SM-C|NFR|ENF|FR|EF|CR|IR|SR|BR|TR|DR|UR|REQ|SC|UJ|SM';
const REF_PREFIXES = 'DOC-REQ|DESIGN-REQ|NFR|ENF|FR|EF|CR|SC|UJ|SM|TR|REQ';
/**
 * What may sit between a defined id and its separator, as real documents write it: a
 * parenthetical (`**NFR1 (Security)**:`, `**DOC-REQ-001** (Source: …):`, `**FR-001** (\`DOC-REQ-001\`):`).
 */
const ANNOTATION = '(?:\\s*\\([^()\\n]{0,120}\\))?';

/** An id at the start of a list item, paragraph line, heading or table cell, followed by a separator. */
const DEF = new RegExp(
  `^\\s*(?:\\*\\*|__)?(?<id>(?<prefix>${PREFIXES})[-_ ]?(?<num>\\d{1,4})(?<suffix>[a-z])?)${ANNOTATION}(?:\\*\\*|__)?${ANNOTATION}\\s*(?:[:：.)\\]]|\\s[—–-]\\s|\\s\\|)`,
);
/** Headings may name the requirement without a separator: `### FR-1 Add a task`. */
const DEF_HEADING = new RegExp(`^\\s*(?<id>(?<prefix>${PREFIXES})[-_ ]?(?<num>\\d{1,4})(?<suffix>[a-z])?)(?=[\\s:：.)\\]—–-]|$)`);
const ID_ONLY = new RegExp(`^\\s*(?:\\*\\*|__)?(?<id>(?<prefix>${PREFIXES})[-_ ]?(?<num>\\d{1,4})(?<suffix>[a-z])?)(?:\\*\\*|__)?\\s*$`);
/** Kiro `### Requirement 2: Title` and its translations. */
export const KIRO_REQUIREMENT_HEADING = /^(?:Requirement|Req\.?|要件|需求|Exigence|Requisito)\s*(?<n>\d+)(?:\s*[:：.\-—–]\s*(?<title>.*))?$/iu;

const REF_ID = `(?:${REF_PREFIXES})[-_]?\\d{1,4}[a-z]?`;
/** Id references, with optional ranges `FR5-FR11`, `FR-22–FR-24`. */
const REF = new RegExp(`(?<![A-Za-z0-9-])(?<from>${REF_ID})(?:\\s*(?:-|–|—|\\.\\.|to)\\s*(?<to>${REF_ID}))?(?![A-Za-z0-9])`, 'g');

/** A parsed requirement id. */
export interface RequirementId {
  /** As written (markup stripped): `FR-001`. */
  id: string;
  prefix: string;
  num: number;
  suffix: string;
  /** `FR:1`, `FR:14a`. */
  canonical: string;
  /** Writing style: separator and zero padding, for the mixed-style check. */
  style: { separator: string; padded: number };
  /** Length of the matched definition prefix (id and separator), to cut the text after it. */
  length: number;
}

function build(groups: Record<string, string | undefined>, length: number): RequirementId {
  const id = groups.id!;
  const prefix = groups.prefix!.toUpperCase();
  const rawNum = groups.num!;
  const suffix = groups.suffix ?? '';
  const afterPrefix = id.slice(groups.prefix!.length);
  const separator = /^[-_ ]/.test(afterPrefix) ? afterPrefix[0]! : '';
  return {
    id,
    prefix,
    num: Number(rawNum),
    suffix,
    canonical: `${prefix}:${Number(rawNum)}${suffix}`,
    style: { separator, padded: rawNum.length > 1 && rawNum.startsWith('0') ? rawNum.length : 0 },
    length,
  };
}

/** The requirement id defined at the start of `text`, if any. */
export function matchDefinition(text: string): RequirementId | undefined {
  const m = DEF.exec(text);
  return m?.groups ? build(m.groups, m[0].length) : undefined;
}

/** The requirement id a heading defines (`FR-1: Title`, `FR-1 Title`), if any. */
export function matchHeadingDefinition(text: string): RequirementId | undefined {
  const m = DEF.exec(text) ?? DEF_HEADING.exec(text);
  return m?.groups ? build(m.groups, m[0].length) : undefined;
}

/** The id a table cell holds when the cell is only an id (or an id with a separator). */
export function matchCellId(text: string): RequirementId | undefined {
  const m = ID_ONLY.exec(text) ?? DEF.exec(text);
  return m?.groups ? build(m.groups, m[0].length) : undefined;
}

/** Canonical key of any id-looking string (`FR-001` → `FR:1`), or the string itself. */
export function canonicalIdOf(id: string): string {
  const m = ID_ONLY.exec(id);
  if (m?.groups) return build(m.groups, m[0].length).canonical;
  const kiro = KIRO_REQUIREMENT_HEADING.exec(id.trim());
  if (kiro?.groups) return `REQ:${Number(kiro.groups.n)}`;
  return id.trim();
}

/** Expansion cap for a range, so `FR-1–FR-99999` cannot allocate millions of ids. */
const MAX_RANGE = 200;

/** One id mention in text. */
export interface IdReference {
  id: string;
  canonical: string;
  /** 0-based index in the text. */
  index: number;
  /** An id inside a range (`FR2` of `FR1–FR3`), not written out: gaps in numbering are not dangling. */
  inRange?: true;
}

/** Every requirement id mentioned in `text`, ranges expanded (capped at 200 ids). */
export function findReferences(text: string): IdReference[] {
  const out: IdReference[] = [];
  REF.lastIndex = 0;
  for (let m = REF.exec(text); m; m = REF.exec(text)) {
    const from = ID_ONLY.exec(m.groups!.from!)?.groups;
    if (!from) continue;
    const first = build(from, 0);
    out.push({ id: m.groups!.from!, canonical: first.canonical, index: m.index });
    const toText = m.groups!.to;
    if (toText) {
      const toGroups = ID_ONLY.exec(toText)?.groups;
      if (toGroups) {
        const last = build(toGroups, 0);
        if (last.prefix === first.prefix && last.num > first.num && last.num - first.num <= MAX_RANGE) {
          for (let n = first.num + 1; n < last.num; n++) out.push({ id: `${first.prefix}-${n}`, canonical: `${first.prefix}:${n}`, index: m.index, inRange: true });
        }
        out.push({ id: toText, canonical: last.canonical, index: m.index + m[0].length - toText.length });
      }
    }
  }
  return out;
}

/** Expands Kiro criterion lists such as `1.1, 2.3, 4.1-4.6` into `['1.1','2.3','4.1',…,'4.6']`. */
export function expandCriterionList(text: string): string[] {
  const out: string[] = [];
  const re = /(\d+)\.(\d+)(?:\s*[-–—]\s*(\d+)\.(\d+))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, a, b, c, d] = m;
    if (c !== undefined && d !== undefined && c === a && Number(d) > Number(b) && Number(d) - Number(b) <= MAX_RANGE) {
      for (let n = Number(b); n <= Number(d); n++) out.push(`${a}.${n}`);
    } else out.push(`${a}.${b}`);
  }
  return out;
}
