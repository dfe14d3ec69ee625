/**
 * Sprint change proposals (§6): OLD/NEW edit pairs, explicit targets from front matter
 * (`changes`, `targets`, `affects`), inferred targets (document paths, artifact names,
 * requirement ids), and the document-level change set. Repository-level resolution
 * against the target documents happens in `repository.ts`.
 */
import type { DocStructure } from './context.js';
import { labelOf } from './context.js';
import { matchDefinition } from './ids.js';
import type { Block } from './markdown.js';
import type { ChangeEdit, ChangeSet, ChangeTarget, CrossRef, DocType, Requirement, Section } from './model.js';
import { appendAll } from '../arrays.js';

/** OLD/NEW labels in the languages proposals are written in (an optional "Text"/"Version" word after them). */
const EDIT_LABEL =
  /^\s*(?:\*\*|__)?(?<label>OLD|NEW|Before|After|From|To|Current|Proposed|Original|Updated|Revised|Ancien(?:ne)?|Nouveau|Nouvelle|Avant|Après|Actuel(?:le)?|Proposé(?:e)?|Anterior|Nuevo|Nueva|Actual|Propuesto|Alt|Neu|Vorher|Nachher|Bisher|旧|新|原|改为|修改前|修改后|修改後|变更前|变更后|變更前|變更後|変更前|変更後|現行|改訂後)(?:\s+(?:new\s+)?(?:text|version|texte|texto|fassung|wording))?(?:\s*\([^()\n]{1,60}\))?(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?<rest>.*)$/iu;
const OLD_LABELS = new Set(['old', 'before', 'from', 'current', 'original', 'ancien', 'ancienne', 'avant', 'actuel', 'actuelle', 'anterior', 'actual', 'alt', 'vorher', 'bisher', '旧', '原', '修改前', '变更前', '變更前', '変更前', '現行']);
/**
 * A label that announces added requirements: "— append after FR41:", "then add:",
 * "Add the following requirements:", "Ajouter :", "新增：" (the items follow, often in a block quote).
 */
const ADD_LABEL = /(?:\bappend(?:ed)?\b|\badd(?:ed|s)?\b|\binsert(?:ed)?\b|\bnew (?:requirements?|frs?|nfrs?)\b|\bajout(?:er|é|ée|és)?\b|\bañadir\b|\bagregar\b|\bhinzufügen\b|\bergänzen\b|追加|新增|添加|增加)[^\n]{0,160}?[:：](?<rest>[^\n]*)$/iu;
/** "Replace FR-014 and FR-034", "Modify FR3", "Remove NFR2": requirement ids an instruction rewrites or drops. */
const REWRITE = /\b(?<verb>replace|rewrite|modify|update|amend|change|remplacer|modifier|reemplazar|modificar|ersetzen|ändern|remove|delete|drop|retire|supprimer|eliminar|entfernen)\b(?<ids>[^:：\n]{0,200}?)(?=,?\s*(?:then|puis|luego|dann|and then)\b|[:：]|$)/giu;
const REMOVE_VERBS = /^(?:remove|delete|drop|retire|supprimer|eliminar|entfernen)$/i;
/** Headings over a table or list of requirements the proposal adds. */
const NEW_REQUIREMENTS_HEADING = /\b(?:new|added|additional) (?:functional |non-functional )?requirements?\b|nouvelles exigences|exigences ajoutées|requisitos nuevos|nuevos requisitos|neue anforderungen|新增需求|新需求|新規要件|追加要件/iu;
const INLINE_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,60}[:：](?:\*\*|__)\s*\S/u;
const LINE_PREFIX = /^[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*(?:\[[ xX]\]\s*)?/;

const ARTIFACTS: ReadonlyArray<{ re: RegExp; type: DocType }> = [
  { re: /\bPRD\b|product requirements|产品需求|要求仕様/iu, type: 'prd' },
  { re: /functional spec|\bFSD\b|功能规范|機能仕様/iu, type: 'functional-spec' },
  { re: /\barchitecture\b|tech(?:nical)?[\s-]*spec|\bTSD\b|设计|架构|アーキテクチャ|技術仕様/iu, type: 'technical-spec' },
];

/** Words that make a heading about a change ("PRD Changes", "Updates to the architecture", "PRD 修改"). */
const CHANGE_WORD = /(?<![\p{L}\p{N}])(?:chang(?:e|es|ed)|updat(?:e|es|ed)|edits?|modif(?:y|ies|ied|ications?)|amend(?:s|ments?)?|revis(?:e|ed|ions?)|additions?|adjustments?|changements?|mises? à jour|cambios?|actualizaci(?:ón|ones)|änderungen?|aktualisierung(?:en)?)(?![\p{L}\p{N}])|变更|修改|更新|変更|修正|改訂/iu;
/** Filler around an artifact's name in a heading ("the PRD document", "Architecture (`docs/a.md`)"). */
const HEADING_FILLER = /\(.*?\)|`[^`]*`|\b(?:the|document|doc|file|section|v\d+)\b|[:：.,\-–—]|\s+/giu;

/**
 * Whether a heading names the document it is about as a target: it holds an OLD/NEW edit,
 * says it changes something, or is the artifact's name alone (`### 3.1 PRD`).
 */
