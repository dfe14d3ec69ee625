/** Functional-spec checks (spec-formats.md §4), for the spec-kit, Kiro and generic dialects. */
import { hasSection, titleLine, type DocFacts } from '../facts.js';

/** "System MUST …" in the languages spec-kit specs are written in; CJK puts the modal in the verb. */
const MODALS = /\b(?:MUST|SHALL|DOIT|DOIVENT|DEBE|DEBEN|MUSS|MÜSSEN)\b|必须|必須|应当|應當|しなければならない|する必要がある|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function checkFunctionalSpec(facts: DocFacts): void {
  const { sink, dialect } = facts;
  const at = titleLine(facts);
  if (!hasSection(facts, 'requirements')) sink.add('fs.section.requirements', at, 'No Requirements (or Functional Requirements) section.');
  if (facts.requirements.length === 0) sink.add('fs.req.none', at, 'No requirement items (**FR-001**, ### Requirement N, FR-n headings, list items or table rows).');
  if (facts.criteria.length === 0) sink.add('fs.ac.none', at, 'No acceptance criteria anywhere in the document.');
  const hasUserStories = facts.stories.length > 0 || facts.requirements.some((r) => r.userStory);
  if (!hasSection(facts, 'scenarios') && !hasUserStories) sink.add('fs.section.scenarios', at, 'No User Scenarios or User Stories.');
  if (dialect === 'speckit' && !hasSection(facts, 'success-criteria')) sink.add('fs.section.success-criteria', at, 'No Success Criteria (measurable outcomes, SC-###).');
  if (!hasSection(facts, 'overview')) sink.add('fs.section.overview', at, 'No Introduction or Overview.');

  if (dialect !== 'speckit') {
    // A requirement is covered by its own criteria or by criteria anywhere in its section.
    const { structure } = facts;
    const criteriaBySection = new Set<number>();
    for (const ac of facts.criteria) {
      for (let s = structure.sectionOf[ac.block]!; s >= 0; s = structure.sections[s]!.parent) criteriaBySection.add(s);
    }
    const byParent = new Set(facts.criteria.map((ac) => ac.parentRef).filter(Boolean));
    for (const r of facts.requirements) {
      if (r.kind !== 'FR' && r.kind !== 'REQ') continue;
      if (byParent.has(r.id)) continue;
      const own = structure.sectionOf[r.block]!;
      // Heading requirements own their section; list requirements only count criteria attached to them.
      if (r.form === 'heading' && own >= 0 && criteriaBySection.has(own)) continue;
      if (dialect === 'kiro') sink.add('fs.req.no-ac', r.line, `${r.id} has no acceptance criteria (Kiro requirements own their criteria).`, { severity: 'error' });
      else sink.add('fs.req.no-ac', r.line, `${r.id} has no acceptance criteria.`);
    }
  }

  const p1 = facts.stories.filter((s) => s.style === 'speckit' && s.priority === 'P1');
  for (const s of facts.stories) {
    if (s.style !== 'speckit') continue;
    if (s.acceptanceCriteria.length === 0) sink.add('fs.story.no-scenario', s.line, `User story ${s.id} has no acceptance scenario.`);
    if (!s.priority) sink.add('fs.story.priority', s.line, s.priorityRaw ? `User story ${s.id} has priority "${s.priorityRaw}", not P<n>.` : `User story ${s.id} has no (Priority: Pn).`);
  }
  if (p1.length > 1) sink.add('fs.story.priority-dup-p1', p1[1]!.line, `${p1.length} user stories are P1 (${p1.map((s) => s.id).join(', ')}).`);
  if (dialect === 'speckit') {
    for (const r of facts.requirements) {
      if ((r.kind === 'FR' || r.kind === 'EF') && !MODALS.test(r.text)) sink.add('fs.fr.modal', r.line, `${r.id} has no MUST or SHALL.`);
    }
  }
}
