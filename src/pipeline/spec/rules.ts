/**
 * Every rule the spec validator can report, as data: code, default severity, a title,
 * what it means and how to fix it. `spec-automation validate --explain <rule>` prints
 * an entry, diagnostics take their default hint from it, and a test proves that every
 * code here is produced by a fixture and every emitted code is here.
 */
import type { Severity } from '../diagnostic.js';
import { editDistance } from '../edit-distance.js';

/** One registered rule. */
export interface RuleInfo {
  code: string;
  /** The usual severity; a few rules escalate (documented in `explanation`). */
  severity: Severity;
  title: string;
  explanation: string;
  fix: string;
}

type RuleRow = Omit<RuleInfo, 'code'>;

const r = (severity: Severity, title: string, explanation: string, fix: string): RuleRow => ({ severity, title, explanation, fix });

const ROWS = {
  // ── the file itself ───────────────────────────────────────────────────────────
  'file.empty': r('warning', 'Empty file', 'The file has no content (or only whitespace), so there is nothing to validate.', 'Write the document, or delete the file, or exclude it with `specs.exclude`.'),
  'file.binary': r('warning', 'Not a text file', 'The file contains NUL bytes, so it is a binary file with a Markdown name. It is not parsed.', 'Replace it with the Markdown text, or exclude it with `specs.exclude`.'),
  'file.encoding': r('error', 'Not valid UTF-8', 'The file contains bytes that are not valid UTF-8 (often a Windows-1252 or Latin-1 file). Invalid bytes were read as U+FFFD, so text near them may be wrong.', 'Save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8).'),
  'file.utf16': r('warning', 'UTF-16 file', 'The file is UTF-16 encoded (it starts with a UTF-16 byte-order mark). It was decoded, but GitHub, diffs and most tools expect UTF-8.', 'Save the file as UTF-8.'),
  'file.unreadable': r('error', 'File could not be read', 'Reading the file failed (permissions, a broken link, or the file vanished during the run).', 'Check that the file exists and is readable, then run again.'),
  'spec.too-large': r('error', 'File too large', 'The file is larger than `specs.maxBytes`, so it is not parsed: parsing it would slow every run down.', 'Split the document (BMAD sharding: `docs/prd/index.md` plus shards), or raise `specs.maxBytes` in `.github/spec-automation.yml`.'),
  'spec.untyped': r('info', 'Markdown that is not a spec', 'These Markdown files matched `specs.include` but have no `type:` and nothing that marks them as a PRD, functional spec, technical spec or change proposal (title, file name, sections, requirement ids). They are listed once, not validated.', 'Nothing to do for notes and reports. To validate one as a spec, add `type:` front matter or a `specs.types` entry, or exclude the folder with `specs.exclude`.'),
  'spec.internal-error': r('error', 'Parser failure', 'The spec parser hit an unexpected error on this file (a bug, or a file source that returned something other than bytes). The file was skipped; other files were validated.', 'Report the file to the spec-automation maintainers; meanwhile exclude it with `specs.exclude`.'),
'md.nesting-too-deep': r('warning', 'Structure too deep or too dense', 'Some lines nest block quotes or list items more than 32 levels deep, or hold hundreds of emphasis, link or table delimiters. To keep parsing fast they were simplified (extra nesting flattened, delimiters read as text), so they may be read differently from how GitHub renders them.', 'Flatten the structure and simplify the line: no real spec needs this.'),
  // ── front matter ──────────────────────────────────────────────────────────────
  'fm.yaml': r('error', 'Invalid YAML front matter', 'The front matter between the `---` lines is not valid YAML, so none of its keys (type, id, status…) could be read.', 'Fix the YAML at the reported line. A value that contains ": " must be quoted: `title: "Foo: bar"`.'),
  'fm.not-mapping': r('warning', 'Front matter is not a mapping', 'The block between the first two `---` lines parsed to something other than `key: value` pairs (often the document starts with a `---` thematic break). It was ignored and the whole file read as Markdown.', 'Start the file with `---`, then `key: value` lines, then `---`; or remove the leading `---`.'),
  'fm.not-first-line': r('warning', 'Front matter not on line 1', 'A `---` block of `key: value` lines was found, but not on the first line. GitHub and most tools only read front matter on line 1; without it, `key: v` + `---` renders as a heading. It was read as front matter anyway.', 'Delete the blank lines (or other text) above the opening `---`.'),
  'fm.unclosed': r('warning', 'Front matter never closed', 'The file starts with `---` but no closing `---` line follows, so there is no front matter; the file was read as Markdown.', 'Add the closing `---` line after the front-matter keys, or remove the first line.'),
  'fm.language': r('error', 'Unsupported front-matter language', 'The front matter names a language other than YAML (`---js`, `---toml`…). Only YAML is read; JavaScript front matter is never executed.', 'Write the front matter in YAML: `---` on its own line.'),
  'fm.too-complex': r('warning', 'Front matter too complex', 'The front matter is nested too deeply or expands to too many values (YAML aliases can multiply), so only part of it was kept.', 'Keep front matter to flat keys and short lists.'),
  'fm.yaml-surprise': r('info', 'Front-matter value read differently than written', 'A plain (unquoted) value means something else to YAML 1.1 readers (Jekyll, PyYAML, js-yaml 3): `approved: yes` is the text "yes" here and true there; or YAML turned it into a number that is not what was written (`revision: 2.10` is 2.1).', 'Quote the value to keep it as text, or write true/false for a yes/no flag.'),
  'fm.type.unknown': r('error', 'Unknown document type', 'The `type` value is not one of prd, functional-spec, technical-spec, sprint-change-proposal or their synonyms, so the automation does not know what to do with the document.', 'Use one of: prd, functional-spec, technical-spec, sprint-change-proposal.'),
  'fm.id.format': r('warning', 'Unusual document id', 'Document ids look like `PRD-001`, `FS-AUTH-002` or `SCP-2026-06-22-01`: an uppercase prefix and dash-separated parts. Other ids work but are easy to mistype in references.', 'Use an id such as `PRD-001`.'),
  'fm.id.not-string': r('warning', 'Numeric document id', 'YAML read the id as a number, so leading zeros and trailing zeros are lost (`007` becomes 7, `1.10` becomes 1.1).', 'Quote the id: `id: "007"`.'),
  'fm.id.duplicate': r('error', 'Duplicate document id', 'Two active documents declare the same `id`, so references to it are ambiguous.', 'Give each document its own id, or mark the old one `status: superseded`.'),
  'fm.title.mismatch': r('info', 'Title differs from the H1', 'The front-matter `title` and the first `#` heading differ. The front-matter title is used.', 'Make them the same, or drop one of them.'),
  'fm.status.unknown': r('warning', 'Unknown status', 'The status is not one the automation knows, so the document is treated as a draft and not executed.', 'Use draft, proposed, in-review, approved, implementing, done, superseded, rejected or deprecated.'),
  'fm.version.not-string': r('warning', 'Numeric version', 'YAML read the version as a number: `1.0` becomes 1 and `1.10` becomes 1.1.', 'Quote the version: `version: "1.10"`.'),
  'fm.date.invalid': r('warning', 'Invalid date', 'A date key (`created`, `updated`, `date`, `approved_at`) is not a YYYY-MM-DD date.', 'Write dates as YYYY-MM-DD.'),
  'fm.date.order': r('warning', 'Updated before created', 'The `updated` date is earlier than the `created` date.', 'Correct one of the two dates.'),
  'fm.required': r('error', 'Required front-matter key missing', 'Strict mode (`specs.strict: true`) requires `type`, `id`, `title` and `status` in front matter.', 'Add the missing key, or turn strict mode off.'),
  // ── type and status ───────────────────────────────────────────────────────────
  'type.ambiguous': r('warning', 'Document type unclear', 'The document has no `type` in front matter and its path, title, headings and body do not point clearly to one type, so the automation will not act on it. The evidence is in the message.', 'Add `type: prd` (or functional-spec, technical-spec, sprint-change-proposal) to the front matter.'),
  'status.skipped': r('info', 'Not executable (status)', 'Only documents whose status is executable (by default approved or implementing) are handed to the dev agent. This one is validated but skipped.', 'Set `status: approved` when the document is ready, or change `specs.executableStatuses`.'),
  // ── requirements ──────────────────────────────────────────────────────────────
  'req.id.duplicate': r('error', 'Duplicate requirement id', 'Two requirement definitions have the same id (FR1, FR-1 and FR-001 are the same id), so tests and tasks that cite it are ambiguous.', 'Renumber one of them; a letter suffix (`FR-014a`) inserts a requirement without renumbering.'),
  'req.id.mixed-style': r('info', 'Mixed requirement id styles', 'The document writes ids of one kind in several styles (`FR1` and `FR-001`). They are read as the same ids, but readers may not.', 'Pick one style, e.g. `FR-1`.'),
  'req.id.gap': r('info', 'Gap in requirement numbering', 'Requirement numbers skip a value. That is fine when a requirement was removed; it is reported in case one was lost.', 'Nothing to do if intended.'),
  'quality.vague': r('info', 'Vague requirement', 'The requirement uses a vague adjective (fast, easy, intuitive…) and no number, so it cannot be tested.', 'Give a measurable target: "within 200 ms", "in at most 3 clicks".'),
  // ── acceptance criteria ───────────────────────────────────────────────────────
  'ac.ears.malformed': r('warning', 'Incomplete EARS criterion', 'The criterion starts like EARS (WHEN/IF/WHILE/WHERE) but has no SHALL/MUST/SHOULD response, so it does not say what the system does.', 'Write "WHEN <trigger>, THE <system> SHALL <response>".'),
  'ac.ears.missing-modal': r('warning', 'EARS criterion without SHALL', 'The criterion has the WHEN … THEN … shape but no SHALL/MUST, so its obligation is unclear.', 'Write "WHEN <trigger> THEN THE <system> SHALL <response>".'),
  'ac.gwt.incomplete': r('warning', 'Incomplete Given/When/Then', 'A Given/When/Then criterion lacks one of its parts (a Given without Then, say), so it cannot be turned into a test.', 'Complete the scenario: Given <context>, When <action>, Then <outcome>.'),
  'ac.numbering': r('warning', 'Criterion number does not match its requirement', 'A Kiro criterion is numbered for another requirement (`2.1` under Requirement 1), so `_Requirements: 2.1_` references point at the wrong place.', 'Renumber the criterion to match its requirement.'),
  // ── markers ───────────────────────────────────────────────────────────────────
  'marker.unresolved': r('warning', 'Unresolved marker', 'A TODO, TBD, [ASSUMPTION: …], [NOTE FOR PM] or [NEEDS CLARIFICATION] marker is still in the text. It is an error once the document is approved: the dev agent would have to guess.', 'Resolve the question and remove the marker.'),
  'marker.needs-clarification': r('warning', 'Needs clarification', 'A [NEEDS CLARIFICATION] marker is still in the text. It is an error once the document is approved or handed to the dev agent.', 'Answer the question in the text and remove the marker.'),
  'marker.needs-clarification.too-many': r('warning', 'Too many open questions', 'More than 3 [NEEDS CLARIFICATION] markers (spec-kit\'s limit): the document is not ready for planning.', 'Resolve the questions, or move the less important ones to an Open Questions section as plain text.'),
  'marker.in-code': r('info', 'Marker inside code', 'A marker (TODO, NEEDS CLARIFICATION…) sits inside a code block, inline code or HTML comment, where it is not treated as an open question.', 'Nothing to do if the marker is an example; otherwise move it out of the code.'),
  'doc.template-leftover': r('warning', 'Template leftover', 'A template placeholder (`[FEATURE NAME]`, `{{project_name}}`, `$ARGUMENTS`, `[e.g., …]`) is still in the text.', 'Replace the placeholder with real content or delete it.'),
  'fs.template-leftover': r('warning', 'Template leftover', 'A spec template placeholder (`[FEATURE NAME]`, `$ARGUMENTS`, `[e.g., …]`) is still in the functional spec.', 'Replace the placeholder with real content or delete it.'),
  'ts.template-leftover': r('warning', 'Template leftover', 'A plan template placeholder (`[REMOVE IF UNUSED]`, `[e.g., Python 3.11 or NEEDS CLARIFICATION]`) is still in the technical spec.', 'Replace the placeholder with the decision, or delete the option.'),
  // ── tasks ─────────────────────────────────────────────────────────────────────
  'task.id.duplicate': r('error', 'Duplicate task id', 'Two tasks have the same id, so dependencies on it are ambiguous.', 'Renumber one of the tasks.'),
  'task.id.missing': r('warning', 'Task without id', 'Most tasks in this document have ids (T001, 1.2, Task 3) but this one has none, so it cannot be referenced.', 'Give the task an id in the document\'s style.'),
  'task.dep.dangling': r('error', 'Dependency on an unknown task', 'A task depends on a task id that does not exist in the document.', 'Fix the task id in the dependency, or add the missing task.'),
  'task.dep.cycle': r('error', 'Dependency cycle', 'Tasks depend on each other in a cycle, so no order can satisfy them.', 'Remove one of the dependencies in the cycle.'),
  'task.speckit.story-label': r('warning', 'Story label in a shared phase', 'spec-kit forbids `[USn]` labels on tasks in the Setup, Foundational and Polish phases: those tasks serve every story.', 'Remove the `[USn]` label, or move the task into its story\'s phase.'),
  'task.speckit.missing-story': r('warning', 'Task without story label', 'A task in a user-story phase has no `[USn]` label, so it cannot be traced to its story.', 'Add the story label, e.g. `T012 [US1] …`.'),
  'task.parallel.same-file': r('warning', 'Parallel tasks touch the same file', 'Two tasks marked `[P]` in the same phase touch the same file. spec-kit runs `[P]` tasks in parallel, which requires different files.', 'Drop `[P]` from one of them, or split the file.'),
  'task.speckit.no-path': r('info', 'Task without file path', 'The task does not name the file it changes; spec-kit tasks name exact paths so the agent does not have to guess.', 'Add the path: "… in `src/models/user.py`".'),
  'task.order': r('info', 'Task ids out of order', 'Task ids do not increase through the document.', 'Renumber the tasks in document order.'),
  // ── PRD ───────────────────────────────────────────────────────────────────────
  'prd.section.requirements': r('error', 'PRD without a requirements section', 'A PRD needs a Requirements (or Functional Requirements) section: it is what the dev agent implements.', 'Add a `## Requirements` section with `FR-1: …` items.'),
  'prd.fr.none': r('error', 'PRD without functional requirements', 'No functional requirement with an id (FR1, FR-001, **FR-1**…) was found, so nothing can be implemented or traced.', 'Write each requirement as `- FR-1: The user can …`.'),
  'prd.section.goals': r('warning', 'PRD without goals or background', 'A PRD should say why: Goals, Background, Overview or Executive Summary.', 'Add a `## Goals and Background Context` section.'),
  'prd.section.nfr': r('warning', 'PRD without non-functional requirements', 'No Non-Functional Requirements section: performance, platform and security expectations are then left to the agent.', 'Add `## Non-Functional Requirements` with `NFR-1: …` items.'),
  'prd.section.epics': r('warning', 'BMAD PRD without epics', 'A BMAD-style PRD lists its epics (Epic List or `## Epic N` sections). When epics live in epics.md, set `specs.epicsFile`.', 'Add an Epic List, or set `specs.epicsFile`.'),
  'prd.story.no-ac': r('warning', 'Story without acceptance criteria', 'A story has no acceptance criteria, so there is nothing to test it against.', 'Add an `**Acceptance Criteria:**` list under the story.'),
  'prd.epic.no-story': r('warning', 'Epic without stories', 'An epic has no stories.', 'Add `### Story N.1: …` under the epic, or remove the epic.'),
  'prd.story.epic-mismatch': r('warning', 'Story under the wrong epic', 'Story N.M should sit under Epic N.', 'Renumber the story or move it under its epic.'),
  'prd.story.forward-dep': r('warning', 'Story depends on a later story', 'A story references a later story of the same epic. BMAD: stories must not depend on future stories.', 'Reorder the stories, or remove the dependency.'),
  // ── functional spec ───────────────────────────────────────────────────────────
  'fs.section.requirements': r('error', 'Functional spec without a requirements section', 'A functional spec needs a Requirements section.', 'Add a `## Requirements` (or `## Functional Requirements`) section.'),
  'fs.req.none': r('error', 'Functional spec without requirements', 'No requirement items were found: `**FR-001**:` items, Kiro `### Requirement N` headings, or `FR-n` headings, list items or table rows.', 'Write requirements as `### FR-1: …` or `- **FR-001**: System MUST …`.'),
  'fs.ac.none': r('error', 'Functional spec without acceptance criteria', 'No acceptance criteria anywhere, so the quality gate has nothing to verify.', 'Add `**Acceptance Criteria:**` (or Acceptance Scenarios) with WHEN/THEN or Given/When/Then items.'),
  'fs.section.scenarios': r('warning', 'No user scenarios', 'A functional spec should describe who does what: User Scenarios, User Stories.', 'Add `## User Scenarios & Testing` with user stories.'),
  'fs.section.success-criteria': r('warning', 'No success criteria', 'spec-kit specs state measurable outcomes (`SC-001`).', 'Add `## Success Criteria` with measurable outcomes.'),
  'fs.section.overview': r('info', 'No overview', 'An Introduction or Overview helps readers (and the agent) place the feature.', 'Add a short `## Overview`.'),
  'fs.req.no-ac': r('warning', 'Requirement without acceptance criteria', 'A requirement has no acceptance criteria, and none are attached to its section. In the Kiro dialect every requirement owns its criteria, so this is an error there.', 'Add acceptance criteria under the requirement.'),
  'fs.story.no-scenario': r('warning', 'User story without scenario', 'A spec-kit user story has no acceptance scenario.', 'Add `**Acceptance Scenarios**:` with Given/When/Then items.'),
  'fs.story.priority': r('warning', 'User story without priority', 'spec-kit user stories carry `(Priority: P1)`; this one has none or a value that is not P<n>.', 'Add `(Priority: P1)` (P1 highest) to the story heading.'),
  'fs.story.priority-dup-p1': r('info', 'Several P1 stories', 'More than one story is P1; the MVP slice is then unclear.', 'Keep one P1 story if you can.'),
  'fs.fr.modal': r('info', 'Requirement without MUST/SHALL', 'spec-kit functional requirements are phrased "System MUST …" so their obligation is clear.', 'Rephrase with MUST or SHALL.'),
  // ── technical spec ────────────────────────────────────────────────────────────
  'ts.title.none': r('error', 'Technical spec without a title', 'No `#` heading and no front-matter `title`.', 'Add a `# …` title line.'),
  'ts.design.none': r('error', 'Technical spec without design', 'No design section was found (Architecture, Components, Data Models, Tech Stack, Project Structure, Technical Context…).', 'Add an `## Architecture` section describing the modules and how they interact.'),
  'ts.section.overview': r('warning', 'No overview', 'A technical spec should open with a Summary or Overview.', 'Add `## Overview`.'),
  'ts.section.tasks': r('warning', 'No implementation plan', 'No Implementation Plan or Tasks section and no companion tasks.md, so the dev agent has to plan by itself.', 'Add `## Implementation Plan` with `- [ ] T001 …` tasks.'),
  'ts.section.testing': r('warning', 'No testing strategy', 'The technical spec says nothing about how it is tested.', 'Add `## Testing Strategy`.'),
  'ts.section.acceptance': r('warning', 'Quick-spec without acceptance criteria', 'BMAD quick-specs carry their own `### Acceptance Criteria`.', 'Add `### Acceptance Criteria`.'),
  'ts.implements.missing': r('info', 'Technical spec not linked', 'The technical spec does not say which functional spec or PRD it implements (`implements:`), and no companion spec was found, so coverage cannot be checked. A convention of this project that BMAD, spec-kit and Kiro documents do not follow: an info, a warning in strict mode.', 'Add `implements: FS-001` (id or path) to the front matter.'),
  'ts.files.missing': r('warning', 'File to modify does not exist', 'A path in `files_to_modify` does not exist in the repository.', 'Fix the path, or move it to `files_to_create`.'),
  'ts.task.req-dangling': r('warning', 'Task cites an unknown requirement', 'A task references a requirement id that the linked functional spec or PRD does not define.', 'Fix the id, or add the requirement to the linked spec.'),
  'ts.coverage.req-untasked': r('warning', 'Requirement without a task', 'A requirement of the spec the design implements has no task covering it (spec-kit analyze E): no task cites it, and no task cites a user story or source id (`DOC-REQ-001`) that a mapping table or the requirement itself maps to it. Reported on the requirement\'s own line. `specs.coverage` sets the severity (error, warning, info, off).', 'Add a task that cites the requirement id ("(FR-3)", `_Requirements: 1.2_`), or map it to a story or source id that a task cites.'),
  'ts.coverage.story-untasked': r('warning', 'User story without a task', 'The tasks trace to user stories (`[US1]`, the spec-kit way) and no task carries this story\'s label. `specs.coverage` sets the severity.', 'Add a task labelled `[USn]` in the story\'s phase.'),
  'ts.coverage.story-level': r('info', 'Coverage checked per story', 'No task cites a requirement or source id, so coverage is checked per user story; requirements that no story mentions and no mapping table links cannot be checked one by one.', 'To check each FR, cite FR or source ids in tasks, or map FRs to stories in the spec (a mapping table, or "(US1)" in the FR).'),
  'ts.mermaid.empty': r('info', 'Empty diagram', 'A mermaid code block is empty.', 'Draw the diagram or delete the block.'),
  // ── sprint change proposal ────────────────────────────────────────────────────
  'scp.section.issue': r('error', 'Change proposal without issue summary', 'A sprint change proposal must say what triggered it (Issue Summary, Change Trigger…).', 'Add `## Issue Summary`.'),
  'scp.section.changes': r('error', 'Change proposal without proposed changes', 'A sprint change proposal must list its proposed edits (Detailed Change Proposals, Proposed Changes…).', 'Add `## Proposed Changes` with OLD/NEW blocks.'),
  'scp.target.none': r('error', 'Change proposal without target', 'No target document: no `changes:` in front matter and nothing to infer (no document path, artifact name or requirement id). A proposal that names only source files changes code only: an info.', 'Add `changes: [{ doc: PRD-001, ids: [FR-7], action: add }]` to the front matter.'),
  'scp.target.inferred': r('info', 'Change proposal targets inferred', 'The target documents were inferred from the text. Explicit targets make the change set exact. A convention of this project that BMAD, spec-kit and Kiro documents do not follow: an info, a warning in strict mode.', 'Add a `changes:` list to the front matter.'),
  'scp.section.impact': r('warning', 'No impact analysis', 'A change proposal should analyse its impact on epics, stories and artifacts.', 'Add `## Impact Analysis`.'),
  'scp.section.path': r('warning', 'No recommended path', 'A change proposal should state the chosen path (direct adjustment, rollback, MVP review).', 'Add `## Recommended Path Forward`.'),
  'scp.section.handoff': r('warning', 'No handoff plan', 'A change proposal should say who does what next.', 'Add `## Implementation Handoff`.'),
  'scp.section.mvp-impact': r('info', 'No MVP impact', 'BMAD v4 proposals state the MVP impact (v6 folds it into Impact Analysis).', 'Add `## MVP Impact`, or mention it in the impact analysis.'),
  'scp.section.success': r('warning', 'No success criteria', 'Without Success Criteria the quality gate has nothing to verify for the change.', 'Add `## Success Criteria`.'),
  'scp.edit.unpaired': r('warning', 'OLD without NEW (or the reverse)', 'An edit has an OLD block without a NEW block, or the reverse, so the change is incomplete.', 'Give every OLD block its NEW block (write "NEW: (removed)" for deletions).'),
  'scp.target.dangling': r('error', 'Change target not found', 'A target document (id or path) does not exist in the repository. An explicit target in `changes:` is an error; an inferred one a warning.', 'Fix the id or path of the target.'),
  'scp.edit.old-not-found': r('warning', 'Edited requirement not in target', 'An OLD block or `action: modify` names a requirement id that the target document does not define.', 'Check the id and the target document.'),
  'scp.id.collision': r('error', 'New requirement id already exists', 'A NEW block or `action: add` defines a requirement id the target already defines with different text.', 'Use a free id, or mark the change `action: modify`.'),
  'scp.scope.unknown': r('warning', 'Unknown scope', '`scope` should be minor, moderate or major.', 'Use minor, moderate or major.'),
  'scp.approval.missing': r('info', 'Change proposal not approved', 'Only approved (or implementing) change proposals are applied; this one is skipped.', 'Set `status: approved` (with `approved_by` and `approved_at`) once it is approved.'),
  'scp.approval.inconsistent': r('warning', 'Approval fields disagree', '`approved_at`/`approved_by` is set but the status is not approved, or the reverse. Approved without `approved_by`/`approved_at` is an info (a warning in strict mode): those are this project\'s fields.', 'Make the status and the approval fields agree.'),
  'scp.checklist.open': r('info', 'Open checklist action', 'A change-checklist item marked `[!]` (action needed) is still open.', 'Resolve the item and mark it `[x]`.'),
  // ── references ────────────────────────────────────────────────────────────────
  'ref.dangling': r('warning', 'Unresolved reference', 'A requirement id mentioned in the text is not defined in this document or in the documents it is linked to.', 'Fix the id, or link the document that defines it (`prd:`, `implements:`, `related:`).'),
  'ref.fm.dangling': r('error', 'Front-matter reference not found', 'A front-matter reference (`implements`, `prd`, `parent`, `supersedes`, `superseded_by`) names no document of the repository. `related` and `inputDocuments` entries are warnings.', 'Fix the id or the path (paths are relative to the repository root or to the document).'),
  'ref.link.dangling': r('warning', 'Broken link', 'A link to a Markdown file points at a file that does not exist.', 'Fix the link target.'),
  'ref.anchor.dangling': r('warning', 'Broken anchor', 'A link points at a heading anchor (`#section`) that the target document does not have.', 'Fix the anchor; GitHub anchors are the heading text, lowercased, spaces as dashes.'),
  'ref.superseded.status': r('warning', 'Superseded document still active', 'A document is superseded by another but its status is not superseded or deprecated, so both may be executed.', 'Set `status: superseded` on the old document.'),
  // ── bundles ───────────────────────────────────────────────────────────────────
  'bundle.checklist.incomplete': r('warning', 'Quality checklist incomplete', 'A spec-kit `checklists/*.md` item is unchecked, so the spec has not passed its own quality gate.', 'Complete the checklist item, or remove it if it does not apply.'),
  'bundle.orphan-tasks': r('warning', 'tasks.md without plan or design', 'A tasks.md has no sibling plan.md or design.md, so its tasks are not tied to a design. It is treated as a technical spec with only tasks.', 'Add the plan.md (spec-kit) or design.md (Kiro) next to it.'),
} satisfies Record<string, RuleRow>;