function headingNamesTarget(section: Section, parts: readonly EditPart[]): boolean {
  if (parts.some((p) => p.line > section.line && p.line <= section.endLine)) return true;
  if (CHANGE_WORD.test(section.text)) return true;
  const rest = section.normText.replace(/^(?:\d+(?:\.\d+)*\s*)+/u, '').replace(HEADING_FILLER, ' ').trim();
  return ARTIFACTS.some((a) => rest.replace(a.re, '').trim() === '');
}

/**
 * Whether an epics section ("### Epic Impact") says the epics stay as they are and asks for
 * no change to them: then it analyses the epics without naming the epics file as a target.
 */
function epicsUnchanged(section: Section, blocks: readonly Block[]): boolean {
  let unchanged = false;
  for (const block of blocks) {
    if (block.line <= section.line || block.line > section.endLine || !('text' in block)) continue;
    if (EPICS_ACTION.test(block.text)) return false;
    if (EPICS_UNCHANGED.test(block.text)) unchanged = true;
  }
  return unchanged;
}

/** "Tech Spec Epic 4", "Architecture for Epic 2": the epic qualifies another document, not the epics file. */
const QUALIFIED_EPIC = /\b(?:tech(?:nical)?[\s-]*spec(?:ification)?s?|architecture|design)[\s-]+(?:for\s+|of\s+)?epics?\b/giu;

/** Whether a heading or label speaks of the epics (and so of the epics file). */
function namesEpics(text: string): boolean {
  return /\bepics?\b|エピック|史诗/iu.test(text.slice(0, 300).replace(QUALIFIED_EPIC, ' '));
}

/** One OLD/NEW edit with its body lines (file lines), before pairing. */
interface EditPart {
  kind: 'old' | 'new';
  /** Announced as an addition ("append after FR41:"): a NEW with no OLD by design. */
  addition?: boolean;
  lines: Array<{ text: string; line: number }>;
  line: number;
  section?: string;
}

/** An edit pair plus the requirement ids its blocks define. */
export interface FoundEdit extends ChangeEdit {
  /** Requirements quoted in the OLD block, with their text. */
  oldRequirements: Requirement[];
  oldIds: string[];
  newIds: string[];
  /** Requirements defined in the NEW block, with their text. */
  newRequirements: Requirement[];
  unpaired?: 'old' | 'new';
}

export interface ScpExtraction {
  edits: FoundEdit[];
  targets: ChangeTarget[];
  /** Requirement ids named in the edits or anywhere in the text, for inferring targets at repo level. */
  editIds: string[];
  changeSet: ChangeSet;
  /** Requirements the proposal adds or rewrites (definitions in NEW blocks). */
  requirements: Requirement[];
}

function bodyLines(block: Block): Array<{ text: string; line: number }> {
  switch (block.kind) {
    case 'paragraph':
      return block.raw.split('\n').map((text, i) => ({ text, line: block.line + i }));
    case 'item':
      return block.raw.split('\n').map((text, i) => ({ text, line: block.line + i }));
    case 'code':
      return block.value.split('\n').map((text, i) => ({ text, line: block.line + 1 + i }));
    case 'row':
      return [{ text: block.raw, line: block.line }];
    case 'heading':
      return [{ text: `${'#'.repeat(block.depth)} ${block.text}`, line: block.line }];
    default:
      return [];
  }
}

