/**
 * Labels of a family where exactly one may be on an issue or pull request at a time
 * (the app's `spec:<phase>` labels): the labels are created once with a colour and a
 * description, and moving to a new one removes the others of the family.
 */
import { GitHubApiError, attempt } from './errors.js';
import { addLabels, removeLabel } from './issues.js';
import type { GitHubClient, RepoRef } from './types.js';

export interface LabelDefinition {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string;
}

/**
 * Creates the labels that do not exist yet (one request each; an existing label
 * answers 422 `already_exists`, which is fine). Returns how many requests it made.
 */
export async function ensureLabels(client: GitHubClient, repo: RepoRef, labels: readonly LabelDefinition[]): Promise<number> {
  let requests = 0;
  for (const label of labels) {
    requests += 1;
    try {
      await attempt({ operation: `create the label ${label.name}`, permission: 'issues: write' }, () =>
        client.request('POST /repos/{owner}/{repo}/labels', { ...repo, name: label.name, color: label.color, description: label.description }),
      );
    } catch (error) {
      if (error instanceof GitHubApiError && error.kind === 'validation') continue;
      throw error;
    }
  }
  return requests;
}

/** The labels on an issue or pull request. */
export async function listIssueLabels(client: GitHubClient, repo: RepoRef, issueNumber: number): Promise<string[]> {
  const r = await attempt({ operation: `read the labels of #${issueNumber}`, permission: 'issues: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repo, issue_number: issueNumber, per_page: 100 }),
  );
  return r.data.map((l) => l.name);
}

/**
 * Leaves exactly `label` of its family on the issue: adds it when missing and removes
 * every other label `inFamily` accepts. `current` is what is on the issue now.
 * Returns the labels afterwards and the requests made (0 when nothing changes).
 */
export async function setExclusiveLabel(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  label: string,
  current: readonly string[],
  inFamily: (name: string) => boolean,
): Promise<{ labels: string[]; requests: number }> {
  let requests = 0;
  const labels = [...current];
  if (!labels.includes(label)) {
    requests += 1;
    await addLabels(client, repo, issueNumber, [label]);
    labels.push(label);
  }
  for (const other of current) {
    if (other === label || !inFamily(other)) continue;
    requests += 1;
    await removeLabel(client, repo, issueNumber, other);
    labels.splice(labels.indexOf(other), 1);
  }
  return { labels, requests };
}
