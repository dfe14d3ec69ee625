/**
 * A stateful fake of the GitHub resources spec-automation touches (check runs and
 * annotations, pull request files, reviews and review comments, issue comments,
 * issues and labels), as handlers for the loopback double (./double.ts) or for nock.
 * It answers the way GitHub does where it matters to us: 50 annotations per request,
 * PATCH appends annotations and replaces the output, summaries over 65,535 bytes are
 * refused, review comments off the diff make the whole review 422, pages carry Link
 * headers, and a read-only token gets 403 "Resource not accessible by integration".
 */
import { startGitHubDouble, type DoubleHandler, type DoubleRequest, type DoubleResponse, type GitHubDouble } from './double.js';

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: FakeAnnotation[];
  app: { id: number; slug: string };
  /** Requests that wrote this run, in order. */
  writes: number;
}

export interface FakePullFile {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

export interface FakeReviewComment {
  id: number;
  pull_request_review_id: number;
  body: string;
  path: string;
  line: number | null;
  start_line: number | null;
  side: string;
  in_reply_to_id?: number;
  user: { login: string; type: string };
}

export interface FakeReview {
  id: number;
  body: string;
  event: string;
  commit_id: string | undefined;
  comments: number[];
  user: { login: string };
}

export interface FakeIssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  pull_request?: boolean;
}

export interface FakeGitHubState {
  checkRuns: FakeCheckRun[];
  /** Files of each pull request, by number. */
  pullFiles: Map<number, FakePullFile[]>;
  reviews: Map<number, FakeReview[]>;
  reviewComments: Map<number, FakeReviewComment[]>;
  issueComments: FakeIssueComment[];
  issues: FakeIssue[];
}

export interface FakeGitHubOptions {
  /** Who the token is: the author of everything written. */
  login?: string;
  appSlug?: string;
  appId?: number;
  /** A fork pull request's token: every write answers 403. */
  readOnly?: boolean;
  baseUrl?: string;
}

export interface FakeGitHub {
  state: FakeGitHubState;
  options: Required<Omit<FakeGitHubOptions, 'baseUrl'>> & { baseUrl: string };
  handlers: Record<string, DoubleHandler>;
  /** Makes the token read-only (or writable again) mid-test. */
  setReadOnly(readOnly: boolean): void;
}

const NOT_ACCESSIBLE: DoubleResponse = {
  status: 403,
  body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
};

function notFound(what: string): DoubleResponse {
  return { status: 404, body: { message: `Not Found (${what})`, documentation_url: 'https://docs.github.com/rest', status: '404' } };
}

function validationFailed(message: string, errors: unknown[] = []): DoubleResponse {
  return { status: 422, body: { message, errors, documentation_url: 'https://docs.github.com/rest', status: '422' } };
}

