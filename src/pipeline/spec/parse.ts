/**
 * `parseSpec`: one document's bytes → the parsed model of spec-formats.md §0 with its
 * document-level diagnostics. No repository checks (see `repository.ts`). Never throws:
 * whatever the bytes, the result is a ParsedSpec whose diagnostics say what went wrong.
 */
import { createHash } from 'node:crypto';
import type { SpecsConfig } from '../config/schema.js';
import { assignFingerprints } from '../diagnostic.js';
import { extractCriteria, type FoundCriterion } from './acceptance.js';
import { checkCriteria, checkMarkers, checkRequirementIds, checkTasks, checkVagueRequirements } from './checks/common.js';
import { checkFunctionalSpec } from './checks/functional-spec.js';
import { checkPrd } from './checks/prd.js';
import { checkChangeProposal } from './checks/sprint-change-proposal.js';
import { checkTechnicalSpec } from './checks/technical-spec.js';
import { buildStructure, type DocStructure } from './context.js';
import { detectType } from './detect-type.js';
import { bundleRoleOf, detectDialect, isTaskList } from './dialect.js';
import { isApproved, type DocFacts } from './facts.js';
import { readFrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';
import { findMarkers } from './markers.js';
import { buildMeta, firstH1, resolveTitle } from './meta.js';
import type { AcceptanceCriterion, DocType, ParsedSpec, Requirement, Story, Task, TypeEvidence } from './model.js';
import { canonicalSection } from './normalize.js';
import { collectRefs } from './refs.js';
import { extractRequirements, type FoundRequirement } from './requirements.js';
import { extractChangeProposal } from './scp.js';
import { DiagnosticSink } from './sink.js';
import { extractStories, type FoundStory } from './stories.js';
import { extractTasks, type FoundTask } from './tasks.js';
import { decodeSpecBytes, splitLines } from './text.js';

/** Options for tests and benchmarks; production callers pass none. */
export interface ParseOptions {
  /** Overrides the chunk limits of the Markdown parser (tests force many small chunks). */
  chunkLimits?: Parameters<typeof parseMarkdown>[2];
  /** Type to use when detection is not confident (documents of a known bundle layout). */
  fallbackType?: DocType;
}

const EMPTY_EVIDENCE: TypeEvidence = {
  scores: { prd: 0, 'functional-spec': 0, 'technical-spec': 0, 'sprint-change-proposal': 0 },
  reasons: [],
  confident: false,
};

function emptySpec(path: string, hash: string, title: string): ParsedSpec {
  return {
    path,
    type: undefined,
    typeSource: undefined,
    typeConfidence: 0,
    typeEvidence: EMPTY_EVIDENCE,
    contentHash: hash,
    meta: { owners: [], supersedes: [], related: [], tags: [], implements: [], extra: {}, lines: {}, source: 'none' },
    title,
    sections: [],
    requirements: [],
    stories: [],
    acceptanceCriteria: [],
    tasks: [],
    markers: [],
    refs: [],
    companions: [],
    executable: false,
    diagnostics: [],
  };
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(?:md|markdown)$/i, '');
}

/** Model objects without the parser's bookkeeping fields. */
function toRequirement(r: FoundRequirement | Requirement): Requirement {
  const { id, canonicalId, kind, text, raw, line, sectionPath, priority, userStory, form, file } = r;
  return { id, canonicalId, kind, text, raw, line, sectionPath, form, ...(priority ? { priority } : {}), ...(userStory ? { userStory } : {}), ...(file ? { file } : {}) };
}

function toCriterion(c: FoundCriterion): AcceptanceCriterion {
  const { id, format, parts, text, raw, checked, parentRef, line, file } = c;
  return { format, parts, text, raw, line, ...(id ? { id } : {}), ...(checked !== undefined ? { checked } : {}), ...(parentRef ? { parentRef } : {}), ...(file ? { file } : {}) };
}

