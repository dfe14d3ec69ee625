// A generated multi-format spec repository, for the spec-scale benchmark and the test that
// single-file validation reports what whole-repository validation reports (issue 10, class 12).
//
// Layout (deterministic; every name and id derives from the counts):
// - `specs/NNN-feature-N/`: spec-kit bundles (spec.md, plan.md, tasks.md, research.md,
//   checklists/requirements.md, README.md). Specs link to a neighbour bundle's spec (with an
//   anchor), mention an id only the BMAD PRD defines (FR41), and every 7th one an id no
//   document defines (FR-950, a true dangling reference).
// - `.kiro/specs/feature-N/`: Kiro bundles (requirements.md, design.md, tasks.md).
// - `_bmad-output/planning-artifacts/`: a PRD (FR1…FR41, NFRs with annotations), epics.md,
//   an architecture that implements the PRD; `_bmad-output/implementation-artifacts/`: a
//   sprint change proposal whose targets live in planning-artifacts (the PRD by path, epics.md
//   by file name), adding FR42 and changing FR14.
// - `docs/`: a superseded PRD whose status was not updated (the finding lands on it, from the
//   PRD that supersedes it), a functional spec and a technical spec elsewhere that implements it
//   by id (coverage findings land on the functional spec), two documents sharing an id.
// - Non-spec Markdown up to `markdownFiles`: READMEs, agent files (AGENTS.md, CLAUDE.md,
//   .claude/agents/*), review and verification reports, untyped notes under docs/notes/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pad = (n, w = 3) => String(n).padStart(w, '0');

function speckitBundle(i, total) {
  const dir = `specs/${pad(i)}-feature-${i}`;
  const next = ((i % total) + 1);
  const nextDir = `${pad(next)}-feature-${next}`;
  const files = {};
  const frs = [];
  for (let k = 1; k <= 8; k++) frs.push(`- **FR-${pad(k)}**: System MUST handle case ${k} of feature ${i}.${k <= 2 ? ' (DOC-REQ-001)' : ''}`);
  files[`${dir}/spec.md`] = [
    `# Feature Specification: Feature ${i}`,
    '',
    `**Feature Branch**: \`${pad(i)}-feature-${i}\``,
    '**Created**: 2026-01-01',
    '**Status**: Draft',
    `**Input**: User description: "feature ${i}"`,
    '',
    '## User Scenarios & Testing *(mandatory)*',
    '',
    `### User Story 1 - Use feature ${i} (Priority: P1)`,
    '',
    `A user opens feature ${i} and completes the main flow.`,
    '',
    '**Acceptance Scenarios**:',
    '',
    `1. **Given** feature ${i} is enabled, **When** the user starts it, **Then** the result is shown.`,
    '',
    `### User Story 2 - Configure feature ${i} (Priority: P2)`,
    '',
    'An administrator configures the defaults.',
    '',
    '**Acceptance Scenarios**:',
    '',
    '1. **Given** an administrator, **When** the defaults change, **Then** new sessions use them.',
    '',
    '## Requirements *(mandatory)*',
    '',
    '| Requirement ID | Source | Summary | Functional Requirement Mapping |',
    '| --- | --- | --- | --- |',
    `| DOC-REQ-001 | docs/source-${i}.md | Main flow. | FR-001, FR-002 |`,
    '',
    '### Functional Requirements',
    '',
    ...frs,
    '',
    `Depends on [feature ${next}](../${nextDir}/spec.md#requirements-mandatory) and on the product requirement FR41.`,
    ...(i % 7 === 0 ? ['', 'It also needs FR-950, which nobody wrote down.'] : []),
    '',
    '## Success Criteria *(mandatory)*',
    '',
    `- **SC-001**: Users finish feature ${i} in under a minute.`,
    '',
  ].join('\n');
  files[`${dir}/plan.md`] = [
    `# Implementation Plan: Feature ${i}`,
    '',
    `**Branch**: \`${pad(i)}-feature-${i}\` | **Date**: 2026-01-02 | **Spec**: [spec.md](spec.md)`,
    '',
    '## Summary',
    '',
    `Build feature ${i} as a module with a service and a view.`,
    '',
    '## Technical Context',
    '',
    '**Language/Version**: Python 3.12',
    '**Primary Dependencies**: PyQt6',
    '**Testing**: pytest',
    '',
    '## Project Structure',
    '',
    '```text',
    `src/feature_${i}/`,
    '```',
    '',
  ].join('\n');
  files[`${dir}/tasks.md`] = [
    `# Tasks: Feature ${i}`,
    '',
    '## Phase 1: User Story 1',
    '',
    `- [ ] T001 [US1] Implement the main flow in \`src/feature_${i}/service.py\` (DOC-REQ-001)`,
    `- [ ] T002 [US1] Cover FR-003 and FR-004 in \`src/feature_${i}/view.py\``,
    '',
    '## Phase 2: User Story 2',
    '',
    `- [ ] T003 [US2] Add the settings page for FR-005 to FR-008 in \`src/feature_${i}/settings.py\``,
    '',
  ].join('\n');
  files[`${dir}/research.md`] = `# Research: Feature ${i}\n\nDecision: use the standard library.\n`;
  files[`${dir}/checklists/requirements.md`] = `# Requirements checklist\n\n- [x] No implementation details\n${i % 5 === 0 ? '- [ ] Requirements are testable\n' : ''}`;
  files[`${dir}/README.md`] = `# Feature ${i}\n\nSee spec.md.\n`;
  return files;
}

