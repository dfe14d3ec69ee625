/**
 * Requirement definitions (§2): an id at the start of a list item, paragraph line,
 * heading or first table cell, and Kiro `Requirement N` headings. Ids in traceability
 * sections, code, task items and acceptance-criteria containers are references, not
 * definitions.
 */
import type { DocStructure } from './context.js';
import { labelOf, sectionPath, withinSection } from './context.js';
import { KIRO_REQUIREMENT_HEADING, matchCellId, matchDefinition, matchHeadingDefinition, type RequirementId } from './ids.js';
import type { Block } from './markdown.js';
import type { Requirement, UserStoryTriple } from './model.js';
import { matchUserStory } from './user-story.js';

/** A requirement plus what later steps need to know about where it came from. */
export interface FoundRequirement extends Requirement {
  /** Block index of the definition. */
  block: number;
  /** Parsed id (for style checks); absent for Kiro `Requirement N`. */
  parsed?: RequirementId;
}

const PRIORITY = /(?:\bpriority\s*[:：]\s*|\(\s*|\[\s*)(?<p>P\d|must|should|could|won't|high|medium|low)\b/iu;

function priorityOf(text: string): string | undefined {
  const m = PRIORITY.exec(text.slice(0, 500));
  if (!m?.groups) return undefined;
  const p = m.groups.p!;
  return /^p\d$/i.test(p) ? p.toUpperCase() : p.toLowerCase();
}

function rest(text: string, parsed: RequirementId): string {
  return text.slice(parsed.length).replace(/^[\s:：.)\]—–|-]+/u, '').trim();
}

/**
 * Finds requirement definitions.
 * @param blocks the document's blocks
 * @param structure its sections and containers (canonical names already assigned)
 */
export function extractRequirements(blocks: readonly Block[], structure: DocStructure): FoundRequirement[] {
  const found: FoundRequirement[] = [];
  const { sections, sectionOf } = structure;
  const isReferenceSection = (b: number) => {
    const s = sectionOf[b]!;
    return s >= 0 && (withinSection(sections, s, 'traceability') || withinSection(sections, s, 'change-log') || withinSection(sections, s, 'references'));
  };
  const pathOf = (b: number) => (sectionOf[b]! >= 0 ? sectionPath(sections, sectionOf[b]!) : []);
  const push = (b: number, _block: Block, id: string, canonicalId: string, kind: string, text: string, raw: string, line: number, form: Requirement['form'], parsed?: RequirementId) => {
    const priority = priorityOf(text);
    found.push({
      id,
      canonicalId,
      kind,
      text,
      raw,
      line,
      sectionPath: pathOf(b),
      form,
      block: b,
      ...(priority ? { priority } : {}),
      ...(parsed ? { parsed } : {}),
    });
  };

  let header: string[] = [];
  let table = -1;
  const tableOf = new Map<FoundRequirement, number>();
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'row' && block.header) {
      header = block.cells.map((c) => c.trim().toLowerCase());
      table += 1;
    }
    if (block.kind === 'code' || block.kind === 'html' || block.kind === 'break') continue;
    if (structure.acContainerOf[b]! >= 0 && block.kind !== 'heading') continue;
    if (isReferenceSection(b)) continue;
    switch (block.kind) {
      case 'heading': {
        const text = block.text.trim();
        const kiro = KIRO_REQUIREMENT_HEADING.exec(text);
        if (kiro?.groups) {
          const n = Number(kiro.groups.n);
          push(b, block, `Requirement ${n}`, `REQ:${n}`, 'REQ', (kiro.groups.title ?? '').trim(), text, block.line, 'heading');
          break;
        }
        const parsed = matchHeadingDefinition(text);
        if (parsed) {
          // A heading names the requirement; the paragraph right under it says what it is.
          const next = blocks[b + 1];
          const description =
            next?.kind === 'paragraph' && structure.sectionOf[b + 1] === structure.sectionOf[b] && labelOf(next.raw.split('\n', 1)[0] ?? '') === undefined
              ? next.text.replace(/\s*\n\s*/g, ' ').trim()
              : '';
          const title = rest(text, parsed);
          push(b, block, parsed.id, parsed.canonical, parsed.prefix, description ? `${title} — ${description}` : title, text, block.line, 'heading', parsed);
        }
        break;
      }
      case 'item': {
        if (block.checked !== null) break; // a task, not a definition
        const firstLineText = block.text.split('\n', 1)[0] ?? '';
        const parsed = matchDefinition(firstLineText);
        if (parsed) push(b, block, parsed.id, parsed.canonical, parsed.prefix, rest(block.text, parsed).replace(/\s*\n\s*/g, ' '), block.raw, block.line, 'list', parsed);
        break;
      }
      case 'paragraph': {
        const lines = block.text.split('\n');
        const rawLines = block.raw.split('\n');
        let current: FoundRequirement | undefined;
        lines.forEach((line, i) => {
          const parsed = matchDefinition(line);
          if (parsed) {
            push(b, block, parsed.id, parsed.canonical, parsed.prefix, rest(line, parsed), rawLines[i] ?? line, block.line + i, 'paragraph', parsed);
            current = found[found.length - 1];
          } else if (current && line.trim() !== '') {
            current.text = `${current.text} ${line.trim()}`.trim();
            current.raw = `${current.raw}\n${rawLines[i] ?? line}`;
          }
        });
        break;
      }
      case 'row': {
        if (block.header) break;
        const first = block.cells[0] ?? '';
        const parsed = matchCellId(first);
        if (parsed) {
          // A Priority column is metadata, not text.
          const priorityColumn = header.findIndex((h) => /^(?:priority|prio|优先级|優先度|priorité)$/u.test(h));
          const cells = block.cells.map((c, i) => (i === priorityColumn ? '' : c));
          const text = [rest(first, parsed), ...cells.slice(1)].map((c) => c.trim()).filter(Boolean).join(' — ');
          push(b, block, parsed.id, parsed.canonical, parsed.prefix, text, block.raw, block.line, 'table', parsed);
          tableOf.set(found[found.length - 1]!, table);
          const priority = priorityColumn > 0 ? block.cells[priorityColumn]?.trim() : undefined;
          if (priority) found[found.length - 1]!.priority = /^p\d$/i.test(priority) ? priority.toUpperCase() : priority.toLowerCase();
        }
        break;
      }
    }
  }
  const definitions = withoutRestatements(found, tableOf);
  attachUserStories(definitions, blocks, structure);
  return definitions;
}

