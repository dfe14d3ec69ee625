/**
 * Whether the token a workflow gets for an event can write to the repository. On
 * `pull_request` events from forks, and for pull requests opened by Dependabot, GitHub
 * hands the workflow a read-only GITHUB_TOKEN whatever `permissions:` asks for (rule 19),
 * so check runs, reviews and comments would all answer 403. Knowing it from the event
 * saves those requests and lets the job summary say why.
 */

interface RepoLike {
  full_name?: string;
  id?: number;
}

interface PullRequestEventLike {
  pull_request?: {
    head?: { repo?: RepoLike | null };
    base?: { repo?: RepoLike | null };
    user?: { login?: string } | null;
  };
  sender?: { login?: string } | null;
}

const READ_ONLY_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/**
 * The reason the token is read-only for this event, or undefined when it may write.
 *
 * @param eventName `GITHUB_EVENT_NAME`
 * @param payload the event payload (`GITHUB_EVENT_PATH`), untrusted: any shape is accepted
 */
export function readOnlyReason(eventName: string, payload: unknown): string | undefined {
  if (!READ_ONLY_EVENTS.has(eventName) || typeof payload !== 'object' || payload === null) return undefined;
  const pr = (payload as PullRequestEventLike).pull_request;
  if (!pr) return undefined;
  const head = pr.head?.repo;
  const base = pr.base?.repo;
  if (head === null) return 'This pull request comes from a fork that was deleted, so GitHub gives this workflow a read-only token';
  if (head && base && ((head.id !== undefined && base.id !== undefined && head.id !== base.id) || (head.full_name && base.full_name && head.full_name !== base.full_name))) {
    return `This pull request comes from a fork (${head.full_name ?? 'another repository'}), so GitHub gives this workflow a read-only token`;
  }
  const actor = (payload as PullRequestEventLike).sender?.login ?? pr.user?.login;
  if (actor === 'dependabot[bot]') return 'This pull request was opened by Dependabot, whose workflows get a read-only token';
  return undefined;
}

const TARGET_EVENTS = new Set(['pull_request_target', 'pull_request_review_target']);

/**
 * Why this run must be treated as untrusted, or undefined: a `pull_request_target` run
 * whose pull request comes from a fork. Such a workflow has the base repository's token
 * and secrets, and if it checked out the fork's head the gates run the fork's code on a
 * runner that holds them. The action then reports as on a fork's `pull_request` (job
 * summary and log only, nothing sent with the token) and says why.
 */
export function untrustedTargetReason(eventName: string, payload: unknown): string | undefined {
  if (!TARGET_EVENTS.has(eventName) || typeof payload !== 'object' || payload === null) return undefined;
  const pr = (payload as PullRequestEventLike).pull_request;
  const head = pr?.head?.repo;
  const base = pr?.base?.repo;
  const fork = head === null || (head && base && ((head.id !== undefined && base.id !== undefined && head.id !== base.id) || (head.full_name && base.full_name && head.full_name !== base.full_name)));
  if (!fork) return undefined;
  return `This ${eventName} run is for a pull request from a fork (${head?.full_name ?? 'a deleted fork'}), whose code must not be trusted with the base repository's token, so spec-automation treats it as untrusted and reports read-only; run the gates on pull_request instead (README: Fork pull requests and pull_request_target)`;
}