/** Requirement definitions on body lines (markup, list and quote markers stripped). */
function definitionsIn(lines: ReadonlyArray<{ text: string; line: number }>, section: string | undefined): Requirement[] {
  const out: Requirement[] = [];
  for (const { text, line } of lines) {
    const clean = text.replace(LINE_PREFIX, '').replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '').slice(0, 2000);
    const parsed = matchDefinition(clean);
    if (!parsed) continue;
    out.push({
      id: parsed.id,
      canonicalId: parsed.canonical,
      kind: parsed.prefix,
      text: clean.slice(parsed.length).replace(/^[\s:：.)\]—–|-]+/u, '').trim(),
      raw: text,
      line,
      sectionPath: section ? [section] : [],
      form: 'paragraph',
    });
  }
  return out;
}

/** The file an "Epic …" heading or label names: BMAD keeps epics and stories in `epics.md`, which discovery does not validate. */
export const EPICS_FILE = 'epics.md';

/** Sections that list documents a proposal leaves alone or deletes: what they name is not a target. */
const NOT_TARGET_SECTION = /not requiring changes|related documentation|related documents|see also|references|no changes? (?:required|needed)|unchanged|unaffected|not affected|out of scope|files? to (?:delete|remove)|deleted files|removed files|à supprimer|sans changement|non modifiés|sin cambios|unverändert|无需修改|无需变更|无需改动|不改动|不需要修改|不修改|保持不变|変更不要|変更なし|変更しない/iu;
/**
 * A line that starts with one of `verbs` (after list marks, a step number and bold):
 * a spaced-script verb must end as a word ("Delete", not "Deleted…" unless listed);
 * a Chinese or Japanese verb runs straight into its object ("删除文件", "削除する").
 */
function leadingVerb(words: readonly string[], cjk: readonly string[]): RegExp {
  return new RegExp(`^[\\s>*_-]*(?:\\d+(?:\\.\\d+)+\\.?\\s+|\\d+[.)]\\s*)?(?:\\*\\*|__)?(?:(?:${words.join('|')})(?![\\p{L}\\p{N}])|(?:${cjk.join('|')}))`, 'iu');
}

/** A line that deletes what it names ("Delete `docs/old.md`", "删除 `docs/old.md`"). */
const DELETE_LINE = leadingVerb(['delete', 'remove', 'deleted', 'removed', 'supprimer', 'eliminar', 'löschen'], ['删除', '削除']);

/** A line that marks its edit as optional ("(optional)", "（任意）"). */
const OPTIONAL_LINE = /\((?:optional|optionnel(?:le)?|facultati(?:f|ve)|opcional|任意|可选|可選)\)|（(?:任意|可选|可選)）/iu;

/** A line that creates what it names ("1. Create `docs/stories/3-11.md` with …"). */
const CREATE_LINE = leadingVerb(['create', 'créer', 'crear', 'erstellen', 'anlegen'], ['新建', '创建', '作成']);

/**
 * Headings and labels that cite documents as evidence or input ("Evidence", "Context and
 * Discovery", "**How Discovered:**", "**Source:**", "**Inputs:**"): what they name was read to
 * write the proposal, not changed by it. Matched at the start, after a section number.
 */
const CITATION =
  /^(?:(?:section|part)\s+\d+\s*[:.]?\s*|\d+(?:\.\d+)*\.?\s+)?(?:(?:supporting\s+|source\s+)?evidence|context\s+and\s+discovery|discovery(?:\s+context)?|how\s+(?:it\s+was\s+)?discovered|sources?|inputs?|preuves?|sources|entrées|evidencias?|fuentes|entradas|nachweise?|belege|quellen|eingaben)(?![\p{L}\p{N}])|^(?:\d+(?:\.\d+)*\.?\s*)?(?:证据|来源|输入|証拠|根拠|出典|入力)/iu;
/** An inline label at the start of a line ("**Source:** `docs/report.md`", "**Source**: …"). */
const INLINE_LABEL_TEXT = /^\s*(?:\*\*|__)(?<label>[^*_\n]{1,60}?)(?:\s*[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])/u;

/** Labels that justify an edit rather than locate it ("**Rationale:**", "**Why:**"). */
const JUSTIFICATION_LABEL = /^(?:rationale|reasons?|reasoning|why|justification|motivation|benefits?|risks?|estimated (?:lines|effort)|effort|justificación|motivo|begründung|raison|理由|原因)$/iu;

/** A list mark, step number or checkbox before a line's text (a mark needs a space after it, so `**Label**` keeps its stars). */
const LIST_MARK = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s*)?/;

