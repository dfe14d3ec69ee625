/**
 * Acceptance criteria (§2): items of acceptance-criteria containers (list items,
 * checkboxes, `1.1 WHEN …` paragraph lines, Given/When/Then line blocks, table rows),
 * plus AC-like sub-items of a requirement list item. Each is linked to its parent:
 * Kiro requirement, spec-kit story, BMAD story, FR heading, else the document.
 */
import type { DocStructure, ParentFrame } from './context.js';
import { labelOf } from './context.js';
import { classifyCriterion, GIVEN_LINE, GWT_LINE, type CriterionProblem } from './criteria.js';
import type { Block } from './markdown.js';
import type { AcceptanceCriterion } from './model.js';

/** A criterion plus the problem its shape has, for the checks. */
export interface FoundCriterion extends AcceptanceCriterion {
  problem?: CriterionProblem;
  /** Kiro requirement number of the parent, for `ac.numbering`. */
  parentNumber?: number;
  /** Written id (`2.1`) when the author numbered the criterion. */
  explicitId?: string;
  block: number;
}

const KIRO_LINE = /^\s*\d{1,3}(?:\.\d{1,3})+\.?\s+\S/;
/** BMAD v4's `item_template`: `1: text` is a paragraph line, not a list item (§9.3). */
const NUMBERED_LINE = /^\s*(?<n>\d{1,3})\s*[:)]\s+\S/;
const AC_LIKE_ITEM = /^\s*(?:AC|IV)[-\s]?\d{1,5}(?:\.\d{1,5})*\s*[:.)：]|^\s*(?:WHEN|WHILE|IF|WHERE)\b|^\s*(?:given|when)\b/iu;

interface Draft {
  text: string;
  raw: string;
  line: number;
  checked?: boolean;
  ordinal?: number;
  parent?: ParentFrame | { kind: 'requirement'; id: string };
  block: number;
  /** A Given/When/Then block being continued by the next lines. */
  gwtOpen: boolean;
}

/**
 * Extracts the criteria of a document.
 * @param requirementItems list-item requirement definitions: block index → requirement id
 */
export function extractCriteria(blocks: readonly Block[], structure: DocStructure, requirementItems: ReadonlyMap<number, string>): FoundCriterion[] {
  const drafts: Draft[] = [];
  const byItem = new Map<number, Draft>();

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const container = structure.acContainerOf[b]!;
    const parent = structure.parentOf[b];
    if (container < 0) {
      // Sub-items of a requirement item that read like criteria: `- FR-1: …` / `  - AC1: WHEN …`.
      if (block.kind === 'item' && block.item >= 0 && requirementItems.has(block.item) && AC_LIKE_ITEM.test(block.text)) {
        const d: Draft = { text: block.text, raw: block.raw, line: block.line, parent: { kind: 'requirement', id: requirementItems.get(block.item)! }, block: b, gwtOpen: false };
        if (block.checked !== null) d.checked = block.checked;
        if (block.ordinal !== undefined) d.ordinal = block.ordinal;
        drafts.push(d);
        byItem.set(b, d);
      }
      continue;
    }
    const containerBlock = structure.acContainers[container]!.block;
    switch (block.kind) {
      case 'item': {
        const host = block.item >= 0 ? byItem.get(block.item) : undefined;
        if (host && structure.acContainerOf[host.block] === container) {
          // A nested item continues its criterion (Given/When/Then written as sub-bullets).
          host.text = `${host.text}\n${block.text}`;
          host.raw = `${host.raw}\n${block.raw}`;
          byItem.set(b, host);
          break;
        }
        if (block.text.trim() === '' && block.checked === null) break;
        const d: Draft = { text: block.text, raw: block.raw, line: block.line, block: b, gwtOpen: false };
        if (parent) d.parent = parent;
        if (block.checked !== null) d.checked = block.checked;
        if (block.ordinal !== undefined) d.ordinal = block.ordinal;
        drafts.push(d);
        byItem.set(b, d);
        break;
      }
      case 'paragraph': {
        const lines = block.text.split('\n');
        const rawLines = block.raw.split('\n');
        const skipFirst = b === containerBlock || labelOf(rawLines[0] ?? '') !== undefined;
        // A paragraph inside an item continues that item's criterion.
        const host = block.item >= 0 ? byItem.get(block.item) : undefined;
        let open: Draft | undefined = host ?? (drafts.length > 0 && drafts[drafts.length - 1]!.gwtOpen ? drafts[drafts.length - 1] : undefined);
        lines.forEach((line, i) => {
          if (i === 0 && skipFirst) return;
          const trimmed = line.trim();
          if (trimmed === '') return;
          const raw = rawLines[i] ?? line;
          const kiro = KIRO_LINE.test(trimmed);
          const numbered = NUMBERED_LINE.exec(trimmed);
          const gwt = GWT_LINE.test(trimmed);
          if (kiro || numbered || (gwt && (GIVEN_LINE.test(trimmed) || !open))) {
            const d: Draft = { text: numbered ? trimmed.slice(numbered[0].length - 1) : trimmed, raw, line: block.line + i, block: b, gwtOpen: gwt && !kiro && !numbered };
            if (numbered?.groups) d.ordinal = Number(numbered.groups.n);
            if (parent) d.parent = parent;
            drafts.push(d);
            open = d;
          } else if (open) {
            open.text = `${open.text}\n${trimmed}`;
            open.raw = `${open.raw}\n${raw}`;
          }
        });
        if (open && drafts[drafts.length - 1] === open && !host) open.gwtOpen = open.gwtOpen && GWT_LINE.test(open.text);
        break;
      }
      case 'row': {
        if (block.header) break;
        const d: Draft = { text: block.cells.join(' ').trim(), raw: block.raw, line: block.line, block: b, gwtOpen: false };
        if (parent) d.parent = parent;
        if (d.text !== '') drafts.push(d);
        break;
      }
      default:
        break;
    }
    if (block.kind !== 'paragraph') {
      const last = drafts[drafts.length - 1];
      if (last) last.gwtOpen = false;
    }
  }
  return number(drafts);
}

/** Gives each criterion its id (explicit, or derived from its parent) and shape. */
function number(drafts: readonly Draft[]): FoundCriterion[] {
  const counters = new Map<string, number>();
  return drafts.map((d) => {
    const shape = classifyCriterion(d.text, d.checked);
    const parentKey = d.parent ? `${d.parent.kind}:${d.parent.id}` : '';
    const index = (counters.get(parentKey) ?? 0) + 1;
    counters.set(parentKey, index);
    const local = d.ordinal ?? index;
    let id: string | undefined = shape.explicitId;
    let parentNumber: number | undefined;
    if (d.parent && 'number' in d.parent && d.parent.number !== undefined) parentNumber = d.parent.number;
    if (!id && d.parent) {
      if (d.parent.kind === 'kiro-requirement') id = `${parentNumber}.${local}`;
      else if (d.parent.kind === 'speckit-story') id = `${d.parent.id}-${local}`;
      else id = `AC${local}`;
    }
    const found: FoundCriterion = {
      format: shape.format,
      parts: shape.parts,
      text: shape.text,
      raw: d.raw,
      line: d.line,
      block: d.block,
      ...(id ? { id } : {}),
      ...(d.checked !== undefined ? { checked: d.checked } : {}),
      ...(d.parent ? { parentRef: d.parent.id } : {}),
      ...(shape.problem ? { problem: shape.problem } : {}),
      ...(parentNumber !== undefined ? { parentNumber } : {}),
      ...(shape.explicitId ? { explicitId: shape.explicitId } : {}),
    };
    return found;
  });
}