/** Every rule code the spec validator can emit. */
export type RuleCode = keyof typeof ROWS;

/** The registry, by code. */
export const RULES: Readonly<Record<RuleCode, RuleInfo>> = Object.fromEntries(
  Object.entries(ROWS).map(([code, row]) => [code, { code, ...row }]),
) as Record<RuleCode, RuleInfo>;

/** The registry entry for a code, or undefined. */
export function ruleInfo(code: string): RuleInfo | undefined {
  return Object.hasOwn(RULES, code) ? RULES[code as RuleCode] : undefined;
}

/** All registered codes, sorted. */
export function ruleCodes(): string[] {
  return Object.keys(RULES).sort();
}

/**
 * Registered codes close to `code`, for "did you mean": codes that contain it or that
 * it contains, then the nearest by edit distance; at most `limit`.
 */
export function closeRules(code: string, limit = 5): string[] {
  const q = code.trim().toLowerCase();
  if (q === '') return [];
  const codes = ruleCodes();
  const scored = codes.map((c) => {
    const contains = c.includes(q) || q.includes(c) ? 0 : 1;
    return { c, contains, distance: editDistance(q, c) };
  });
  return scored
    .filter((s) => s.contains === 0 || s.distance <= Math.max(3, Math.floor(q.length / 3)))
    .sort((a, b) => a.contains - b.contains || a.distance - b.distance || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((s) => s.c);
}
