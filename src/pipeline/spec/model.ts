/**
 * The parsed spec document model (shared/reference/spec-formats.md §0). Every line
 * number is a 1-based line of the *file*, front matter included. Every item keeps
 * its raw text beside its parsed form: the dev agent needs both.
 */
import type { Diagnostic } from '../diagnostic.js';

export type DocType = 'prd' | 'functional-spec' | 'technical-spec' | 'sprint-change-proposal';

export const DOC_TYPES: readonly DocType[] = ['prd', 'functional-spec', 'technical-spec', 'sprint-change-proposal'];

export type TypeSource = 'front-matter' | 'bmad-workflowType' | 'config' | 'heuristic';

export type DocStatus =
  | 'draft'
  | 'proposed'
  | 'in-review'
  | 'approved'
  | 'implementing'
  | 'done'
  | 'superseded'
  | 'rejected'
  | 'deprecated';

/** Evidence behind the detected type, kept so a misclassification can be debugged. */
export interface TypeEvidence {
  scores: Record<DocType, number>;
  /** Human-readable reasons: `path: prd.md (+10)`, `h2: Functional Requirements (+1)`. */
  reasons: string[];
  confident: boolean;
}

export interface Meta {
  id?: string;
  title?: string;
  status?: DocStatus;
  /** The status text as written, before normalization. */
  statusRaw?: string;
  version?: string;
  owners: string[];
  created?: string;
  updated?: string;
  supersedes: string[];
  supersededBy?: string;
  related: string[];
  tags: string[];
  /** functional-spec `prd`/`parent`; technical-spec `implements`. */
  implements: string[];
  /** Every other key, untouched. */
  extra: Record<string, unknown>;
  /** Where each key came from, so diagnostics can point at it. */
  lines: Record<string, number>;
  source: 'front-matter' | 'inline' | 'none';
}

export interface Section {
  depth: number;
  text: string;
  /** Lowercased, numbering, emoji, decorations and trailing colon removed. */
  normText: string;
  /** Canonical section name from the synonym tables, e.g. `requirements`. */
  canonical?: string;
  line: number;
  /** Last line of the section's content (before the next heading of same or higher level). */
  endLine: number;
}

export type RequirementKind = string; // FR, NFR, CR, SC, UJ, SM, DOC-REQ, REQ (Kiro "Requirement N"), …

export interface Requirement {
  /** As written: `FR-001`, `FR1`, `Requirement 2`. */
  id: string;
  /** `FR:1`: FR1, FR-1 and FR-001 are the same requirement. */
  canonicalId: string;
  kind: RequirementKind;
  text: string;
  raw: string;
  line: number;
  /** Headings from the document root down to the requirement. */
  sectionPath: string[];
  priority?: string;
  userStory?: UserStoryTriple;
  /** `list` | `paragraph` | `heading` | `table`. */
  form: 'list' | 'paragraph' | 'heading' | 'table';
  /** Repo path of the file the item comes from, when not the document itself (BMAD shards, companions). */
  file?: string;
}

export interface UserStoryTriple {
  asA: string;
  iWant: string;
  soThat: string;
}

export interface Story {
  /** `US1` (spec-kit), `1.2` (BMAD). */
  id?: string;
  title: string;
  priority?: string;
  userStory?: UserStoryTriple;
  acceptanceCriteria: AcceptanceCriterion[];
  line: number;
  /** Epic number of a BMAD story (`Story 2.3` → 2). */
  epic?: number;
  /** Repo path of the file the item comes from, when not the document itself. */
  file?: string;
}

/** A BMAD epic (`## Epic 2: Sync`). */
export interface Epic {
  number: number;
  title: string;
  /** Ids of the stories under it (`2.1`, `2.2`). */
  storyIds: string[];
  line: number;
  file?: string;
}

/** A checkbox in a checklist container (Definition of Done, change checklist, spec-kit checklists). */
export interface ChecklistItem {
  text: string;
  /** `[x]` done, `[ ]` open, `[N/A]` not applicable, `[!]` action needed, `[-]` skipped. */
  state: 'done' | 'open' | 'n/a' | 'action-needed' | 'skipped';
  line: number;
  file?: string;
}

