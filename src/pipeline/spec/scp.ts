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
import type { ChangeEdit, ChangeSet, ChangeTarget, CrossRef, DocType, Requirement } from './model.js';

const EDIT_LABEL =
  /^\s*(?:\*\*|__)?(?<label>OLD|NEW|Before|After|From|To|Current|Proposed|旧|新|原|改为|Avant|Après)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?<rest>.*)$/iu;
const OLD_LABELS = new Set(['old', 'before', 'from', 'current', '旧', '原', 'avant']);
const INLINE_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,60}[:：](?:\*\*|__)\s*\S/u;
const LINE_PREFIX = /^[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*(?:\[[ xX]\]\s*)?/;

const ARTIFACTS: ReadonlyArray<{ re: RegExp; type: DocType }> = [
  { re: /\bPRD\b|product requirements|产品需求|要求仕様/iu, type: 'prd' },
  { re: /functional spec|\bFSD\b|功能规范|機能仕様/iu, type: 'functional-spec' },
  { re: /\barchitecture\b|tech(?:nical)?[\s-]*spec|\bTSD\b|设计|架构|アーキテクチャ|技術仕様/iu, type: 'technical-spec' },
];

/** One OLD/NEW edit with its body lines (file lines), before pairing. */
interface EditPart {
  kind: 'old' | 'new';
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
  let current: EditPart | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const section = structure.sectionOf[b]! >= 0 ? structure.sections[structure.sectionOf[b]!]!.text : undefined;
    if (block.kind === 'heading' || block.kind === 'break') {
      current = undefined;
      continue;
    }
    if (block.kind === 'paragraph') {
      const rawLines = block.raw.split('\n');
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
    if (current) current.lines.push(...bodyLines(block));
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
        ...(!old && neu ? { unpaired: 'new' as const } : {}),
      };
    };
    if (p.kind === 'old') {
      const next = parts[i + 1];
      if (next?.kind === 'new') {
        edits.push(toEdit(p, next));
        i += 1;
      } else edits.push(toEdit(p, undefined));
    } else edits.push(toEdit(undefined, p));
  }

  const targets = explicitTargets(fm, keyLines);
  if (targets.length === 0) {
    const seen = new Set<string>();
    for (const ref of refs) {
      if ((ref.kind === 'link' || ref.kind === 'path') && !seen.has(ref.target)) {
        seen.add(ref.target);
        targets.push({ doc: ref.target.split('#')[0]!, sections: [], ids: [], explicit: false, line: ref.line });
      }
    }
    // Headings and label lines that name an artifact type (`### 3.1 PRD`, `Functional spec, FR-1:`).
    const names: Array<{ text: string; line: number }> = structure.sections.map((s) => ({ text: s.text, line: s.line }));
    for (const part of parts) {
      const b = blocks.findIndex((x) => x.line === part.line);
      const before = b > 0 ? blocks[b - 1] : undefined;
      if (before?.kind === 'paragraph') names.push({ text: before.text.split('\n').pop() ?? '', line: before.line });
    }
    for (const { text, line } of names) {
      for (const a of ARTIFACTS) {
        const key = `type:${a.type}`;
        if (a.re.test(text.slice(0, 300)) && !seen.has(key)) {
          seen.add(key);
          targets.push({ doc: key, sections: [], ids: [], explicit: false, line });
        }
      }
    }
  }

  const canonical = (id: string) => matchDefinition(`${id}:`)?.canonical ?? id;
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
