/**
 * Stories and epics (§3, §4): BMAD `Story N.M` headings or bold lines under `Epic N`,
 * spec-kit `User Story N - Title (Priority: P1)` headings, with their user-story
 * triple and their acceptance criteria.
 */
import type { DocStructure } from './context.js';
import { EPIC_HEADING } from './context.js';
import type { Block } from './markdown.js';
import type { AcceptanceCriterion, Epic, Story } from './model.js';
import { matchUserStory } from './user-story.js';

const BMAD_STORY = /^Story\s+(?<e>\d+)\.(?<s>\d+)\s*[:：.\-—–]?\s*(?<title>.*)$/iu;
const SPECKIT_STORY = /^User Story\s+(?<n>\d+)\s*(?:[-–—:：]\s*(?<title>.*?))?\s*(?:\(\s*Priority\s*[:：]\s*(?<p>[^)]*)\))?\s*$/iu;

/** A story plus where it sits, for the checks. */
export interface FoundStory extends Story {
  block: number;
  /** `bmad` or `speckit`. */
  style: 'bmad' | 'speckit';
  /** The heading depth of the story (bold lines: their section's depth + 0.5). */
  depth: number;
  /** Epic the story sits under (BMAD), if any. */
  underEpic?: number;
  /** Raw priority text when present but not `P<n>`. */
  priorityRaw?: string;
}

export interface StoriesAndEpics {
  stories: FoundStory[];
  epics: Epic[];
}

/** Extracts stories and epics, attaching criteria by `parentRef`. */
export function extractStories(blocks: readonly Block[], structure: DocStructure, criteria: readonly AcceptanceCriterion[]): StoriesAndEpics {
  const stories: FoundStory[] = [];
  const epics: Epic[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'heading') {
      const text = block.text.trim().replace(/\*\*/g, '');
      const epic = EPIC_HEADING.exec(text);
      if (epic?.groups && block.depth >= 2 && block.depth <= 4) {
        epics.push({ number: Number(epic.groups.n), title: epic.groups.title!.trim(), storyIds: [], line: block.line });
        continue;
      }
      const bmad = BMAD_STORY.exec(text);
      if (bmad?.groups) {
        const under = structure.epicOf[b];
        stories.push({
          id: `${Number(bmad.groups.e)}.${Number(bmad.groups.s)}`,
          title: bmad.groups.title!.trim(),
          acceptanceCriteria: [],
          line: block.line,
          epic: Number(bmad.groups.e),
          block: b,
          style: 'bmad',
          depth: block.depth,
          ...(under ? { underEpic: under.number } : {}),
        });
        continue;
      }
      const speckit = SPECKIT_STORY.exec(text);
      if (speckit?.groups) {
        const p = speckit.groups.p?.trim();
        const valid = p !== undefined && /^P\d+$/i.test(p);
        stories.push({
          id: `US${Number(speckit.groups.n)}`,
          title: (speckit.groups.title ?? '').trim(),
          acceptanceCriteria: [],
          line: block.line,
          block: b,
          style: 'speckit',
          depth: block.depth,
          ...(valid ? { priority: p!.toUpperCase() } : {}),
          ...(p !== undefined && !valid ? { priorityRaw: p } : {}),
        });
      }
    } else if (block.kind === 'paragraph') {
      const bold = structure.boldStories.get(b);
      if (bold) {
        const under = structure.epicOf[b];
        stories.push({
          id: bold.id,
          title: bold.title,
          acceptanceCriteria: [],
          line: block.line,
          epic: bold.epic,
          block: b,
          style: 'bmad',
          depth: (structure.sectionOf[b]! >= 0 ? structure.sections[structure.sectionOf[b]!]!.depth : 0) + 0.5,
          ...(under ? { underEpic: under.number } : {}),
        });
      }
    }
  }

  // User-story triples: the first matching paragraph (or item) inside each story's scope.
  const storyAt = new Map<number, FoundStory>();
  for (const s of stories) storyAt.set(s.block, s);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const parent = structure.parentOf[b];
    if (!parent || (parent.kind !== 'bmad-story' && parent.kind !== 'speckit-story')) continue;
    const story = storyAt.get(parent.block);
    if (!story || story.userStory) continue;
    const triple = matchUserStory(block.text);
    if (triple) story.userStory = triple;
  }

  const byId = new Map<string, FoundStory>();
  for (const s of stories) if (s.id && !byId.has(s.id)) byId.set(s.id, s);
  for (const ac of criteria) {
    if (ac.parentRef === undefined) continue;
    byId.get(ac.parentRef)?.acceptanceCriteria.push(ac);
  }
  for (const s of stories) {
    if (s.style !== 'bmad' || s.underEpic === undefined) continue;
    const epic = [...epics].reverse().find((e) => e.number === s.underEpic && e.line < s.line);
    epic?.storyIds.push(s.id!);
  }
  return { stories, epics };
}
