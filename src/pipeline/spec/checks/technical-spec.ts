/** Technical-spec checks that need only the document (spec-formats.md §5). */
import { hasSection, titleLine, type DocFacts } from '../facts.js';

export function checkTechnicalSpec(facts: DocFacts): void {
  const { sink } = facts;
  const at = titleLine(facts);
  if (!facts.hasOwnTitle) sink.add('ts.title.none', 1, 'No `#` title and no front-matter title.');
  if (!hasSection(facts, 'design')) sink.add('ts.design.none', at, 'No design section (Architecture, Components, Data Models, Tech Stack, Project Structure…).');
  if (!hasSection(facts, 'overview')) sink.add('ts.section.overview', at, 'No Overview or Summary section.');
  // Bundle documents get their companion tasks.md and spec at repository level.
  if (!facts.inBundle && !hasSection(facts, 'tasks') && facts.tasks.length === 0) sink.add('ts.section.tasks', at, 'No Implementation Plan or Tasks section, and no tasks.');
  if (!hasSection(facts, 'testing')) sink.add('ts.section.testing', at, 'No Testing Strategy section.');
  if (facts.dialect === 'quick-spec' && !hasSection(facts, 'acceptance') && facts.criteria.length === 0) sink.add('ts.section.acceptance', at, 'A quick-spec without `### Acceptance Criteria`.');
  if (!facts.inBundle && facts.meta.implements.length === 0) sink.add('ts.implements.missing', facts.meta.lines.type ?? 1, 'The technical spec does not say what it implements (`implements:` in front matter).', { severity: facts.config.strict ? 'warning' : 'info' });
  for (const b of facts.blocks) {
    if (b.kind === 'code' && b.lang === 'mermaid' && b.value.trim() === '') sink.add('ts.mermaid.empty', b.line, 'Empty mermaid diagram.');
  }
}
