/**
 * Classifies one acceptance criterion (§2): EARS, Given/When/Then, checklist or prose,
 * with its parts. Parsing is procedural (keyword positions, then slices) rather than
 * one big backtracking regex, so a hostile line cannot make it slow.
 */
import type { AcFormat } from './model.js';
import { EARS_KEYWORDS, GWT_KEYWORDS } from './vocabulary.js';

export type CriterionProblem = 'ac.ears.malformed' | 'ac.ears.missing-modal' | 'ac.gwt.incomplete';

export interface CriterionShape {
  format: AcFormat;
  parts: Record<string, string>;
  /** Id written in front of the criterion: `1.1`, `AC1`. */
  explicitId?: string;
  /** The text without its numbering. */
  text: string;
  problem?: CriterionProblem;
}

/** Criteria longer than this are not parsed into parts (they are prose by then). */
const MAX_CRITERION = 2000;

const NUMBERING = /^\s*(?:(?<kiro>\d{1,3}(?:\.\d{1,3})+)\.?\s+|(?:AC|IV)[-\s]?(?<ac>\d{1,5}(?:\.\d{1,5})*)(?<acSuffix>[a-z])?\s*[:.)：]\s*|(?:Scenario|Szenario|Scénario|シナリオ|场景)\s*\d*\s*[:：]\s*)/iu;
const MODAL = /\b(SHALL(?:\s+NOT)?|shall(?:\s+not)?|MUST(?:\s+NOT)?|SHOULD(?:\s+NOT)?|MAY)\b/;
const SYSTEM = /^[\p{L}\p{N}_\- ]{1,80}$/u;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (k: string) => /^[a-zà-ÿ ]+$/i.test(k);
const keywordRe = (words: readonly string[]) =>
  // Unicode word edges: `\\b` is ASCII-only, so it never matches before `É` of `Étant donné`.
  words.map((w) => (isLatin(w) ? `(?<![\\p{L}\\p{N}_])${escapeRe(w)}(?![\\p{L}\\p{N}_])` : escapeRe(w))).join('|');
const GWT_TOKEN = new RegExp(
  `(?<given>${keywordRe(GWT_KEYWORDS.given)})|(?<when>${keywordRe(GWT_KEYWORDS.when)})|(?<then>${keywordRe(GWT_KEYWORDS.then)})|(?<and>${keywordRe(GWT_KEYWORDS.and)})`,
  'giu',
);
const GWT_START = new RegExp(`^(?:${keywordRe([...GWT_KEYWORDS.given, ...GWT_KEYWORDS.when])})`, 'iu');
/** Lines that continue a Given/When/Then block. */
export const GWT_LINE = new RegExp(`^(?:${keywordRe([...GWT_KEYWORDS.given, ...GWT_KEYWORDS.when, ...GWT_KEYWORDS.then, ...GWT_KEYWORDS.and])})`, 'iu');
export const GIVEN_LINE = new RegExp(`^(?:${keywordRe(GWT_KEYWORDS.given)})`, 'iu');
const EARS_START = new RegExp(`^(?<kw>${EARS_KEYWORDS.join('|')})\\b`);

function clean(s: string): string {
  return s.replace(/^[\s,，、:：]+|[\s,，、.。;；]+$/gu, '').trim();
}

/** Splits `Given … When … Then … And …` at its keywords (first of each, in order). */
function parseGwt(text: string): CriterionShape {
  const parts: Record<string, string> = {};
  const positions: Array<{ role: string; start: number; end: number }> = [];
  GWT_TOKEN.lastIndex = 0;
  const order = ['given', 'when', 'then', 'and'];
  let next = 0;
  for (let m = GWT_TOKEN.exec(text); m; m = GWT_TOKEN.exec(text)) {
    const role = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    if (!role) continue;
    const idx = order.indexOf(role);
    // Keep the first Given, the first When after it, the first Then after that, the first And after Then.
    if (idx >= next && !(role === 'and' && !positions.some((p) => p.role === 'then'))) {
      positions.push({ role, start: m.index, end: m.index + m[0].length });
      next = idx + 1;
      if (role === 'and') break;
    }
  }
  positions.forEach((p, i) => {
    const until = positions[i + 1]?.start ?? text.length;
    parts[p.role] = clean(text.slice(p.end, until));
  });
  const complete = parts.when !== undefined && parts.then !== undefined && parts.then !== '';
  return { format: 'gwt', parts, text, ...(complete ? {} : { problem: 'ac.gwt.incomplete' as const }) };
}