const notTargetName = (text: string) => NOT_TARGET_SECTION.test(text) || CITATION.test(text.trim());

/** Headings, labels and table cells that declare documents unchanged ("Documents not requiring changes", "无需改动"). */
const UNCHANGED_NAME = /not requiring changes|no changes? (?:are )?(?:required|needed)|unchanged|unaffected|not affected|sans changement|non modifiés|sin cambios|unverändert|无需修改|无需变更|无需改动|不改动|不需要修改|不修改|保持不变|変更不要|変更なし|変更しない/iu;
/** A table cell that opens with "no change" (`| architecture.md | No changes |`, `| prd.md | 无直接改动 |`). */
const NO_CHANGE_CELL = /^(?:[*_✅❌\s]*)(?:none\b|no (?:direct )?(?:changes?|updates?|modifications?)\b|unchanged\b|unaffected\b|not affected\b|n\/a\b|无直接改动|无需改动|无需修改|无改动|不改动|不受影响|変更なし|変更不要)/iu;

/**
 * File lines whose references are not targets: sections listing unchanged or deleted documents,
 * citations, and deletion lines (`lines`); of those, the ones that declare documents unchanged
 * (`unchanged`), which keep a document out of the change set wherever else it is named.
 */
function notTargetLines(blocks: readonly Block[], structure: DocStructure): { lines: Set<number>; unchanged: Set<number> } {
  const lines = new Set<number>();
  const unchanged = new Set<number>();
  const cover = (block: Block, keep: boolean) => {
    for (let l = block.line; l <= block.endLine; l++) {
      lines.add(l);
      if (keep) unchanged.add(l);
    }
  };
  for (const sec of structure.sections) {
    if (!notTargetName(sec.text)) continue;
    const keep = UNCHANGED_NAME.test(sec.text);
    for (let l = sec.line; l <= sec.endLine; l++) {
      lines.add(l);
      if (keep) unchanged.add(l);
    }
  }
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'row') {
      if (!block.header && block.cells.slice(1).some((c) => NO_CHANGE_CELL.test(c))) cover(block, true);
      continue;
    }
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const first = block.raw.split('\n', 1)[0] ?? '';
    const label = labelOf(first);
    // A label paragraph ("**Documents not requiring changes:**", "**Inputs:**") covers the list right after it.
    if (label !== undefined && notTargetName(label)) {
      for (let n = b + 1; n < blocks.length && (blocks[n]!.kind === 'item' || blocks[n]!.item >= 0); n++) cover(blocks[n]!, UNCHANGED_NAME.test(label));
    }
    // "**Source:** `docs/report.md`", "- **How Discovered:** … `checklist.md`": the label's own line.
    const inline = INLINE_LABEL_TEXT.exec(first.replace(LIST_MARK, ''))?.groups?.label;
    if (inline !== undefined && notTargetName(inline)) cover(block, UNCHANGED_NAME.test(inline));
    if (DELETE_LINE.test(block.text)) cover(block, false);
  }
  return { lines, unchanged };
}

/** An epics section that says the epics stay as they are ("Scope: UNCHANGED", "No changes required"). */
const EPICS_UNCHANGED = /\bunchanged\b|\bno (?:changes?|modifications?|updates?) (?:are )?(?:required|needed)\b|\bnot affected\b|sans changement|sin cambios|unverändert|无需修改|无需变更|変更不要|変更なし/iu;
/** A line that asks for a change to epics or stories ("Add Story 4-9", "Renumber 5.4 -> 5.3"). */
const EPICS_ACTION = /\b(?:add|adds|added|create|insert|remove|removed|delete|drop|renumber(?:ed)?|split|merge|move|rename|modify|rewrite|replace|reorder|ajouter|supprimer|añadir|eliminar|hinzufügen|entfernen)\b|新增|添加|删除|追加|削除/iu;

/** Requirement ids mentioned in an instruction (`FR-014`, `NFR2`, `FR-014a`). */
const ID_MENTION = /(?<![A-Za-z0-9-])(?:DOC-REQ|DESIGN-REQ|NFR|ENF|FR|EF|CR|REQ)[-_]?\d{1,4}[a-z]?(?![A-Za-z0-9])/g;

function canonicalOf(id: string): string {
  return matchDefinition(`${id}:`)?.canonical ?? id;
}