function kiroBundle(i) {
  const dir = `.kiro/specs/kiro-feature-${i}`;
  const files = {};
  files[`${dir}/requirements.md`] = [
    `# Requirements Document`,
    '',
    '## Introduction',
    '',
    `Kiro feature ${i}.`,
    '',
    '## Requirements',
    '',
    `### Requirement 1: Import for feature ${i}`,
    '',
    '**User Story:** As a user, I want to import records, so that I can reuse them.',
    '',
    '#### Acceptance Criteria',
    '',
    '1. WHEN the user imports a file THEN the system SHALL list the records.',
    '2. IF the file is invalid THEN the system SHALL show the error.',
    '',
    `### Requirement 2: Export for feature ${i}`,
    '',
    '**User Story:** As a user, I want to export records, so that I can share them.',
    '',
    '#### Acceptance Criteria',
    '',
    '1. WHEN the user exports THEN the system SHALL write a CSV file.',
    '',
  ].join('\n');
  files[`${dir}/design.md`] = [`# Design Document`, '', '## Overview', '', `Feature ${i} adds an importer and an exporter.`, '', '## Architecture', '', 'A service and a view.', '', '## Components and Interfaces', '', '- Importer', '- Exporter', ''].join('\n');
  files[`${dir}/tasks.md`] = [
    '# Implementation Plan',
    '',
    '- [ ] 1. Build the importer',
    '  - Parse the file and list the records',
    '  - _Requirements: 1.1, 1.2_',
    '',
    ...(i % 2 === 0 ? ['- [ ] 2. Build the exporter', '  - _Requirements: 2.1_', ''] : []),
  ].join('\n');
  return files;
}

function bmad() {
  const files = {};
  const frs = [];
  for (let k = 1; k <= 41; k++) frs.push(`- FR${k}: The operator can run task ${k} from the console.`);
  files['_bmad-output/planning-artifacts/prd.md'] = [
    '---',
    'type: prd',
    'id: PRD-CORE',
    'status: approved',
    'supersedes: docs/prd-v1.md',
    '---',
    '# Core Product Requirements Document (PRD)',
    '',
    '## Goals and Background Context',
    '',
    'Run the operations console.',
    '',
    '## Requirements',
    '',
    '### Functional',
    '',
    ...frs,
    '',
    '### Non Functional',
    '',
    '- **NFR1 (Security)**: Every action is authorised.',
    '- **NFR2 (Performance)**: The console answers within 200 ms.',
    '',
    '## Epic List',
    '',
    'See epics.md.',
    '',
  ].join('\n');
  files['_bmad-output/planning-artifacts/epics.md'] = ['# Epics', '', '## Epic 1: Console', '', '### Story 1.1: Run a task', '', 'Covers FR1–FR41.', ''].join('\n');
  files['_bmad-output/planning-artifacts/architecture.md'] = [
    '---',
    'type: technical-spec',
    'id: ARCH-CORE',
    'status: approved',
    'implements: PRD-CORE',
    '---',
    '# Core Architecture',
    '',
    '## High Level Architecture',
    '',
    'One process, one database.',
    '',
    '## Tech Stack',
    '',
    '- Python 3.12',
    '',
    '## Implementation Plan',
    '',
    '- [ ] T001 Build the console shell (FR1)',
    '- [ ] T002 Build the task runner (FR2, FR3)',
    '',
  ].join('\n');
  files['_bmad-output/implementation-artifacts/sprint-change-proposal-2026-02-01.md'] = [
    '---',
    'type: sprint-change-proposal',
    'id: SCP-2026-02-01',
    'status: approved',
    '---',
    '# Sprint Change Proposal: single sign-on',
    '',
    '## 1. Identified Issue Summary',
    '',
    'Visitors need to sign in with the company account.',
    '',
    '## 2. Epic Impact Summary',
    '',
    'Epic 1 gains one story.',
    '',
    '## 3. Recommended Path Forward',
    '',
    'Direct adjustment.',
    '',
    '## 4. Detailed Change Proposals',
    '',
    '### 4.1 PRD (`_bmad-output/planning-artifacts/prd.md`)',
    '',
    '**Section: Functional Requirements** — append after FR41:',
    '',
    '> - FR42: Any visitor can sign in via SSO.',
    '',
    '**Section: Functional Requirements** — change FR14:',
    '',
    'OLD:',
    '- FR14: The operator can run task 14 from the console.',
    '',
    'NEW:',
    '- FR14: The operator can run task 14 from the console or the API.',
    '',
    '### 4.2 Epics (epics.md)',
    '',
    'Add Story 1.2: Sign in via SSO (FR42).',
    '',
    '## 5. Implementation Handoff',
    '',
    'Developer agent.',
    '',
  ].join('\n');
  files['docs/prd-v1.md'] = [
    '---',
    'type: prd',
    'id: PRD-CORE-V1',
    'status: approved',
    '---',
    '# Core PRD, first version',
    '',
    '## Goals and Background Context',
    '',
    'The first cut.',
    '',
    '## Requirements',
    '',
    '- FR1: The operator can run a task.',
    '',
  ].join('\n');
  files['docs/functional/fs-010.md'] = [
    '---',
    'type: functional-spec',
    'id: FS-010',
    'status: approved',
    'implements: PRD-CORE',
    '---',
    '# Functional Spec: task history',
    '',
    '## Overview',
    '',
    'The console keeps a history of runs.',
    '',
    '## Functional Requirements',
    '',
    '- **FR-101**: WHEN a task finishes, THE console SHALL record it in the history.',
    '- **FR-102**: WHEN the operator opens the history, THE console SHALL list the last 100 runs.',
    '- **FR-103**: WHEN the operator filters by task, THE console SHALL show only that task. See FR2.',
    '',
    '## Acceptance Criteria',
    '',
    '- AC-1: Given a finished task, When the history opens, Then it is listed.',
    '',
  ].join('\n');
  files['docs/tech/ts-010.md'] = [
    '---',
    'type: technical-spec',
    'id: TS-010',
    'status: draft',
    'implements: FS-010',
    '---',
    '# Technical Spec: task history',
    '',
    '## Architecture',
    '',
    'A history table.',
    '',
    '## Implementation Plan',
    '',
    '- [ ] T001 Record runs (FR-101)',
    '- [ ] T002 List runs (FR-102, FR-104)',
    '',
  ].join('\n');
  for (const name of ['alpha', 'beta']) {
    files[`docs/functional/dup-${name}.md`] = ['---', 'type: functional-spec', 'id: FS-020', 'status: draft', '---', `# Functional Spec: ${name}`, '', '## Functional Requirements', '', `- **FR-201**: THE console SHALL show ${name}.`, ''].join('\n');
  }
  return files;
}