function toStory(s: FoundStory): Story {
  const { id, title, priority, userStory, acceptanceCriteria, line, epic, file } = s;
  return {
    title,
    acceptanceCriteria: acceptanceCriteria.map((c) => toCriterion(c as FoundCriterion)),
    line,
    ...(id ? { id } : {}),
    ...(priority ? { priority } : {}),
    ...(userStory ? { userStory } : {}),
    ...(epic !== undefined ? { epic } : {}),
    ...(file ? { file } : {}),
  };
}

/** A task of the public model (no parser bookkeeping). */
export function toTask(t: FoundTask): Task {
  const { block: _b, section: _s, hasId: _h, ...task } = t;
  return task;
}

/** Assigns canonical section names for the document's type. */
function assignCanonical(structure: DocStructure, facts: Pick<DocFacts, 'type'>): void {
  if (!facts.type) return;
  for (const s of structure.sections) {
    const c = canonicalSection(facts.type, s.normText);
    if (c) s.canonical = c;
  }
}

/**
 * Parses one spec document.
 * @param path repo-relative path with forward slashes (used in diagnostics and ids)
 * @param bytes the file's content
 * @param config the `specs` section of the configuration
 * @returns the parsed document; its `diagnostics` hold every document-level finding
 */
export function parseSpec(path: string, bytes: Uint8Array, config: SpecsConfig, options: ParseOptions = {}): ParsedSpec {
  try {
    return parseSpecUnguarded(path, bytes, config, options);
  } catch (error) {
    // A parser bug must not take the run down: report it on the file and move on.
    const sink = new DiagnosticSink(path);
    const message = error instanceof Error ? error.message : String(error);
    sink.add('spec.internal-error', 1, `The spec parser failed on this file (${message.slice(0, 200)}); the file was skipped.`);
    let hash = '';
    try {
      hash = hashOf(bytes);
    } catch {
      hash = '';
    }
    const spec = emptySpec(path, hash, baseName(path));
    spec.diagnostics = assignFingerprints(sink.items);
    return spec;
  }
}