/** Text compared for "unchanged": case, markup and punctuation ignored. */
function sameText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function normalizeAction(value: unknown): ChangeTarget['action'] | undefined {
  const a = String(value ?? '').trim().toLowerCase();
  if (['modify', 'update', 'change', 'edit', 'replace', 'modified'].includes(a)) return 'modify';
  if (['add', 'create', 'new', 'insert', 'added'].includes(a)) return 'add';
  if (['remove', 'delete', 'drop', 'removed'].includes(a)) return 'remove';
  return undefined;
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [String(value).trim()].filter(Boolean);
}

/** Explicit targets from front matter `changes` (aliases `targets`, `affects`). */
export function explicitTargets(fm: Record<string, unknown> | undefined, keyLines: Record<string, number>): ChangeTarget[] {
  if (!fm) return [];
  const key = ['changes', 'targets', 'affects'].find((k) => k in fm);
  if (!key) return [];
  const line = keyLines[key] ?? 1;
  const entries = Array.isArray(fm[key]) ? (fm[key] as unknown[]) : [fm[key]];
  const targets: ChangeTarget[] = [];
  for (const entry of entries) {
    if (entry === null || entry === undefined) continue;
    if (typeof entry !== 'object') {
      targets.push({ doc: String(entry).trim(), sections: [], ids: [], explicit: true, line });
      continue;
    }
    const o = entry as Record<string, unknown>;
    const doc = strings(o.doc ?? o.id ?? o.path ?? o.document ?? o.target)[0];
    if (!doc) continue;
    const action = normalizeAction(o.action);
    targets.push({
      doc,
      sections: strings(o.sections ?? o.section),
      ids: strings(o.ids ?? o.requirements ?? o.id_list),
      explicit: true,
      line,
      ...(action ? { action } : {}),
    });
  }
  return targets;
}

/**
 * Extracts the edits and targets of a sprint change proposal and computes the change set
 * as far as the document alone allows.
 */
