/**
 * What the app finds at start-up: its installations (as the app, with a JWT) and, in
 * each, the open pull requests whose `spec:<phase>` label says a run was under way.
 */
import { attempt } from './errors.js';
import { paginate } from './paginate.js';
import type { GitHubClient } from './types.js';

export interface InstallationInfo {
  id: number;
  account: string;
  accountType: string;
}

/** Every installation of the app (client authenticated as the app). */
export async function listInstallations(client: GitHubClient, max = 10_000): Promise<InstallationInfo[]> {
  const { items } = await paginate(
    async (page) => {
      const r = await attempt({ operation: 'list the app installations' }, () => client.request('GET /app/installations', { per_page: 100, page }));
      return { data: r.data, headers: r.headers };
    },
    { perPage: 100, maxItems: max },
  );
  return items.map((i) => {
    const account = (i.account ?? {}) as { login?: string; slug?: string; type?: string };
    return { id: i.id, account: account.login ?? account.slug ?? '', accountType: account.type ?? 'User' };
  });
}

/** The login and slug of the app itself (client authenticated as the app). */
export async function getAuthenticatedApp(client: GitHubClient): Promise<{ id: number; slug: string }> {
  const r = await attempt({ operation: 'read the app' }, () => client.request('GET /app'));
  return { id: r.data?.id ?? 0, slug: r.data?.slug ?? '' };
}

export interface LabelledPull {
  owner: string;
  repo: string;
  number: number;
  labels: string[];
}

/**
 * Open pull requests of `account` carrying any of `labels` (search API, one query for
 * all labels: a comma in `label:` means "or"). The search index lags by seconds, which
 * is fine at start-up; results are capped at 1,000 by GitHub.
 */
export async function searchLabelledPulls(client: GitHubClient, account: InstallationInfo, labels: readonly string[]): Promise<LabelledPull[]> {
  const owner = account.accountType === 'Organization' ? `org:${account.account}` : `user:${account.account}`;
  const q = `is:pr is:open ${owner} label:${labels.map((l) => `"${l}"`).join(',')}`;
  const { items } = await paginate(
    async (page) => {
      const r = await attempt({ operation: `search the open spec pull requests of ${account.account}`, permission: 'pull-requests: read' }, () =>
        client.request('GET /search/issues', { q, per_page: 100, page }),
      );
      return { data: r.data.items, headers: r.headers };
    },
    { perPage: 100, maxItems: 1000 },
  );
  const pulls: LabelledPull[] = [];
  for (const item of items) {
    // repository_url: https://api.github.com/repos/<owner>/<repo>
    const m = /\/repos\/([^/]+)\/([^/]+)$/.exec(item.repository_url);
    if (!m) continue;
    pulls.push({ owner: m[1]!, repo: m[2]!, number: item.number, labels: item.labels.map((l) => l.name ?? '').filter(Boolean) });
  }
  return pulls;
}