/**
 * Mapping tables, coverage matrices and traceability tables repeat ids that the document
 * defines elsewhere (`| FR1 | Epic 1 | ✓ |`): such a row references the id, it does not
 * define it again. A row is a restatement when its id is defined outside tables, or in an
 * earlier table. Two rows of one table with the same id stay duplicates, as do two list
 * items, paragraphs or headings.
 */
function withoutRestatements(found: readonly FoundRequirement[], tableOf: ReadonlyMap<FoundRequirement, number>): FoundRequirement[] {
  const outsideTables = new Set(found.filter((r) => r.form !== 'table').map((r) => r.canonicalId));
  const firstTable = new Map<string, number>();
  return found.filter((r) => {
    if (r.form !== 'table') return true;
    if (outsideTables.has(r.canonicalId)) return false;
    const table = tableOf.get(r) ?? -1;
    const first = firstTable.get(r.canonicalId);
    if (first === undefined) firstTable.set(r.canonicalId, table);
    return first === undefined || first === table;
  });
}

/** Kiro `**User Story:** As a …` lines (and user stories written as the requirement text). */
function attachUserStories(found: FoundRequirement[], blocks: readonly Block[], structure: DocStructure): void {
  for (const req of found) {
    let triple: UserStoryTriple | undefined = matchUserStory(req.text);
    if (!triple && req.form === 'heading') {
      const section = structure.sectionOf[req.block]!;
      for (let b = req.block + 1; b < blocks.length && structure.sectionOf[b] === section; b++) {
        const block = blocks[b]!;
        if (block.kind !== 'paragraph') continue;
        triple = matchUserStory(block.text);
        if (triple) break;
      }
    }
    if (triple) req.userStory = triple;
  }
}