export type AcFormat = 'ears' | 'gwt' | 'checklist' | 'prose';

export interface AcceptanceCriterion {
  /** `1.1` (Kiro), `US1-2` (spec-kit), `AC1`; absent when unnumbered. */
  id?: string;
  format: AcFormat;
  /** Parsed parts: EARS `{kw, cond, system, modal, response}`, GWT `{given, when, then, and}`. */
  parts: Record<string, string>;
  text: string;
  raw: string;
  checked?: boolean;
  /** Id of the requirement or story it belongs to; absent when document-level. */
  parentRef?: string;
  line: number;
  /** Repo path of the file the item comes from, when not the document itself. */
  file?: string;
}

export type SpecDialect = 'bmad' | 'speckit' | 'kiro' | 'quick-spec' | 'generic';

export type TaskStyle = 'speckit' | 'kiro' | 'bmad' | 'generic';

export interface Task {
  id: string;
  style: TaskStyle;
  text: string;
  raw: string;
  checked: boolean;
  optional: boolean;
  parallel: boolean;
  storyRef?: string;
  reqRefs: string[];
  dependsOn: string[];
  files: string[];
  parentId?: string;
  /** Phase or section heading the task sits under. */
  phase?: string;
  line: number;
  /** Repo path of the file the task comes from (a companion tasks.md), when not the document itself. */
  file?: string;
}

export type MarkerKind = 'needs-clarification' | 'assumption' | 'note-for-pm' | 'todo' | 'template-leftover';

export interface Marker {
  kind: MarkerKind;
  text: string;
  /** The question of a `[NEEDS CLARIFICATION: …]`. */
  question?: string;
  inCode: boolean;
  line: number;
  column: number;
  /** Repo path of the file the marker is in, when not the document itself (BMAD shards). */
  file?: string;
}

export interface CrossRef {
  kind: 'fm' | 'link' | 'path' | 'id' | 'version';
  target: string;
  /** Front-matter key or context (`supersedes`, `implements`, `link`). */
  via?: string;
  /** Repo path of the resolved document, when it resolves. */
  resolved?: string;
  line: number;
  /** Repo path of the file the reference is in, when not the document itself (BMAD shards). */
  file?: string;
}

/** An OLD/NEW pair of a sprint change proposal. */
export interface ChangeEdit {
  section?: string;
  old?: string;
  new?: string;
  line: number;
}

/** A target of a sprint change proposal, explicit (front matter) or inferred. */
export interface ChangeTarget {
  doc: string;
  sections: string[];
  ids: string[];
  action?: 'modify' | 'add' | 'remove';
  explicit: boolean;
  /** Repo path of the target document, when it resolves. */
  resolved?: string;
  line: number;
}

/** What a sprint change proposal changes, computed against its target documents. */
export interface ChangeSet {
  targets: ChangeTarget[];
  edits: ChangeEdit[];
  added: string[];
  modified: string[];
  removed: string[];
}

export interface ParsedSpec {
  path: string;
  type: DocType | undefined;
  typeSource: TypeSource | undefined;
  typeConfidence: number;
  typeEvidence: TypeEvidence;
  /** sha256 of the raw bytes: drift detection and the state comment key on it. */
  contentHash: string;
  meta: Meta;
  title: string;
  sections: Section[];
  requirements: Requirement[];
  stories: Story[];
  acceptanceCriteria: AcceptanceCriterion[];
  tasks: Task[];
  markers: Marker[];
  refs: CrossRef[];
  /** Sprint change proposals only. */
  changeSet?: ChangeSet;
  /** Companion documents folded in (spec-kit `tasks.md` into `plan.md`, BMAD shards). */
  companions: string[];
  /** Dialect the document was read as: `bmad`, `speckit`, `kiro`, `quick-spec` or `generic`. */
  dialect?: SpecDialect;
  /** BMAD epics (PRDs). */
  epics?: Epic[];
  /** Checklist items (Definition of Done, change checklists); not tasks. */
  checklist?: ChecklistItem[];
  /** True when status is executable under the configured policy and no error was found. */
  executable: boolean;
  diagnostics: Diagnostic[];
}
