/** PRD checks (spec-formats.md §3). */
import { hasSection, titleLine, type DocFacts } from '../facts.js';

const STORY_MENTION = /\bStor(?:y|ies)\s+(\d+)\.(\d+)\b/g;
const BMAD_SECTIONS = ['goals and background context', 'epic list', 'checklist results report', 'technical assumptions', 'user interface design goals', 'epic details'];

/** Whether the PRD follows the BMAD template (v4 headings, v6 front matter, epics). */
export function isBmadPrd(facts: DocFacts): boolean {
  if (facts.fm && ('workflowType' in facts.fm || 'stepsCompleted' in facts.fm)) return true;
  if (facts.epics.length > 0 || facts.stories.some((s) => s.style === 'bmad')) return true;
  return facts.structure.sections.some((s) => BMAD_SECTIONS.includes(s.normText));
}

/**
 * A Game Design Document (BMAD's game module, `workflowType: gdd`) stands where a PRD does but
 * describes mechanics, levels and art in prose: numbered requirements are not its convention.
 */
export function isGameDesignDocument(facts: DocFacts): boolean {
  return facts.fm?.workflowType === 'gdd' || /\bgame design document\b|\bGDD\b/iu.test(facts.title);
}

export function checkPrd(facts: DocFacts): void {
  const { sink } = facts;
  const at = titleLine(facts);
  // A GDD without numbered requirements is still worth a warning (nothing to trace), not an error.
  const gdd = isGameDesignDocument(facts) ? { severity: 'warning' as const } : undefined;
  if (!hasSection(facts, 'requirements')) sink.add('prd.section.requirements', at, 'No Requirements (or Functional Requirements) section.', gdd);
  if (!facts.requirements.some((r) => r.kind === 'FR' || r.kind === 'EF')) sink.add('prd.fr.none', at, 'No functional requirement with an id (FR-1, FR1, **FR-001**…).', gdd);
  if (!hasSection(facts, 'goals')) sink.add('prd.section.goals', at, 'No Goals, Background, Overview or Executive Summary section.');
  if (!hasSection(facts, 'non-functional') && !facts.requirements.some((r) => r.kind === 'NFR')) {
    sink.add('prd.section.nfr', at, 'No Non-Functional Requirements section.');
  }
  if (isBmadPrd(facts) && !facts.config.epicsFile && !hasSection(facts, 'epics') && facts.epics.length === 0) {
    sink.add('prd.section.epics', at, 'A BMAD-style PRD without an Epic List or Epic sections.');
  }
  for (const s of facts.stories) {
    if (s.style !== 'bmad') continue;
    if (s.acceptanceCriteria.length === 0) sink.add('prd.story.no-ac', s.line, `Story ${s.id} has no acceptance criteria.`);
    if (s.underEpic !== undefined && s.epic !== undefined && s.epic !== s.underEpic) {
      sink.add('prd.story.epic-mismatch', s.line, `Story ${s.id} sits under Epic ${s.underEpic}.`);
    }
  }
  if (facts.epics.length > 0) {
    for (const e of facts.epics) if (e.storyIds.length === 0) sink.add('prd.epic.no-story', e.line, `Epic ${e.number} has no stories.`);
  }
  // Forward dependencies: a story mentioning a later story of its own epic.
  const storyByBlock = new Map(facts.stories.filter((s) => s.style === 'bmad').map((s) => [s.block, s]));
  for (let b = 0; b < facts.blocks.length; b++) {
    const parent = facts.structure.parentOf[b];
    if (!parent || parent.kind !== 'bmad-story') continue;
    const story = storyByBlock.get(parent.block);
    if (!story?.id || b === story.block) continue;
    const block = facts.blocks[b]!;
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const [e, n] = story.id.split('.').map(Number) as [number, number];
    for (const m of block.text.slice(0, 4000).matchAll(STORY_MENTION)) {
      if (Number(m[1]) === e && Number(m[2]) > n) {
        sink.add('prd.story.forward-dep', block.line, `Story ${story.id} refers to the later Story ${m[1]}.${m[2]}.`);
        break;
      }
    }
  }
}