const AGENT_FILE = '# Agent instructions\n\nRun `npm test` before you commit. Never edit generated files.\n';

/**
 * The repository's files, as path → text.
 * @param {{ speckit?: number, kiro?: number, markdownFiles?: number }} [options]
 *   speckit bundles (default 450), Kiro bundles (default 16), total Markdown files to reach with non-spec Markdown (default 4000)
 */
export function generateSpecRepo(options = {}) {
  const speckit = options.speckit ?? 450;
  const kiro = options.kiro ?? 16;
  const files = { 'README.md': '# Operations console\n', 'AGENTS.md': AGENT_FILE, 'CLAUDE.md': AGENT_FILE, 'src/console/__init__.py': '' };
  for (let i = 1; i <= speckit; i++) Object.assign(files, speckitBundle(i, speckit));
  for (let i = 1; i <= kiro; i++) Object.assign(files, kiroBundle(i));
  Object.assign(files, bmad());
  const markdown = () => Object.keys(files).filter((f) => f.endsWith('.md')).length;
  const target = options.markdownFiles ?? 4000;
  for (let n = 1; markdown() < target; n++) {
    const kind = n % 6;
    if (kind === 0) files[`.claude/agents/agent-${n}.md`] = AGENT_FILE;
    else if (kind === 1) files[`docs/reports/review-${n}.md`] = `# Code review ${n}\n\n- [ ] Fix the naming in module ${n}.\n- FR-001 looks fine.\n`;
    else if (kind === 2) files[`docs/qa/verification-${n}.md`] = `# Verification report ${n}\n\nAll checks passed for FR-002.\n`;
    else if (kind === 3) files[`packages/pkg-${n}/README.md`] = `# Package ${n}\n\nA helper package.\n`;
    else if (kind === 4) files[`docs/notes/note-${n}.md`] = `# Note ${n}\n\nWe talked about the console layout and the colours.\n`;
    else files[`packages/pkg-${n}/AGENTS.md`] = AGENT_FILE;
  }
  return files;
}

/** Spec documents (and bundle parts) among the generated files: what the benchmark calls specs. */
export function specFiles(files) {
  return Object.keys(files).filter((f) => /(?:^|\/)(?:spec|plan|tasks|requirements|design)\.md$/.test(f) && !f.includes('/checklists/') || /^_bmad-output\/.*\.md$|^docs\/(?:functional|tech)\/|^docs\/prd-v1\.md$/.test(f));
}

/** Writes the repository under `dir`. */
export function writeSpecRepo(dir, options = {}) {
  const files = generateSpecRepo(options);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return files;
}
