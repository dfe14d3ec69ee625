/**
 * Tasks (§2): GFM checkbox items outside acceptance-criteria and checklist containers,
 * plus Kiro `[ ]*` optional items and `[N/A]`, `[!]`, `[-]` states. Parsed with the
 * spec-kit, Kiro, BMAD and generic grammars; requirement refs, dependencies and files
 * come from the task text and its child bullets.
 */
import type { DocStructure } from './context.js';
import { expandCriterionList, findReferences } from './ids.js';
import type { Block, ItemBlock } from './markdown.js';
import type { ChecklistItem, Task, TaskStyle } from './model.js';
import { appendAll } from '../arrays.js';

/** A task plus the facts its checks need. */
export interface FoundTask extends Task {
  block: number;
  /** Section index of the task (its phase). */
  section: number;
  /** The id was written by the author (not generated). */
  hasId: boolean;
}

const STATE = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[(?<s> |x|X|N\/A|n\/a|!|-)\](?<opt>\*)?\s*/;
const SPECKIT = /^(?<id>T\d{3,})\b\s*(?<flags>(?:\[(?:P|US\d+)\]\s*)*)(?<desc>.*)$/s;
const KIRO = /^(?<id>\d{1,3}(?:\.\d{1,3})?)\.?\s+(?<desc>.+?)(?<par>\s+\(P\))?$/s;
const BMAD = /^Task\s+(?<id>\d{1,3}[a-z]?)\s*[:：]?\s*(?<desc>.*?)(?:\s*\(AC:?\s*(?<ac>[#\d,\s\-–]{1,40})\))?$/is;
const SUBTASK = /^Subtask\s*(?<id>\d{1,3}\.\d{1,3})\s*[:：]?\s*(?<desc>.*)$/is;

const REFS_LABEL = /(?:^|[\s_*])(?:Requirements?|Validates|Refs?|Covers|Implements|Traces?)\s*[*_]*\s*[:：]\s*(?<list>[^\n]{1,400})/giu;
const AC_REF = /\(AC:?\s*(?<list>[#\d,\s\-–]{1,40})\)/giu;
const STORY_REF = /\[(?<us>US\d{1,4})\]/g;
const TASK_ID = /\bT-?\d{1,5}\b|\bTask\s+\d{1,3}[a-z]?\b|(?<![\w.])\d{1,3}(?:\.\d{1,3})+(?![\d.])|(?<![\w.])\d{1,3}(?![\d.])/gi;
const STRONG_TASK_ID = /\bT-?\d{1,5}\b|\bTask\s+\d{1,3}[a-z]?\b/gi;
const DEPENDS = /(?:depends\s+on|blocked\s+by|requires\s+task|after\s+completing|_?Depends\s*_?\s*[:：]|\*\*Blocked by\*\*\s*[:：]|Blocked by\s*[:：])\s*(?<list>[^\n;]{1,200})/giu;
const AFTER = /\bafter\s+(?<list>(?:T-?\d{1,5}|Task\s+\d{1,3}[a-z]?)(?:\s*(?:,|and)\s*(?:T-?\d{1,5}|Task\s+\d{1,3}[a-z]?))*)/giu;
const FILE_IN = /\bin\s+`?(?<path>[\w./-]{1,200}\.[A-Za-z][A-Za-z0-9]{0,7})\b/g;
const PATHISH = /^[\w@.~/-]{1,200}\.[A-Za-z][A-Za-z0-9]{0,7}$|^[\w@.~-]{1,100}\/[\w@.~/-]{0,200}$/;

const STATES: Record<string, ChecklistItem['state']> = { ' ': 'open', x: 'done', X: 'done', 'N/A': 'n/a', 'n/a': 'n/a', '!': 'action-needed', '-': 'skipped' };

function normalizeTaskId(id: string): string {
  const t = /^T-?(\d+)$/i.exec(id.trim());
  if (t) return `T${t[1]!.padStart(3, '0')}`;
  const task = /^Task\s+(\d+[a-z]?)$/i.exec(id.trim());
  if (task) return task[1]!;
  return id.trim();
}

/** The checkbox state of an item: GFM's `checked`, or the raw `[N/A]`, `[!]`, `[-]`, `[ ]*` forms. */
function itemState(block: ItemBlock): { state: ChecklistItem['state']; optional: boolean; strip: number } | undefined {
  const m = STATE.exec(block.raw);
  if (block.checked !== null) return { state: block.checked ? 'done' : 'open', optional: Boolean(m?.groups?.opt), strip: 0 };
  if (!m?.groups) return undefined;
  // Not a GFM task item: the bracket is still part of the text.
  const inText = /^\s*\[(?: |x|X|N\/A|n\/a|!|-)\]\*?\s*/.exec(block.text);
  return { state: STATES[m.groups.s!] ?? 'open', optional: Boolean(m.groups.opt), strip: inText ? inText[0].length : 0 };
}

/** Requirement refs, dependencies and files of a task's text (its own line plus child bullets). */
export function taskAttributes(text: string, codes: readonly string[]): { reqRefs: string[]; dependsOn: string[]; files: string[]; storyRef?: string } {
  const reqRefs = new Set<string>();
  const dependsOn = new Set<string>();
  const files = new Set<string>();
  let storyRef: string | undefined;
  for (const m of text.matchAll(REFS_LABEL)) {
    const list = m.groups!.list!;
    for (const ref of findReferences(list)) reqRefs.add(ref.id);
    for (const c of expandCriterionList(list)) reqRefs.add(c);
  }
  for (const m of text.matchAll(AC_REF)) {
    for (const n of m.groups!.list!.match(/\d+/g) ?? []) reqRefs.add(`AC${Number(n)}`);
  }
  for (const ref of findReferences(text)) reqRefs.add(ref.id);
  for (const m of text.matchAll(STORY_REF)) storyRef ??= m.groups!.us!;
  for (const m of text.matchAll(DEPENDS)) {
    for (const id of m.groups!.list!.match(TASK_ID) ?? []) dependsOn.add(normalizeTaskId(id));
  }
  for (const m of text.matchAll(AFTER)) {
    for (const id of m.groups!.list!.match(STRONG_TASK_ID) ?? []) dependsOn.add(normalizeTaskId(id));
  }
  for (const code of codes) if (PATHISH.test(code.trim()) && !/^\d+(?:\.\d+)+$/.test(code.trim())) files.add(code.trim());
  for (const m of text.matchAll(FILE_IN)) if (!/^\d+(?:\.\d+)+$/.test(m.groups!.path!)) files.add(m.groups!.path!);
  return { reqRefs: [...reqRefs], dependsOn: [...dependsOn], files: [...files], ...(storyRef ? { storyRef } : {}) };
}

interface Parsed {
  id?: string;
  style: TaskStyle;
  desc: string;
  parallel: boolean;
  storyRef?: string;
  acRefs: string[];
}

function parseTaskText(text: string): Parsed {
  const line = text.split('\n', 1)[0]!.trim().slice(0, 2000);
  const sk = SPECKIT.exec(line);
  if (sk?.groups) {
    const flags = sk.groups.flags ?? '';
    const story = /\[(US\d+)\]/.exec(flags)?.[1];
    return { id: sk.groups.id!, style: 'speckit', desc: sk.groups.desc!.trim(), parallel: /\[P\]/.test(flags), acRefs: [], ...(story ? { storyRef: story } : {}) };
  }
  const sub = SUBTASK.exec(line);
  if (sub?.groups) return { id: sub.groups.id!, style: 'bmad', desc: sub.groups.desc!.trim(), parallel: false, acRefs: [] };
  const bmad = BMAD.exec(line);
  if (bmad?.groups) {
    const acRefs = (bmad.groups.ac ?? '').match(/\d+/g)?.map((n) => `AC${Number(n)}`) ?? [];
    return { id: bmad.groups.id!, style: 'bmad', desc: bmad.groups.desc!.trim(), parallel: false, acRefs };
  }
  const kiro = KIRO.exec(line);
  if (kiro?.groups) return { id: kiro.groups.id!, style: 'kiro', desc: kiro.groups.desc!.trim(), parallel: Boolean(kiro.groups.par), acRefs: [] };
  return { style: 'generic', desc: line, parallel: /\[P\]|\(P\)/.test(line), acRefs: [] };
}

/**
 * Section names under which a plain checkbox is work to do. Elsewhere a checkbox without a
 * task id is a form field (BMAD brownfield "Enhancement Type": `- [x] New Feature Addition`).
 */
const TASK_SECTION =
  /task|todo|to-do|to do|implementation|plan|phase|step|milestone|work|subtask|backlog|deliverable|action|sprint|stor(?:y|ies)|epic|fix|migration|rollout|setup|polish|tâche|étape|tarea|paso|aufgabe|schritt|任务|步骤|计划|實施|タスク|実装|計画|手順|作業/iu;

export interface TasksAndChecklist {
  tasks: FoundTask[];
  checklist: ChecklistItem[];
}

/**
 * Extracts the tasks and checklist items of a document.
 * @param docId the document id (or path) for generated ids `${docId}#t${n}`
 */
export function extractTasks(blocks: readonly Block[], structure: DocStructure, docId: string, taskList = false): TasksAndChecklist {
  const inTaskSection = (section: number): boolean => {
    for (let s = section; s >= 0; s = structure.sections[s]!.parent) {
      const sec = structure.sections[s]!;
      if (sec.depth > 1 && (sec.canonical === 'tasks' || TASK_SECTION.test(sec.normText))) return true;
    }
    return false;
  };
  const tasks: FoundTask[] = [];
  const checklist: ChecklistItem[] = [];
  const taskByBlock = new Map<number, FoundTask>();
  const details = new Map<FoundTask, { text: string[]; codes: string[] }>();
  let generated = 0;

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    // Child bullets and paragraphs of a task feed its refs, dependencies and files.
    if ((block.kind === 'item' || block.kind === 'paragraph') && block.item >= 0) {
      const owner = taskByBlock.get(block.item);
      if (owner && !(block.kind === 'item' && itemState(block))) {
        const d = details.get(owner)!;
        d.text.push(block.text);
        appendAll(d.codes, block.codes);
        taskByBlock.set(b, owner);
      }
    }
    if (block.kind !== 'item') continue;
    const state = itemState(block);
    if (!state) continue;
    if (structure.acContainerOf[b]! >= 0) continue; // a criterion with a done-state
    const text = block.text.slice(state.strip);
    const parsed = parseTaskText(text);
    // A checkbox in a checklist container is a checklist item, unless it carries a task id
    // (`T087` under "Phase 7: User Story 5 - Requirements Quality Checklists" is a task).
    if (structure.checklistOf[b]! >= 0 && !(parsed.style === 'speckit' || (taskList && parsed.id !== undefined))) {
      checklist.push({ text: text.trim(), state: state.state, line: block.line });
      continue;
    }
    const parentTask = block.item >= 0 ? taskByBlock.get(block.item) : undefined;
    // Tasks come from task lists, task sections, task ids or a task parent; other checkboxes are form fields.
    if (!taskList && parsed.id === undefined && !parentTask && !inTaskSection(structure.sectionOf[b]!)) continue;
    let id = parsed.id;
    let parentId: string | undefined;
    if (parsed.style === 'kiro' && id && id.includes('.')) parentId = id.slice(0, id.lastIndexOf('.'));
    else if (parentTask) parentId = parentTask.id;
    if (!id) id = `${docId}#t${++generated}`;
    const section = structure.sectionOf[b]!;
    const task: FoundTask = {
      id,
      style: parsed.style,
      text: parsed.desc,
      raw: block.raw,
      checked: state.state === 'done',
      optional: state.optional,
      parallel: parsed.parallel,
      reqRefs: [],
      dependsOn: [],
      files: [],
      line: block.line,
      block: b,
      section,
      hasId: parsed.id !== undefined,
      ...(parsed.storyRef ? { storyRef: parsed.storyRef } : {}),
      ...(parentId ? { parentId } : {}),
      ...(section >= 0 ? { phase: structure.sections[section]!.text } : {}),
    };
    tasks.push(task);
    taskByBlock.set(b, task);
    details.set(task, { text: [text], codes: [...block.codes] });
    if (parsed.acRefs.length > 0) appendAll(task.reqRefs, parsed.acRefs);
  }

  for (const task of tasks) {
    const d = details.get(task)!;
    const attrs = taskAttributes(d.text.join('\n'), d.codes);
    for (const r of attrs.reqRefs) if (!task.reqRefs.includes(r)) task.reqRefs.push(r);
    task.dependsOn = attrs.dependsOn.filter((dep) => dep !== task.id);
    task.files = attrs.files;
    if (!task.storyRef && attrs.storyRef) task.storyRef = attrs.storyRef;
  }
  return { tasks, checklist };
}