function parseSpecUnguarded(path: string, bytes: Uint8Array, config: SpecsConfig, options: ParseOptions): ParsedSpec {
  const sink = new DiagnosticSink(path);
  const hash = hashOf(bytes);
  const finish = (spec: ParsedSpec, lines: readonly string[] = []): ParsedSpec => {
    spec.diagnostics = assignFingerprints(sink.items, (_p, line) => lines[line - 1]);
    return spec;
  };

  if (bytes.length > config.maxBytes) {
    sink.add('spec.too-large', 1, `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, above specs.maxBytes (${(config.maxBytes / 1024 / 1024).toFixed(1)} MB); it was not parsed.`);
    return finish(emptySpec(path, hash, baseName(path)));
  }
  const decoded = decodeSpecBytes(bytes);
  for (const p of decoded.problems) sink.add(p.rule, p.line, p.message, { column: p.column });
  if (decoded.binary) return finish(emptySpec(path, hash, baseName(path)));
  if (decoded.text.trim() === '') {
    sink.add('file.empty', 1, 'The file is empty.');
    return finish(emptySpec(path, hash, baseName(path)));
  }
  const lines = splitLines(decoded.text);

  const fm = readFrontMatter(decoded.text);
  for (const p of fm.problems) sink.add(p.rule, p.line, p.message, p.column !== undefined ? { column: p.column } : {});
  const md = parseMarkdown(fm.body, fm.bodyLineOffset, options.chunkLimits);
  if (md.flattenedLine !== undefined) {
    sink.add('md.nesting-too-deep', md.flattenedLine, 'Lines here nest block quotes or list items more than 32 levels deep; the extra levels were flattened.');
  }
  if (md.defusedLine !== undefined) {
    sink.add('md.nesting-too-deep', md.defusedLine, 'This line has hundreds of emphasis, link or table delimiters; it was read as plain text.', {
      hint: 'Simplify the line: no spec line needs hundreds of `*`, `_`, `[`, `|` characters.',
    });
  }
  const structure = buildStructure(md.blocks, lines.length);
  const meta = buildMeta(fm.data, fm.keyLines, md.blocks, structure, config, sink);
  const title = resolveTitle(meta, structure, path, sink);
  // A tasks.md is a task list of a technical spec, even alone (`bundle.orphan-tasks`).
  const fallbackType = options.fallbackType ?? (isTaskList(path) ? 'technical-spec' : undefined);
  const decision = detectType(path, fm.data, fm.keyLines.type ?? 1, title, structure.sections, fm.body, config, sink, fallbackType);
  const type = decision.type;
  assignCanonical(structure, { type });
  const dialect = detectDialect(path, type, fm.data, title, structure);
  const role = bundleRoleOf(path);
  const taskList = isTaskList(path);

  const requirementsFound = extractRequirements(md.blocks, structure);
  const requirementItems = new Map<number, string>();
  for (const r of requirementsFound) if (r.form === 'list') requirementItems.set(r.block, r.id);
  const criteria = extractCriteria(md.blocks, structure, requirementItems);
  const { stories, epics } = extractStories(md.blocks, structure, criteria);
  const { tasks, checklist } = extractTasks(md.blocks, structure, meta.id ?? path, isTaskList(path));
  const markers = findMarkers(lines, fm.bodyLineOffset + 1, md.codeRanges);
  const definitionLines = new Set(requirementsFound.map((r) => r.line));
  const { refs, sourceFiles } = collectRefs(meta, fm.data, md.blocks, definitionLines);
  const scp = type === 'sprint-change-proposal' ? extractChangeProposal(md.blocks, structure, fm.data, fm.keyLines, refs) : undefined;

  const facts: DocFacts = {
    path,
    type,
    dialect,
    meta,
    fm: fm.data,
    keyLines: fm.keyLines,
    title,
    hasOwnTitle: Boolean(meta.title) || firstH1(structure) !== undefined,
    blocks: md.blocks,
    structure,
    requirements: type === 'sprint-change-proposal' ? [] : requirementsFound,
    criteria,
    stories,
    epics,
    tasks,
    checklist,
    markers,
    refs,
    sourceFiles,
    ...(scp ? { scp } : {}),
    inBundle: role !== undefined || taskList,
    config,
    sink,
  };

  checkRequirementIds(facts);
  checkCriteria(facts);
  checkMarkers(facts);
  checkTasks(facts);
  if (type === 'prd') {
    checkPrd(facts);
    checkVagueRequirements(facts);
  } else if (type === 'functional-spec') {
    checkFunctionalSpec(facts);
    checkVagueRequirements(facts);
  } else if (type === 'technical-spec' && !taskList) checkTechnicalSpec(facts);
  else if (type === 'sprint-change-proposal') checkChangeProposal(facts);

  const statusExecutable = isApproved(facts);
  if (!statusExecutable && type !== 'sprint-change-proposal' && !(taskList && role)) {
    sink.add('status.skipped', meta.lines.status ?? 1, `Skipped by the automation: status=${meta.statusRaw ?? 'none'} (executable: ${config.executableStatuses.join(', ')}).`);
  }

  const spec: ParsedSpec = {
    path,
    type,
    typeSource: decision.source,
    typeConfidence: decision.confidence,
    typeEvidence: decision.evidence,
    contentHash: hash,
    meta,
    title,
    sections: structure.sections.map((s) => ({
      depth: s.depth,
      text: s.text,
      normText: s.normText,
      line: s.line,
      endLine: s.endLine,
      ...(s.canonical ? { canonical: s.canonical } : {}),
    })),
    requirements: (scp ? scp.requirements : requirementsFound).map(toRequirement),
    stories: stories.map(toStory),
    acceptanceCriteria: criteria.map(toCriterion),
    tasks: tasks.map(toTask),
    markers,
    refs,
    companions: [],
    dialect,
    executable: false,
    diagnostics: [],
    ...(epics.length > 0 ? { epics } : {}),
    ...(checklist.length > 0 ? { checklist } : {}),
    ...(scp ? { changeSet: scp.changeSet } : {}),
  };
  finish(spec, lines);
  spec.executable = statusExecutable && type !== undefined && !spec.diagnostics.some((d) => d.severity === 'error');
  return spec;
}
