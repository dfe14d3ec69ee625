/**
 * A small stateful GitHub for the re-validation's contract tests, on nock with every
 * request checked against GitHub's OpenAPI description (mockGitHub): check runs of a
 * commit, and issues with labels. State lives across several `run()`s, as the real
 * repository's does across scheduled runs, so "updated, not duplicated" is observable.
 */
import { mockGitHub, type GitHubMock } from '../../support/github/index.js';

export const REPO_PATH = '/repos/Codertocat/Hello-World';
const HTML = 'https://github.com/Codertocat/Hello-World';

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; annotations?: unknown[] };
  annotations: number;
}

export interface GitHubState {
  mock: GitHubMock;
  issues: StoredIssue[];
  checkRuns: StoredCheckRun[];
  /** `METHOD route` of every request, in order. */
  routes(): string[];
  /** Makes the next issue write answer 403, as a token without `issues: write` gets. */
  forbidIssueWrites(): void;
}

function issueJson(i: StoredIssue) {
  return {
    id: 1000 + i.number,
    node_id: `I_${i.number}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name, k) => ({ id: k + 1, name })),
    html_url: `${HTML}/issues/${i.number}`,
    url: `https://api.github.com${REPO_PATH}/issues/${i.number}`,
  };
}

function checkRunJson(r: StoredCheckRun) {
  return {
    id: r.id,
    name: r.name,
    head_sha: r.head_sha,
    status: 'completed',
    conclusion: r.conclusion,
    html_url: `${HTML}/runs/${r.id}`,
    output: { title: r.output.title ?? null, summary: r.output.summary ?? null, annotations_count: r.annotations, annotations_url: '' },
    app: { id: 15368, slug: 'github-actions' },
  };
}

async function json(req: Request): Promise<Record<string, unknown>> {
  return (await req.clone().json()) as Record<string, unknown>;
}

/**
 * Starts the stateful double on `api`.
 * @param initial issues that already exist
 */
export function statefulGitHub(api: string, initial: StoredIssue[] = []): GitHubState {
  const mock = mockGitHub(api);
  const issues = initial.map((i) => ({ ...i }));
  const checkRuns: StoredCheckRun[] = [];
  let forbid = false;
  const scope = mock.scope.persist();

  scope
    .get(new RegExp(`^${REPO_PATH}/commits/[0-9a-f]{40}/check-runs`))
    .query(true)
    .reply(200, (req: Request) => {
      const url = new URL(req.url);
      const sha = /commits\/([0-9a-f]{40})\//.exec(url.pathname)![1]!;
      const name = url.searchParams.get('check_name');
      const runs = checkRuns.filter((r) => r.head_sha === sha && (!name || r.name === name)).reverse();
      return { total_count: runs.length, check_runs: runs.map(checkRunJson) };
    });
  scope.post(`${REPO_PATH}/check-runs`).reply(201, async (req: Request) => {
    const b = await json(req);
    const output = (b.output ?? {}) as StoredCheckRun['output'];
    const run: StoredCheckRun = { id: 100 + checkRuns.length, name: String(b.name), head_sha: String(b.head_sha), conclusion: (b.conclusion as string) ?? null, output, annotations: output.annotations?.length ?? 0 };
    checkRuns.push(run);
    return checkRunJson(run);
  });
  scope.patch(new RegExp(`^${REPO_PATH}/check-runs/\\d+$`)).reply(200, async (req: Request) => {
    const id = Number(/(\d+)$/.exec(new URL(req.url).pathname)![1]);
    const run = checkRuns.find((r) => r.id === id)!;
    const b = await json(req);
    const output = (b.output ?? {}) as StoredCheckRun['output'];
    run.output = output;
    run.annotations += output.annotations?.length ?? 0;
    if (b.conclusion) run.conclusion = b.conclusion as string;
    return checkRunJson(run);
  });

  scope
    .get(`${REPO_PATH}/issues`)
    .query(true)
    .reply(200, (req: Request) => {
      const label = new URL(req.url).searchParams.get('labels');
      return issues.filter((i) => !label || i.labels.includes(label)).map(issueJson);
    });
  scope.post(`${REPO_PATH}/issues`).reply(async (req: Request) => {
    if (forbid) return [403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue' }];
    const b = await json(req);
    const issue: StoredIssue = { number: 40 + issues.length, title: String(b.title), body: String(b.body ?? ''), state: 'open', state_reason: null, labels: (b.labels as string[]) ?? [] };
    issues.push(issue);
    return [201, issueJson(issue)];
  });
  scope.patch(new RegExp(`^${REPO_PATH}/issues/\\d+$`)).reply(async (req: Request) => {
    if (forbid) return [403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#update-an-issue' }];
    const n = Number(/(\d+)$/.exec(new URL(req.url).pathname)![1]);
    const issue = issues.find((i) => i.number === n);
    if (!issue) return [404, { message: 'Not Found' }];
    const b = await json(req);
    if (typeof b.body === 'string') issue.body = b.body;
    if (b.state === 'open' || b.state === 'closed') {
      issue.state = b.state;
      issue.state_reason = b.state === 'closed' ? ((b.state_reason as string) ?? 'completed') : 'reopened';
    }
    return [200, issueJson(issue)];
  });

  return {
    mock,
    issues,
    checkRuns,
    routes: () => mock.requests.map((r) => r.route ?? `${r.method} ${new URL(r.url).pathname}`),
    forbidIssueWrites: () => {
      forbid = true;
    },
  };
}
