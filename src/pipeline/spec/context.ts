/**
 * One pass over the blocks that works out where each block sits: its section (heading
 * tree), whether it is inside an acceptance-criteria container or a checklist, and the
 * requirement or story it belongs to (§2 "Linking ACs to their parent"). Extractors
 * then read this instead of each re-walking the structure.
 */
import type { Block, HeadingBlock } from './markdown.js';
import { KIRO_REQUIREMENT_HEADING, matchHeadingDefinition } from './ids.js';
import { normalizeHeading } from './normalize.js';
import { AC_CONTAINER_PATTERN, CHECKLIST_CONTAINER_PATTERN } from './vocabulary.js';

/** A heading and the lines it covers. */
export interface SectionNode {
  index: number;
  depth: number;
  text: string;
  normText: string;
  line: number;
  /** Last file line before the next heading of the same or a higher level. */
  endLine: number;
  parent: number;
  /** Block index of the heading. */
  block: number;
  canonical?: string;
}

export type ParentKind = 'kiro-requirement' | 'speckit-story' | 'bmad-story' | 'requirement';

/** What an acceptance criterion below a heading (or bold story line) belongs to. */
export interface ParentFrame {
  kind: ParentKind;
  /** `Requirement 2`, `US1`, `1.2`, `FR-3`. */
  id: string;
  /** Kiro requirement number or spec-kit story number. */
  number?: number;
  /** Heading depth (bold story lines: their section's depth + 0.5). */
  depth: number;
  line: number;
  block: number;
}

/** An epic heading, for story → epic checks. */
export interface EpicFrame {
  number: number;
  title: string;
  line: number;
  depth: number;
}

export interface DocStructure {
  sections: SectionNode[];
  /** Innermost section of each block, or -1 before the first heading. */
  sectionOf: Int32Array;
  /** Acceptance-criteria container index of each block, or -1. */
  acContainerOf: Int32Array;
  /** Checklist container index of each block, or -1. */
  checklistOf: Int32Array;
  /** The requirement or story each block belongs to (innermost). */
  parentOf: Array<ParentFrame | undefined>;
  /** The epic heading each block sits under. */
  epicOf: Array<EpicFrame | undefined>;
  /** Label paragraphs that open AC containers (block indexes), in order. */
  acContainers: Array<{ block: number; line: number; label: string }>;
  /** Bold-paragraph stories (`**Story 1.2: …**`), by block index. */
  boldStories: Map<number, { id: string; epic: number; title: string }>;
}

/** `**Acceptance Criteria:**`, `Acceptance Criteria:`, `**Tasks / Subtasks**:`: a paragraph that is only a label. */
const LABEL_RAW = /^\s*(?:(?:\*\*|__)(?<a>[^*_\n]{1,80}?)(?:\*\*|__)\s*[:：]?|(?<b>[\p{Lu}\p{Lo}][^\n:：]{0,60}?)\s*[:：])\s*$/u;
const STORY_PARAGRAPH = /^\s*(?:\*\*|__)\s*Story\s+(?<e>\d+)\.(?<s>\d+)\s*[:：.\-—–]?\s*(?<title>[^*_]*?)\s*(?:\*\*|__)/iu;
const BMAD_STORY_HEADING = /^Story\s+(?<e>\d+)\.(?<s>\d+)\s*[:：.\-—–]?\s*(?<title>.*)$/iu;
const SPECKIT_STORY_HEADING = /^User Story\s+(?<n>\d+)\b/iu;
export const EPIC_HEADING = /^Epic\s+(?<n>\d+)\s*[:：.\-—–]?\s*(?<title>.*)$/iu;

/** The label of a label paragraph (first line only), normalized; undefined when the paragraph is not a label. */
export function labelOf(rawFirstLine: string): string | undefined {
  const m = LABEL_RAW.exec(rawFirstLine);
  if (!m?.groups) return undefined;
  const label = (m.groups.a ?? m.groups.b ?? '').trim();
  if (label === '' || label.length > 80) return undefined;
  return normalizeHeading(label);
}

/** Whether a normalized heading or label names an acceptance-criteria container. */
export function isAcContainerName(norm: string): boolean {
  return AC_CONTAINER_PATTERN.test(norm);
}

/** Whether a normalized heading or label names a checklist container. */
export function isChecklistName(norm: string): boolean {
  return CHECKLIST_CONTAINER_PATTERN.test(norm) && !AC_CONTAINER_PATTERN.test(norm);
}

function firstLine(raw: string): string {
  const i = raw.indexOf('\n');
  return i === -1 ? raw : raw.slice(0, i);
}

