/**
 * The title and body of a spec pull request: which spec it implements and its
 * requirements, so a reviewer sees the scope before the code. The spec text is
 * untrusted: every piece is escaped (no HTML, no @mentions, no links).
 */
import { codeSpan, escapeInline, oneLine, tableCell } from './markdown.js';
import { COMMENT_BODY_LIMIT, composeWithinLimit, formatCount } from './truncate.js';

export interface PrBodyInput {
  spec: { path: string; id: string; type: string; title: string };
  requirements: readonly { id: string; text: string }[];
  /** Acceptance criteria counted over the whole spec. */
  acceptanceCriteria: number;
  /** Open tasks (technical specs). */
  openTasks?: number;
  /** Sprint change proposals: the requirement ids added, modified and removed. */
  changeSet?: { added: readonly string[]; modified: readonly string[]; removed: readonly string[] };
  baseRef: string;
  baseSha: string;
  /** `https://github.com/<owner>/<repo>`, for the link to the spec at the base commit. */
  repoUrl?: string;
}

/** Titles longer than this are cut (GitHub allows 256). */
const TITLE_MAX = 120;

const TYPE_NAMES: Record<string, string> = {
  prd: 'PRD',
  'functional-spec': 'functional spec',
  'technical-spec': 'technical spec',
  'sprint-change-proposal': 'sprint change proposal',
};

export function renderPrTitle(spec: { id: string; title: string }): string {
  const title = oneLine(spec.title || spec.id);
  const full = `spec: ${title}${spec.title && spec.title !== spec.id ? ` (${spec.id})` : ''}`;
  return full.length <= TITLE_MAX ? full : `${full.slice(0, TITLE_MAX - 1)}…`;
}

function specLink(input: PrBodyInput): string {
  const label = codeSpan(input.spec.path);
  if (!input.repoUrl || !/^[0-9a-f]{7,64}$/i.test(input.baseSha)) return label;
  const path = input.spec.path.split('/').map(encodeURIComponent).join('/');
  return `[${label}](${input.repoUrl}/blob/${input.baseSha}/${path})`;
}

export function renderPrBody(input: PrBodyInput): string {
  const { spec } = input;
  const head = [
    `Implements the ${TYPE_NAMES[spec.type] ?? escapeInline(spec.type)} **${escapeInline(oneLine(spec.title || spec.id))}** (${specLink(input)}, id ${codeSpan(spec.id)}) from ${codeSpan(input.baseRef)} at ${codeSpan(input.baseSha.slice(0, 7))}.`,
    '',
    'spec-automation opened this pull request as a draft. Its agent writes the code and tests; the gates workflow checks every commit; when the gates pass the pull request is marked ready for review. The state comment below follows the run; steer it with `/spec` commands (`/spec help`).',
    '',
  ];
  if (input.changeSet) {
    const ids = (list: readonly string[]) => (list.length > 0 ? list.map((id) => codeSpan(id)).join(', ') : 'none');
    head.push('**Change set:** added ' + ids(input.changeSet.added) + '; modified ' + ids(input.changeSet.modified) + '; removed ' + ids(input.changeSet.removed) + '.', '');
  }
  const facts = [`${formatCount(input.requirements.length)} requirements`, `${formatCount(input.acceptanceCriteria)} acceptance criteria`];
  if (input.openTasks !== undefined) facts.push(`${formatCount(input.openTasks)} open tasks`);
  head.push(`### Requirements (${facts.join(', ')})`, '');
  if (input.requirements.length > 0) head.push('| ID | Requirement |', '|---|---|');
  else head.push('_The spec lists no requirement ids; the agent works from its text._');
  const items = input.requirements.map((r) => {
    const text = oneLine(r.text);
    return `| ${tableCell(r.id)} | ${tableCell(text.length > 300 ? `${text.slice(0, 299)}…` : text)} |`;
  });
  const composed = composeWithinLimit({
    head: head.join('\n'),
    items,
    tail: (shown, total) => (shown < total ? `\n\n_Showing ${formatCount(shown)} of ${formatCount(total)} requirements; the spec has them all._` : ''),
    limit: { maxBytes: COMMENT_BODY_LIMIT.maxBytes - 1024, maxChars: COMMENT_BODY_LIMIT.maxChars - 1024 },
  });
  return composed.text;
}
