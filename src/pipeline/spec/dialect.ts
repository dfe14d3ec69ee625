/**
 * Dialect of a document (BMAD, spec-kit, Kiro, BMAD quick-spec or generic) and its
 * bundle role, from its path first, then its front matter and headings.
 */
import type { DocStructure } from './context.js';
import type { DocType, SpecDialect } from './model.js';

const SPECKIT_PATH = /(?:^|\/)specs\/\d{3,}-[^/]+\/(?<file>spec|plan|tasks)\.md$/i;
const KIRO_PATH = /(?:^|\/)\.kiro\/specs\/[^/]+\/(?<file>requirements|bugfix|design|tasks)\.md$/i;

/** Where a file sits in a spec-kit or Kiro bundle, if it does. */
export interface BundleRole {
  kind: 'speckit' | 'kiro';
  /** The bundle folder. */
  dir: string;
  file: string;
}

export function bundleRoleOf(path: string): BundleRole | undefined {
  const sk = SPECKIT_PATH.exec(path);
  if (sk?.groups) return { kind: 'speckit', dir: path.slice(0, path.lastIndexOf('/')), file: sk.groups.file!.toLowerCase() };
  const kiro = KIRO_PATH.exec(path);
  if (kiro?.groups) return { kind: 'kiro', dir: path.slice(0, path.lastIndexOf('/')), file: kiro.groups.file!.toLowerCase() };
  return undefined;
}

/** A `tasks.md` is a companion task list (spec-kit, Kiro), not a full technical spec. */
export function isTaskList(path: string): boolean {
  return /(?:^|\/)tasks\.md$/i.test(path);
}

const BMAD_HEADINGS = new Set([
  'goals and background context',
  'epic list',
  'checklist results report',
  'technical assumptions',
  'user interface design goals',
  'epic details',
  'high level architecture',
  'tech stack',
  'source tree',
  'identified issue summary',
  'epic impact summary',
  'artifact adjustment needs',
  'agent handoff plan',
  'prd mvp impact',
  'project context analysis',
  'core architectural decisions',
]);

export function detectDialect(path: string, type: DocType | undefined, fm: Record<string, unknown> | undefined, title: string, structure: DocStructure): SpecDialect {
  const role = bundleRoleOf(path);
  if (role) return role.kind;
  if (type === 'technical-spec' && ((fm && 'slug' in fm && ('tech_stack' in fm || 'files_to_modify' in fm)) || /^tech-?spec\s*[:：]/i.test(title))) return 'quick-spec';
  if (fm && ('workflowType' in fm || 'stepsCompleted' in fm)) return 'bmad';
  const headings = structure.sections.map((s) => s.normText);
  if (type === 'functional-spec') {
    if (headings.some((h) => /^requirement \d+/.test(h))) return 'kiro';
    if (headings.includes('user scenarios & testing') || headings.some((h) => /^user story \d+/.test(h))) return 'speckit';
  }
  if (headings.some((h) => BMAD_HEADINGS.has(h) || /^story \d+\.\d+/.test(h))) return 'bmad';
  return 'generic';
}