/** Page `page` of `items` with GitHub's Link header. */
function paged<T>(req: DoubleRequest, items: readonly T[], baseUrl: string, wrap?: (page: T[]) => unknown): DoubleResponse {
  const perPage = Math.min(100, Math.max(1, Number(req.query.per_page ?? 30) || 30));
  const page = Math.max(1, Number(req.query.page ?? 1) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  const linkTo = (p: number) => {
    const q = new URLSearchParams({ ...req.query, page: String(p), per_page: String(perPage) });
    return `<${baseUrl}${req.path}?${q.toString()}>`;
  };
  if (page < last) links.push(`${linkTo(page + 1)}; rel="next"`, `${linkTo(last)}; rel="last"`);
  if (page > 1) links.push(`${linkTo(1)}; rel="first"`, `${linkTo(page - 1)}; rel="prev"`);
  return { status: 200, body: wrap ? wrap(slice) : slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** RIGHT-side lines per hunk, parsed independently of src/reporting/diff.ts. */
function rightSideHunks(patch: string | undefined): { start: number; end: number }[] {
  if (!patch) return [];
  const hunks: { start: number; end: number }[] = [];
  let line = 0;
  let current: { start: number; end: number } | undefined;
  for (const raw of patch.split('\n')) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (m) {
      if (current && current.end >= current.start) hunks.push(current);
      line = Number(m[1]);
      current = { start: line, end: line - 1 };
    } else if (current && (raw.startsWith('+') || raw.startsWith(' '))) {
      current.end = line;
      line += 1;
    }
  }
  if (current && current.end >= current.start) hunks.push(current);
  return hunks;
}

function body<T>(req: DoubleRequest): T {
  return (req.body ?? {}) as T;
}

/** Creates the fake with empty state; seed `state.pullFiles` etc. before use. */
export function createFakeGitHub(options: FakeGitHubOptions = {}): FakeGitHub {
  const opts = {
    login: options.login ?? 'github-actions[bot]',
    appSlug: options.appSlug ?? 'github-actions',
    appId: options.appId ?? 15368,
    readOnly: options.readOnly ?? false,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
  };
  const state: FakeGitHubState = {
    checkRuns: [],
    pullFiles: new Map(),
    reviews: new Map(),
    reviewComments: new Map(),
    issueComments: [],
    issues: [],
  };
  let nextId = 1000;
  const newId = () => ++nextId;
  const user = () => ({ login: opts.login, type: opts.login.endsWith('[bot]') ? 'Bot' : 'User' });
  const htmlBase = 'https://github.com';

  const checkRunJson = (req: DoubleRequest, run: FakeCheckRun) => ({
    id: run.id,
    head_sha: run.head_sha,
    node_id: `CR_${run.id}`,
    external_id: null,
    url: `${opts.baseUrl}/repos/${req.params.owner}/${req.params.repo}/check-runs/${run.id}`,
    html_url: `${htmlBase}/${req.params.owner}/${req.params.repo}/runs/${run.id}`,
    details_url: run.details_url,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${opts.baseUrl}/repos/${req.params.owner}/${req.params.repo}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: 1 },
    app: { id: run.app.id, slug: run.app.slug, name: run.app.slug },
    pull_requests: [],
  });

  /** Applies a create or update body to a run, GitHub's way; returns an error response or undefined. */
  const applyRunBody = (run: FakeCheckRun, b: Record<string, unknown>): DoubleResponse | undefined => {
    const output = b.output as { title?: string; summary?: string; text?: string; annotations?: FakeAnnotation[] } | undefined;
    for (const field of ['summary', 'text'] as const) {
      const value = output?.[field];
      if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > 65_535) {
        return validationFailed(`Invalid request.\n\nOnly 65535 characters are allowed; ${Buffer.byteLength(value, 'utf8')} were supplied.`);
      }
    }
    const annotations = output?.annotations ?? [];
    for (const a of annotations) {
      if (a.path.includes('\\') || a.path.startsWith('/') || a.path.startsWith('./')) {
        return validationFailed(`Invalid annotation path ${a.path}`);
      }
      if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
        return validationFailed('start_column and end_column are only allowed when start_line equals end_line');
      }
    }
    if (b.status === 'completed' && b.conclusion === undefined && run.conclusion === null) {
      return validationFailed('Conclusion is required when status is completed');
    }
    if (output) {
      run.output = { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null };
      run.annotations.push(...annotations);
    }
    if (typeof b.status === 'string') run.status = b.status;
    if (typeof b.conclusion === 'string') {
      run.conclusion = b.conclusion;
      run.status = 'completed';
    }
    if (typeof b.started_at === 'string') run.started_at = b.started_at;
    if (typeof b.completed_at === 'string') run.completed_at = b.completed_at;
    if (typeof b.details_url === 'string') run.details_url = b.details_url;
    run.writes += 1;
    return undefined;
  };

  const write = (handler: DoubleHandler): DoubleHandler => (req) => (opts.readOnly ? NOT_ACCESSIBLE : handler(req));

  const handlers: Record<string, DoubleHandler> = {
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': (req) => {
      let runs = state.checkRuns.filter((r) => r.head_sha === req.params.ref);
      if (req.query.check_name) runs = runs.filter((r) => r.name === req.query.check_name);
      if (req.query.app_id) runs = runs.filter((r) => String(r.app.id) === req.query.app_id);
      if ((req.query.filter ?? 'latest') === 'latest') {
        // The newest run of each name, per app (two apps may use the same name).
        const latest = new Map<string, FakeCheckRun>();
        for (const r of runs) {
          const key = `${r.app.id}\u0000${r.name}`;
          if (!latest.has(key) || latest.get(key)!.id < r.id) latest.set(key, r);
        }
        runs = [...latest.values()];
      }
      runs = [...runs].sort((a, b) => b.id - a.id);
      return paged(req, runs, opts.baseUrl, (page) => ({ total_count: runs.length, check_runs: page.map((r) => checkRunJson(req, r)) }));
    },
    'POST /repos/{owner}/{repo}/check-runs': write((req) => {
      const b = body<Record<string, unknown>>(req);
      const run: FakeCheckRun = {
        id: newId(),
        name: String(b.name),
        head_sha: String(b.head_sha),
        status: 'queued',
        conclusion: null,
        started_at: null,
        completed_at: null,
        details_url: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        app: { id: opts.appId, slug: opts.appSlug },
        writes: 0,
      };
      const error = applyRunBody(run, b);
      if (error) return error;
      state.checkRuns.push(run);
      return { status: 201, body: checkRunJson(req, run) };
    }),
    'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': write((req) => {
      const run = state.checkRuns.find((r) => String(r.id) === req.params.check_run_id);
      if (!run) return notFound(`check run ${req.params.check_run_id}`);
      if (run.app.id !== opts.appId) return NOT_ACCESSIBLE;
      const error = applyRunBody(run, body(req));
      return error ?? { status: 200, body: checkRunJson(req, run) };
    }),
    'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': (req) => {
      const run = state.checkRuns.find((r) => String(r.id) === req.params.check_run_id);
      return run ? { status: 200, body: checkRunJson(req, run) } : notFound(`check run ${req.params.check_run_id}`);
    },
    'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': (req) => {
      const run = state.checkRuns.find((r) => String(r.id) === req.params.check_run_id);
      if (!run) return notFound(`check run ${req.params.check_run_id}`);
      return paged(
        req,
        run.annotations.map((a) => ({ ...a, blob_href: '', start_column: a.start_column ?? null, end_column: a.end_column ?? null, title: a.title ?? null, raw_details: a.raw_details ?? null })),
        opts.baseUrl,
      );
    },
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (req) => {
      const files = state.pullFiles.get(Number(req.params.pull_number));
      if (!files) return notFound(`pull request ${req.params.pull_number}`);
      return paged(
        req,
        files.map((f) => ({ sha: 'f'.repeat(40), additions: 1, deletions: 0, changes: 1, blob_url: '', raw_url: '', contents_url: '', ...f })),
        opts.baseUrl,
      );
    },
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments': (req) => {
      const comments = state.reviewComments.get(Number(req.params.pull_number)) ?? [];
      return paged(req, comments, opts.baseUrl);
    },
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': write((req) => {
      const number = Number(req.params.pull_number);
      const files = state.pullFiles.get(number);
      if (!files) return notFound(`pull request ${number}`);
      const b = body<{ body?: string; event?: string; commit_id?: string; comments?: { path: string; line?: number; start_line?: number; side?: string; body: string }[] }>(req);
      if (b.event === 'COMMENT' && !b.body?.trim()) return validationFailed('Unprocessable Entity', ['Body is required for COMMENT reviews']);
      for (const c of b.comments ?? []) {
        const file = files.find((f) => f.filename === c.path);
        const hunks = rightSideHunks(file?.patch);
        const end = c.line ?? 0;
        const start = c.start_line ?? end;
        // GitHub does not say which comment is wrong: the whole review fails.
        if (!hunks.some((h) => h.start <= start && end <= h.end) || (c.side ?? 'RIGHT') !== 'RIGHT') {
          return validationFailed('Unprocessable Entity', ['Line could not be resolved']);
        }
      }
      const review: FakeReview = { id: newId(), body: b.body ?? '', event: b.event ?? 'PENDING', commit_id: b.commit_id, comments: [], user: { login: opts.login } };
      const list = state.reviewComments.get(number) ?? [];
      for (const c of b.comments ?? []) {
        const comment: FakeReviewComment = {
          id: newId(),
          pull_request_review_id: review.id,
          body: c.body,
          path: c.path,
          line: c.line ?? null,
          start_line: c.start_line ?? null,
          side: c.side ?? 'RIGHT',
          user: user(),
        };
        list.push(comment);
        review.comments.push(comment.id);
      }
      state.reviewComments.set(number, list);
      state.reviews.set(number, [...(state.reviews.get(number) ?? []), review]);
      return {
        status: 200,
        body: { id: review.id, node_id: `PRR_${review.id}`, user: user(), body: review.body, state: 'COMMENTED', html_url: `${htmlBase}/pull/${number}#pullrequestreview-${review.id}`, commit_id: review.commit_id ?? null },
      };
    }),
    'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}': write((req) => {
      for (const [number, list] of state.reviewComments) {
        const i = list.findIndex((c) => String(c.id) === req.params.comment_id);
        if (i < 0) continue;
        if (list[i]!.user.login !== opts.login) return NOT_ACCESSIBLE;
        state.reviewComments.set(number, list.filter((_, j) => j !== i));
        return { status: 204 };
      }
      return notFound(`review comment ${req.params.comment_id}`);
    }),
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (req) =>
      paged(
        req,
        state.issueComments.filter((c) => String(c.issue_number) === req.params.issue_number),
        opts.baseUrl,
      ),
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': write((req) => {
      const comment: FakeIssueComment = { id: newId(), issue_number: Number(req.params.issue_number), body: body<{ body: string }>(req).body, user: user() };
      state.issueComments.push(comment);
      return { status: 201, body: { ...comment, html_url: `${htmlBase}/issues/${comment.issue_number}#issuecomment-${comment.id}` } };
    }),
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': write((req) => {
      const comment = state.issueComments.find((c) => String(c.id) === req.params.comment_id);
      if (!comment) return notFound(`comment ${req.params.comment_id}`);
      if (comment.user.login !== opts.login) return NOT_ACCESSIBLE;
      comment.body = body<{ body: string }>(req).body;
      return { status: 200, body: { ...comment, html_url: `${htmlBase}/issues/${comment.issue_number}#issuecomment-${comment.id}` } };
    }),
    'GET /repos/{owner}/{repo}/issues': (req) => {
      const state_ = req.query.state ?? 'open';
      const labels = (req.query.labels ?? '').split(',').filter(Boolean);
      const issues = state.issues
        .filter((i) => state_ === 'all' || i.state === state_)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number)
        .map((i) => ({ ...i, labels: i.labels.map((name) => ({ name })), html_url: `${htmlBase}/issues/${i.number}`, pull_request: i.pull_request ? {} : undefined }));
      return paged(req, issues, opts.baseUrl);
    },
    'POST /repos/{owner}/{repo}/issues': write((req) => {
      const b = body<{ title: string; body?: string; labels?: string[] }>(req);
      const issue: FakeIssue = { number: state.issues.length + 1, title: b.title, body: b.body ?? '', state: 'open', labels: b.labels ?? [] };
      state.issues.push(issue);
      return { status: 201, body: { ...issue, labels: issue.labels.map((name) => ({ name })), html_url: `${htmlBase}/issues/${issue.number}` } };
    }),
    'PATCH /repos/{owner}/{repo}/issues/{issue_number}': write((req) => {
      const issue = state.issues.find((i) => String(i.number) === req.params.issue_number);
      if (!issue) return notFound(`issue ${req.params.issue_number}`);
      const b = body<{ body?: string; state?: 'open' | 'closed'; title?: string }>(req);
      if (b.body !== undefined) issue.body = b.body;
      if (b.state) issue.state = b.state;
      if (b.title) issue.title = b.title;
      return { status: 200, body: { ...issue, labels: issue.labels.map((name) => ({ name })), html_url: `${htmlBase}/issues/${issue.number}` } };
    }),
    'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': write((req) => {
      const issue = state.issues.find((i) => String(i.number) === req.params.issue_number);
      if (!issue) return notFound(`issue ${req.params.issue_number}`);
      const labels = body<{ labels?: string[] }>(req).labels ?? [];
      for (const l of labels) if (!issue.labels.includes(l)) issue.labels.push(l);
      return { status: 200, body: issue.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })) };
    }),
    'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': write((req) => {
      const issue = state.issues.find((i) => String(i.number) === req.params.issue_number);
      if (!issue || !issue.labels.includes(req.params.name!)) return notFound('Label does not exist');
      issue.labels = issue.labels.filter((l) => l !== req.params.name);
      return { status: 200, body: issue.labels.map((name, i) => ({ id: i + 1, name })) };
    }),
  };

  return {
    state,
    options: opts,
    handlers,
    setReadOnly(readOnly) {
      opts.readOnly = readOnly;
    },
  };
}

/**
 * Starts the loopback double with the fake's handlers; `double.url` is the API base
 * URL (pass it as Octokit's `baseUrl` or as `GITHUB_API_URL` to a subprocess).
 */
export async function startFakeGitHub(options: Omit<FakeGitHubOptions, 'baseUrl'> = {}): Promise<{ fake: FakeGitHub; double: GitHubDouble }> {
  const fake = createFakeGitHub(options);
  const double = await startGitHubDouble({ handlers: fake.handlers });
  fake.options.baseUrl = double.url;
  return { fake, double };
}