/** Builds the structure of a document from its blocks. `lastLine` is the file's last line. */
export function buildStructure(blocks: readonly Block[], lastLine: number): DocStructure {
  const sections: SectionNode[] = [];
  const n = blocks.length;
  const sectionOf = new Int32Array(n).fill(-1);
  const acContainerOf = new Int32Array(n).fill(-1);
  const checklistOf = new Int32Array(n).fill(-1);
  const parentOf: Array<ParentFrame | undefined> = new Array<ParentFrame | undefined>(n);
  const epicOf: Array<EpicFrame | undefined> = new Array<EpicFrame | undefined>(n);
  const acContainers: DocStructure['acContainers'] = [];
  const boldStories: DocStructure['boldStories'] = new Map();

  const open: number[] = []; // stack of open section indexes
  const parents: ParentFrame[] = [];
  let epic: EpicFrame | undefined;
  // Active containers: heading-based (ends with its section) or label-based (ends at the next heading/label/break).
  let acContainer: { index: number; headingDepth: number } | undefined;
  let checklist: { index: number; headingDepth: number } | undefined;
  let checklistCount = 0;

  const currentDepth = () => (open.length > 0 ? sections[open[open.length - 1]!]!.depth : 0);

  for (let b = 0; b < n; b++) {
    const block = blocks[b]!;
    if (block.kind === 'heading') {
      const h = block as HeadingBlock;
      while (open.length > 0 && sections[open[open.length - 1]!]!.depth >= h.depth) {
        const closed = sections[open.pop()!]!;
        closed.endLine = h.line - 1;
      }
      const index = sections.length;
      const normText = normalizeHeading(h.text);
      sections.push({ index, depth: h.depth, text: h.text.trim(), normText, line: h.line, endLine: lastLine, parent: open[open.length - 1] ?? -1, block: b });
      open.push(index);

      while (parents.length > 0 && parents[parents.length - 1]!.depth >= h.depth) parents.pop();
      if (epic && epic.depth >= h.depth) epic = undefined;
      if (acContainer && acContainer.headingDepth >= h.depth) acContainer = undefined;
      if (acContainer && acContainer.headingDepth === Infinity) acContainer = undefined;
      if (checklist && checklist.headingDepth >= h.depth) checklist = undefined;

      const text = h.text.trim().replace(/\*\*/g, '');
      const epicMatch = EPIC_HEADING.exec(text);
      if (epicMatch?.groups && h.depth >= 2 && h.depth <= 4) {
        epic = { number: Number(epicMatch.groups.n), title: epicMatch.groups.title!.trim(), line: h.line, depth: h.depth };
      }
      const kiro = KIRO_REQUIREMENT_HEADING.exec(text);
      const speckit = SPECKIT_STORY_HEADING.exec(text);
      const bmad = BMAD_STORY_HEADING.exec(text);
      const fr = matchHeadingDefinition(text);
      if (kiro?.groups) parents.push({ kind: 'kiro-requirement', id: `Requirement ${Number(kiro.groups.n)}`, number: Number(kiro.groups.n), depth: h.depth, line: h.line, block: b });
      else if (speckit?.groups) parents.push({ kind: 'speckit-story', id: `US${Number(speckit.groups.n)}`, number: Number(speckit.groups.n), depth: h.depth, line: h.line, block: b });
      else if (bmad?.groups) parents.push({ kind: 'bmad-story', id: `${Number(bmad.groups.e)}.${Number(bmad.groups.s)}`, depth: h.depth, line: h.line, block: b });
      else if (fr) parents.push({ kind: 'requirement', id: fr.id, depth: h.depth, line: h.line, block: b });

      if (isAcContainerName(normText)) {
        acContainer = { index: acContainers.length, headingDepth: h.depth };
        acContainers.push({ block: b, line: h.line, label: normText });
      } else if (isChecklistName(normText)) {
        checklist = { index: checklistCount++, headingDepth: h.depth };
      }
    } else if (block.kind === 'paragraph') {
      const first = firstLine(block.raw);
      const story = STORY_PARAGRAPH.exec(first);
      if (story?.groups) {
        while (parents.length > 0 && parents[parents.length - 1]!.kind === 'bmad-story' && parents[parents.length - 1]!.depth > currentDepth()) parents.pop();
        const id = `${Number(story.groups.e)}.${Number(story.groups.s)}`;
        parents.push({ kind: 'bmad-story', id, depth: currentDepth() + 0.5, line: block.line, block: b });
        boldStories.set(b, { id, epic: Number(story.groups.e), title: story.groups.title!.trim() });
        if (acContainer?.headingDepth === Infinity) acContainer = undefined;
        if (checklist?.headingDepth === Infinity) checklist = undefined;
      } else {
        const label = labelOf(first);
        if (label !== undefined) {
          if (acContainer?.headingDepth === Infinity) acContainer = undefined;
          if (checklist?.headingDepth === Infinity) checklist = undefined;
          if (isAcContainerName(label)) {
            acContainer = { index: acContainers.length, headingDepth: Infinity };
            acContainers.push({ block: b, line: block.line, label });
          } else if (isChecklistName(label)) {
            checklist = { index: checklistCount++, headingDepth: Infinity };
          }
        }
      }
    } else if (block.kind === 'break') {
      if (acContainer?.headingDepth === Infinity) acContainer = undefined;
      if (checklist?.headingDepth === Infinity) checklist = undefined;
    }

    sectionOf[b] = open[open.length - 1] ?? -1;
    if (acContainer) acContainerOf[b] = acContainer.index;
    if (checklist) checklistOf[b] = checklist.index;
    parentOf[b] = parents[parents.length - 1];
    epicOf[b] = epic;
  }
  return { sections, sectionOf, acContainerOf, checklistOf, parentOf, epicOf, acContainers, boldStories };
}

/** Headings from the root down to section `index`. */
export function sectionPath(sections: readonly SectionNode[], index: number): string[] {
  const path: string[] = [];
  for (let i = index; i >= 0; i = sections[i]!.parent) path.push(sections[i]!.text);
  return path.reverse();
}

/** Whether section `index` or one of its ancestors has canonical name `canonical`. */
export function withinSection(sections: readonly SectionNode[], index: number, canonical: string): boolean {
  for (let i = index; i >= 0; i = sections[i]!.parent) if (sections[i]!.canonical === canonical) return true;
  return false;
}
