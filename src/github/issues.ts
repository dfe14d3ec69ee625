/**
 * Issues and labels: the scheduled re-validation keeps one issue (found by title and
 * label) open while specs are unhealthy and closes it when they recover; the app
 * moves `spec:<phase>` labels on pull requests.
 */
import { COMMENT_BODY_LIMIT, truncateMarkdown } from '../reporting/truncate.js';
import { GitHubApiError, attempt } from './errors.js';
import { paginate } from './paginate.js';
import type { GitHubClient, RepoRef } from './types.js';

export interface IssueSummary {
  number: number;
  title: string;
  state: 'open' | 'closed';
  body: string;
  url: string | undefined;
}

/** The issue with exactly this title and label (open ones first), ignoring pull requests. */
export async function findIssueByTitle(client: GitHubClient, repo: RepoRef, title: string, label: string): Promise<IssueSummary | undefined> {
  const { items } = await paginate(
    (page) =>
      attempt({ operation: `list issues labelled ${label}`, permission: 'issues: read' }, () =>
        client.request('GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: 'all', per_page: 100, page }),
      ),
    { perPage: 100, maxItems: 1000 },
  );
  const matches = items.filter((i) => !i.pull_request && i.title === title);
  matches.sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === 'open' ? -1 : 1));
  const issue = matches[0];
  if (!issue) return undefined;
  return { number: issue.number, title: issue.title, state: issue.state === 'closed' ? 'closed' : 'open', body: issue.body ?? '', url: issue.html_url };
}

export interface IssueUpsert {
  title: string;
  label: string;
  body: string;
  /** `open`: create or reopen and update; `closed`: close an existing one (never creates). */
  state: 'open' | 'closed';
}

export interface IssueUpsertResult {
  action: 'created' | 'updated' | 'reopened' | 'closed' | 'unchanged' | 'absent';
  number: number | undefined;
  url: string | undefined;
}

/** Makes the issue titled `title` with `label` match `desired`, with at most one write. */
export async function upsertIssue(client: GitHubClient, repo: RepoRef, desired: IssueUpsert): Promise<IssueUpsertResult> {
  const body = truncateMarkdown(desired.body, COMMENT_BODY_LIMIT);
  const existing = await findIssueByTitle(client, repo, desired.title, desired.label);
  if (!existing) {
    if (desired.state === 'closed') return { action: 'absent', number: undefined, url: undefined };
    const r = await attempt({ operation: `open the issue "${desired.title}"`, permission: 'issues: write' }, () =>
      client.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: desired.title, body, labels: [desired.label] }),
    );
    return { action: 'created', number: r.data.number, url: r.data.html_url };
  }
  const sameBody = existing.body === body;
  if (existing.state === desired.state && (sameBody || desired.state === 'closed')) {
    return { action: 'unchanged', number: existing.number, url: existing.url };
  }
  const patch =
    desired.state === 'closed'
      ? { state: 'closed' as const, state_reason: 'completed' as const, body }
      : { state: 'open' as const, body };
  await attempt({ operation: `update issue #${existing.number}`, permission: 'issues: write' }, () =>
    client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: existing.number, ...patch }),
  );
  const action = desired.state === 'closed' ? 'closed' : existing.state === 'closed' ? 'reopened' : 'updated';
  return { action, number: existing.number, url: existing.url };
}

/** Adds labels to an issue or pull request (GitHub creates unknown labels). */
export async function addLabels(client: GitHubClient, repo: RepoRef, issueNumber: number, labels: readonly string[]): Promise<void> {
  if (labels.length === 0) return;
  await attempt({ operation: `label #${issueNumber} with ${labels.join(', ')}`, permission: 'issues: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repo, issue_number: issueNumber, labels: [...labels] }),
  );
}

/** Removes a label; one that is not there (404) is fine. */
export async function removeLabel(client: GitHubClient, repo: RepoRef, issueNumber: number, label: string): Promise<'removed' | 'absent'> {
  try {
    await attempt({ operation: `remove the label ${label} from #${issueNumber}`, permission: 'issues: write' }, () =>
      client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { ...repo, issue_number: issueNumber, name: label }),
    );
    return 'removed';
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === 'not-found') return 'absent';
    throw error;
  }
}