/** Splits an EARS sentence at its keyword, its modal and the THEN/comma before the system. */
/** Han, kana and Hangul: languages whose modal sits in the verb ending, not in a SHALL to find. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function parseEars(text: string, kw: string | undefined): CriterionShape {
  const modal = MODAL.exec(text);
  if (!modal && CJK.test(text)) {
    // `WHEN ユーザーが… THEN システムは…を表示する`: complete as written; do not ask for SHALL.
    const then = /\bTHEN\b/.exec(text);
    const cond = clean(text.slice(kw ? kw.length : 0, then ? then.index : undefined));
    return { format: 'ears', parts: { ...(kw ? { kw, cond } : {}), response: clean(then ? text.slice(then.index + 4) : text.slice(kw ? kw.length : 0)) }, text };
  }
  if (!modal) {
    if (kw && /\bTHEN\b/.test(text)) {
      const then = /\bTHEN\b/.exec(text)!;
      return {
        format: 'ears',
        parts: { kw, cond: clean(text.slice(kw.length, then.index)), response: clean(text.slice(then.index + 4)) },
        text,
        problem: 'ac.ears.missing-modal',
      };
    }
    return { format: 'ears', parts: kw ? { kw, cond: clean(text.slice(kw.length)) } : {}, text, problem: 'ac.ears.malformed' };
  }
  const head = text.slice(kw ? kw.length : 0, modal.index);
  const response = clean(text.slice(modal.index + modal[0].length));
  let cond = '';
  let system = head;
  if (kw) {
    const then = /\bTHEN\b/.exec(head);
    const comma = Math.max(head.lastIndexOf(','), head.lastIndexOf('，'));
    const cut = then ? then.index : comma;
    if (cut >= 0) {
      cond = clean(head.slice(0, cut));
      system = head.slice(cut + (then ? 4 : 1));
    } else {
      // `WHEN x the system SHALL y`: the system is the words after the last "the".
      const the = Math.max(head.lastIndexOf(' the '), head.lastIndexOf(' THE '));
      cond = clean(the >= 0 ? head.slice(0, the) : head);
      system = the >= 0 ? head.slice(the) : '';
    }
  }
  system = clean(system.replace(/^\s*the\s+/i, ''));
  const parts: Record<string, string> = { ...(kw ? { kw, cond } : {}), system, modal: modal[1]!.toUpperCase(), response };
  return { format: 'ears', parts, text };
}

/**
 * Classifies a criterion's text (markup already stripped). `checkbox` is the GFM task
 * state when the criterion is a checkbox item.
 */
export function classifyCriterion(rawText: string, checkbox?: boolean): CriterionShape {
  const full = rawText.replace(/\s+/g, ' ').trim();
  const numbering = NUMBERING.exec(full);
  const explicitId = numbering?.groups?.kiro ?? (numbering?.groups?.ac ? `AC${numbering.groups.ac.split('.').map(Number).join('.')}${numbering.groups.acSuffix ?? ''}` : undefined);
  const text = numbering ? full.slice(numbering[0].length).trim() : full;
  const withId = (shape: CriterionShape): CriterionShape => (explicitId ? { ...shape, explicitId } : shape);
  if (text.length <= MAX_CRITERION) {
    const ears = EARS_START.exec(text);
    if (ears?.groups) return withId(parseEars(text, ears.groups.kw));
    if (GWT_START.test(text)) {
      const gwt = parseGwt(text);
      if (GIVEN_LINE.test(text) || gwt.parts.then !== undefined) return withId(gwt);
    }
    const modal = MODAL.exec(text);
    if (modal && (modal[1]!.startsWith('SHALL') || modal[1]!.startsWith('shall') || modal[1] === modal[1]!.toUpperCase())) {
      const head = text.slice(0, modal.index).replace(/^\s*(?:THE|the|The)\s+/, '').trim();
      if (head !== '' && SYSTEM.test(head) && head.split(/\s+/).length <= 8) return withId(parseEars(text, undefined));
    }
  }
  return withId({ format: checkbox !== undefined ? 'checklist' : 'prose', parts: {}, text });
}
