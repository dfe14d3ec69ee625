/**
 * Everything parsed from one document, in the form the per-type checks read. Built by
 * `parse.ts`; never leaves the spec pipeline (the public shape is `ParsedSpec`).
 */
import type { SpecsConfig } from '../config/schema.js';
import type { FoundCriterion } from './acceptance.js';
import { labelOf, type DocStructure } from './context.js';
import type { Block } from './markdown.js';
import type { ChecklistItem, CrossRef, DocType, Epic, Marker, Meta, SpecDialect } from './model.js';
import type { FoundRequirement } from './requirements.js';
import { canonicalSection } from './normalize.js';
import type { ScpExtraction } from './scp.js';
import type { DiagnosticSink } from './sink.js';
import type { FoundStory } from './stories.js';
import type { FoundTask } from './tasks.js';
import { ALSO_SATISFIES } from './vocabulary.js';

export interface DocFacts {
  path: string;
  type: DocType | undefined;
  dialect: SpecDialect;
  meta: Meta;
  fm: Record<string, unknown> | undefined;
  keyLines: Record<string, number>;
  title: string;
  /** The document has an H1 or a front-matter title (not only its file name). */
  hasOwnTitle: boolean;
  blocks: readonly Block[];
  structure: DocStructure;
  requirements: FoundRequirement[];
  criteria: FoundCriterion[];
  stories: FoundStory[];
  epics: Epic[];
  tasks: FoundTask[];
  checklist: ChecklistItem[];
  markers: Marker[];
  refs: CrossRef[];
  /** Source files (not documents) named in code spans, in order, each once: collected with the refs. */
  sourceFiles: string[];
  scp?: ScpExtraction;
  /** The document is part of a spec-kit or Kiro bundle (its companions are resolved at repo level). */
  inBundle: boolean;
  config: SpecsConfig;
  sink: DiagnosticSink;
}

/**
 * Whether the document has a section with this canonical name: a heading, or a label
 * paragraph that real documents use instead (`**Success criteria:**`).
 */
export function hasSection(facts: DocFacts, canonical: string): boolean {
  const also = (norm: string) => ALSO_SATISFIES[norm.split(/:\s/u)[0]!.trim()]?.includes(canonical) ?? false;
  if (facts.structure.sections.some((s) => s.canonical === canonical || also(s.normText))) return true;
  if (!facts.type) return false;
  for (const b of facts.blocks) {
    if (b.kind !== 'paragraph') continue;
    const label = labelOf(b.raw.split('\n', 1)[0] ?? '');
    if (label !== undefined && canonicalSection(facts.type, label) === canonical) return true;
  }
  return false;
}

/** The document's status is one the automation executes (`specs.executableStatuses`). */
export function isApproved(facts: DocFacts): boolean {
  return facts.meta.status !== undefined && (facts.config.executableStatuses as readonly string[]).includes(facts.meta.status);
}

/** A line to attach document-level findings to: the H1, else the first line. */
export function titleLine(facts: DocFacts): number {
  return facts.structure.sections.find((s) => s.depth === 1)?.line ?? 1;
}