export function extractChangeProposal(
  blocks: readonly Block[],
  structure: DocStructure,
  fm: Record<string, unknown> | undefined,
  keyLines: Record<string, number>,
  refs: readonly CrossRef[],
): ScpExtraction {
  const parts: EditPart[] = [];
  const rewritten = new Map<string, { id: string; remove: boolean }>();
  const findIds = (text: string) => [...text.matchAll(ID_MENTION)].map((m) => m[0]);
  let current: EditPart | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const section = structure.sectionOf[b]! >= 0 ? structure.sections[structure.sectionOf[b]!]!.text : undefined;
    if (block.kind === 'heading' || block.kind === 'break') {
      current = undefined;
      if (block.kind === 'heading' && NEW_REQUIREMENTS_HEADING.test(block.text)) {
        current = { kind: 'new', addition: true, lines: [], line: block.line, ...(section ? { section } : {}) };
        parts.push(current);
      }
      continue;
    }
    if (block.kind === 'paragraph' || block.kind === 'item') {
      // "Replace FR-014 and FR-034, then add: …": the replaced ids are modified (or removed).
      for (const m of block.text.slice(0, 2000).matchAll(REWRITE)) {
        for (const id of findIds(m.groups!.ids!)) rewritten.set(canonicalOf(id), { id, remove: REMOVE_VERBS.test(m.groups!.verb!) });
      }
    }
    if (block.kind === 'paragraph') {
      const rawLines = block.raw.split('\n');
      const lastLine = rawLines[rawLines.length - 1] ?? '';
      const add = EDIT_LABEL.test(rawLines[0] ?? '') ? null : ADD_LABEL.exec(lastLine);
      if (add?.groups && !(current && !current.addition && /^\s*(?:\*\*|__)?(?:new|nouveau|nuevo|neu|新)\b/iu.test(lastLine))) {
        current = { kind: 'new', addition: true, lines: [], line: block.line, ...(section ? { section } : {}) };
        parts.push(current);
        // "then add: FR-014a: …" — definitions on the label line itself.
        const rest = add.groups.rest!.trim();
        if (rest !== '') current.lines.push({ text: rest, line: block.line + rawLines.length - 1 });
        continue;
      }
      const label = EDIT_LABEL.exec(rawLines[0] ?? '');
      if (label?.groups) {
        current = {
          kind: OLD_LABELS.has(label.groups.label!.toLowerCase()) ? 'old' : 'new',
          lines: [],
          line: block.line,
          ...(section ? { section } : {}),
        };
        parts.push(current);
        const rest = label.groups.rest!.replace(/(?:\*\*|__)\s*$/, '').trim();
        if (rest !== '') current.lines.push({ text: rest, line: block.line });
        rawLines.slice(1).forEach((text, i) => current!.lines.push({ text, line: block.line + 1 + i }));
        continue;
      }
      if (current && (labelOf(rawLines[0] ?? '') !== undefined || INLINE_LABEL.test(rawLines[0] ?? ''))) {
        current = undefined;
        continue;
      }
    }
    if (current) appendAll(current.lines, bodyLines(block));
  }

  // Pair in order: an OLD waits for the next NEW; a NEW without an OLD is a pure addition.
  const edits: FoundEdit[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const toEdit = (old: EditPart | undefined, neu: EditPart | undefined): FoundEdit => {
      const anchor = (old ?? neu)!;
      const newRequirements = neu ? definitionsIn(neu.lines, neu.section) : [];
      const oldRequirements = old ? definitionsIn(old.lines, old.section) : [];
      return {
        line: anchor.line,
        ...(anchor.section ? { section: anchor.section } : {}),
        ...(old ? { old: old.lines.map((l) => l.text).join('\n').trim() } : {}),
        ...(neu ? { new: neu.lines.map((l) => l.text).join('\n').trim() } : {}),
        oldRequirements,
        oldIds: oldRequirements.map((r) => r.id),
        newIds: newRequirements.map((r) => r.id),
        newRequirements,
        ...(old && !neu ? { unpaired: 'old' as const } : {}),
        ...(!old && neu && !neu.addition ? { unpaired: 'new' as const } : {}),
      };
    };
    if (p.kind === 'old') {
      const next = parts[i + 1];
      if (next?.kind === 'new' && !next.addition) {
        edits.push(toEdit(p, next));
        i += 1;
      } else edits.push(toEdit(p, undefined));
    } else edits.push(toEdit(undefined, p));
  }

  const targets = explicitTargets(fm, keyLines);
  if (targets.length === 0) {
    const seen = new Set<string>();
    const { lines: notTarget, unchanged } = notTargetLines(blocks, structure);
    // A document the proposal declares unchanged is no target, even where a table or list names it too.
    const declaredUnchanged = new Set(refs.filter((r) => unchanged.has(r.line) && (r.kind === 'link' || r.kind === 'path')).map((r) => r.target.split('#')[0]!));
    const optionalLines = new Set(blocks.filter((b) => 'text' in b && OPTIONAL_LINE.test(b.text)).map((b) => b.line));
    const createLines = new Set(blocks.filter((b) => 'text' in b && CREATE_LINE.test(b.text)).map((b) => b.line));
    for (const ref of refs) {
      // An optional edit ("Update the diagram in `backend/README.md` (optional)") is not part of
      // the change set; the same path named elsewhere without the marker still is.
      if (notTarget.has(ref.line) || optionalLines.has(ref.line) || declaredUnchanged.has(ref.target.split('#')[0]!)) continue;
      if ((ref.kind === 'link' || ref.kind === 'path') && !seen.has(ref.target)) {
        seen.add(ref.target);
        // A path to the epics file stands for it: an epic heading below does not name it again.
        if (/(?:^|\/)epics\.md$/i.test(ref.target.split('#')[0]!)) seen.add(EPICS_FILE);
        // "Create `docs/stories/3-11.md` with the story": a document the proposal adds.
        const creates = createLines.has(ref.line);
        targets.push({ doc: ref.target.split('#')[0]!, sections: [], ids: [], explicit: false, line: ref.line, ...(creates ? { action: 'add' as const } : {}) });
      }
    }
    // A bare file name (`### 4.5 Create \`10-7-sweep.md\``) names the same file as a path with that
    // name elsewhere in the proposal (`Create \`docs/stories/10-7-sweep.md\``): the path is kept.
    const withFolder = new Set(targets.filter((t) => t.doc.includes('/')).map((t) => t.doc.slice(t.doc.lastIndexOf('/') + 1).toLowerCase()));
    for (let i = targets.length - 1; i >= 0; i--) if (!targets[i]!.doc.includes('/') && withFolder.has(targets[i]!.doc.toLowerCase())) targets.splice(i, 1);
    // Headings and label lines that name an artifact type (`### 3.1 PRD`, `Functional spec, FR-1:`).
    // A heading names a target only when it is about changing that document; one that cites
    // it ("Original Requirements (PRD Journey 1)", "PRD Alignment") does not.
    // Epic headings keep naming the epics file either way (an epic's section is where its stories change).
    const names: Array<{ text: string; line: number; cites?: boolean; unchanged?: boolean }> = structure.sections.map((s) => ({ text: s.text, line: s.line, cites: !headingNamesTarget(s, parts), unchanged: epicsUnchanged(s, blocks) }));
    for (const part of parts) {
      const b = blocks.findIndex((x) => x.line === part.line);
      const before = b > 0 ? blocks[b - 1] : undefined;
      // "**Story 1.2: …**" or "Section: Acceptance Criteria" says where the edit goes; a
      // "**Rationale:** …" paragraph says why, and the documents it mentions are not named.
      const why = before?.kind === 'paragraph' ? INLINE_LABEL_TEXT.exec(before.raw)?.groups?.label : undefined;
      if (before?.kind === 'paragraph' && !(why !== undefined && JUSTIFICATION_LABEL.test(why.trim()))) names.push({ text: before.text.split('\n').pop() ?? '', line: before.line });
    }
    // Paths named in headings, links and code spans come first: an artifact word is a fallback.
    const hasPaths = targets.length > 0;
    for (const { text, line, cites, unchanged } of names) {
      if (notTarget.has(line)) continue;
      const epics = namesEpics(text);
      if (hasPaths && !epics) continue;
      if (epics && !unchanged && !seen.has(EPICS_FILE)) {
        seen.add(EPICS_FILE);
        targets.push({ doc: EPICS_FILE, sections: [], ids: [], explicit: false, line });
      }
      if (cites) continue;
      for (const a of ARTIFACTS) {
        const key = `type:${a.type}`;
        if (a.re.test(text.slice(0, 300)) && !seen.has(key)) {
          seen.add(key);
          targets.push({ doc: key, sections: [], ids: [], explicit: false, line });
        }
      }
    }
  }

  const canonical = canonicalOf;
  const added = new Map<string, string>();
  const modified = new Map<string, string>();
  const removed = new Map<string, string>();
  for (const e of edits) {
    const oldText = new Map(e.oldRequirements.map((r) => [r.canonicalId, sameText(r.text)]));
    const newSet = new Set(e.newIds.map(canonical));
    for (const r of e.newRequirements) {
      const before = oldText.get(r.canonicalId);
      if (before === undefined) added.set(r.canonicalId, r.id);
      else if (before !== sameText(r.text)) modified.set(r.canonicalId, r.id);
      // Same id and same text on both sides: context quoted to show where the edit goes.
    }
    for (const id of e.oldIds) if (!newSet.has(canonical(id))) removed.set(canonical(id), id);
  }
  for (const [key, { id, remove }] of rewritten) {
    if (added.has(key)) continue;
    if (remove) removed.set(key, id);
    else modified.set(key, id);
  }
  for (const t of targets) {
    for (const id of t.ids) {
      const key = canonical(id);
      if (t.action === 'add') added.set(key, id);
      else if (t.action === 'remove') removed.set(key, id);
      else if (t.action === 'modify') modified.set(key, id);
    }
  }
  for (const key of added.keys()) modified.delete(key);

  // The proposal's own requirements: what it adds or rewrites (not the unchanged context).
  const changed = new Set([...added.keys(), ...modified.keys()]);
  const requirements: Requirement[] = [];
  const seenReq = new Set<string>();
  for (const e of edits) {
    for (const r of e.newRequirements) {
      if (seenReq.has(r.canonicalId) || !changed.has(r.canonicalId)) continue;
      seenReq.add(r.canonicalId);
      requirements.push(r);
    }
  }
  const editIds = [...new Set([...edits.flatMap((e) => [...e.oldIds, ...e.newIds]), ...refs.filter((r) => r.kind === 'id').map((r) => r.target)])];
  return {
    edits,
    targets,
    editIds,
    requirements,
    changeSet: {
      targets,
      edits: edits.map(({ oldIds: _o, newIds: _n, newRequirements: _r, oldRequirements: _or, unpaired: _u, ...edit }) => edit),
      added: [...added.values()],
      modified: [...modified.values()],
      removed: [...removed.values()],
    },
  };
}
