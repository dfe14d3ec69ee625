/**
 * The user-story triple "As a <role>, I want <want>, so that <why>" in English,
 * Chinese, Japanese and French (§3), found by keyword positions (no backtracking).
 */
import type { UserStoryTriple } from './model.js';

interface StoryGrammar {
  role: RegExp;
  want: RegExp;
  why: RegExp;
}

/** Keyword sets per language: each regex finds the keyword that *starts* that part. */
const GRAMMARS: readonly StoryGrammar[] = [
  { role: /\bAs an?\s+/gi, want: /,?\s+I\s+(?:want|need|would like)(?:\s+to)?\s+/gi, why: /,?\s+so\s+that\s+/gi },
  { role: /作为/gu, want: /[,，]\s*我(?:希望|想要|需要)/gu, why: /[,，]\s*(?:以便|从而|这样)/gu },
  { role: /En tant que\s+/gi, want: /,\s*je\s+(?:veux|souhaite|voudrais)\s+/gi, why: /,?\s+(?:afin de|afin que|pour)\s+/gi },
];

/** Japanese: `<role>として、<want>したい。それにより<why>` (the why is optional there). */
const JA = { role: /として[、,]\s*/gu, want: /(?:たい|がほしい|を望む)(?=[。、,.\s]|$)/gu };

const MAX = 2000;

function strip(s: string): string {
  return s.replace(/\*\*|__/g, '').replace(/^[\s,，、:：]+|[\s,，、.。]+$/gu, '').trim();
}

/** The first match of the global regex `re` at or after `from`. */
function after(re: RegExp, text: string, from: number): { start: number; end: number } | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** The user-story triple in `text`, if it has one. */
export function matchUserStory(input: string): UserStoryTriple | undefined {
  const text = input.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').slice(0, MAX);
  for (const g of GRAMMARS) {
    const role = after(g.role, text, 0);
    if (!role) continue;
    const want = after(g.want, text, role.end);
    if (!want) continue;
    const why = after(g.why, text, want.end);
    if (!why) continue;
    const triple = { asA: strip(text.slice(role.end, want.start)), iWant: strip(text.slice(want.end, why.start)), soThat: strip(text.slice(why.end)) };
    if (triple.asA && triple.iWant && triple.soThat) return triple;
  }
  const ja = after(JA.role, text, 0);
  if (ja) {
    const want = after(JA.want, text, ja.end);
    if (want) {
      const asA = strip(text.slice(0, ja.start).replace(/^.*?(?:ユーザーストーリー|User Story)\s*[:：]\s*/iu, ''));
      const iWant = strip(text.slice(ja.end, want.end));
      const soThat = strip(text.slice(want.end).replace(/^[。、,]\s*(?:それにより|なぜなら|そうすれば)?/u, ''));
      if (asA && iWant) return { asA, iWant, soThat };
    }
  }
  return undefined;
}
