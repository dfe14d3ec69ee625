// The whole reporting path over real HTTP: Octokit → loopback GitHub double (every
// request checked against the OpenAPI description) → stateful fake.
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/pipeline/diagnostic.js';
import { applyReviewPlan } from '../../../src/github/apply-review.js';
import { createGitHubClient, type RateLimitEvent } from '../../../src/github/octokit.js';
import { reportGates, type LocalReportSink } from '../../../src/github/reporter.js';
import { DiffIndex } from '../../../src/reporting/diff.js';
import { decodeResultsBlock } from '../../../src/reporting/results-block.js';
import { planReview } from '../../../src/reporting/review.js';
import { startFakeGitHub, type FakeGitHub } from '../../support/github/fake-github.js';
import type { GitHubDouble } from '../../support/github/double.js';
import { diag, gate, gatesRun } from '../../unit/reporting/make.js';
import { pullRequestFromFork, pullRequestOpened } from './events.js';

const event = pullRequestOpened();
const repo = { owner: event.repository.owner.login, repo: event.repository.name };
const pullNumber = event.number;
const sha = event.pull_request.head.sha;

// The PR adds src/app.py (lines 1-30) and changes src/util.py lines 10-12.
const appLines = Array.from({ length: 30 }, (_, i) => `value_${i + 1} = ${i + 1}`);
const FILES = [
  { filename: 'src/app.py', status: 'added', patch: `@@ -0,0 +1,30 @@\n${appLines.map((l) => `+${l}`).join('\n')}` },
  { filename: 'src/util.py', status: 'modified', patch: '@@ -10,3 +10,3 @@\n a = 1\n-b = 2\n+b = 3\n c = 4' },
  { filename: 'docs/logo.png', status: 'added' },
];

let double: GitHubDouble | undefined;
afterEach(async () => {
  if (double) expect(double.violations.map((v) => v.message)).toEqual([]);
  await double?.close();
  double = undefined;
});

async function setup(options: { readOnly?: boolean } = {}): Promise<{ fake: FakeGitHub; double: GitHubDouble; events: RateLimitEvent[] }> {
  const started = await startFakeGitHub(options);
  double = started.double;
  started.fake.state.pullFiles.set(pullNumber, FILES);
  return { ...started, events: [] };
}

function client(d: GitHubDouble, events: RateLimitEvent[] = []) {
  return createGitHubClient({ auth: 'ghs_test', baseUrl: d.url, waits: 'none', onRateLimit: (e) => events.push(e) });
}

function sink() {
  const s = { summaries: [] as string[], annotated: [] as Diagnostic[], warnings: [] as string[] };
  const port: LocalReportSink = {
    writeSummary: (md) => void s.summaries.push(md),
    annotate: (ds) => void s.annotated.push(...ds),
    warn: (m) => void s.warnings.push(m),
  };
  return { ...s, port, state: s };
}

const ruffFindings = () => [
  diag({ path: 'src/app.py', range: { start: { line: 3, column: 1 } }, message: 'unused import on a changed line' }),
  diag({ path: 'src/util.py', range: { start: { line: 11, column: 5 } }, rule: 'E711', message: 'comparison to None' }),
  diag({ path: 'src/untouched.py', range: { start: { line: 40 } }, severity: 'warning', rule: 'E501', message: 'line too long, not in the diff' }),
];
const failingTest = () =>
  diag({ source: 'pytest', path: 'src/app.py', range: { start: { line: 20 } }, rule: 'test.failed', message: 'AssertionError: assert 1 == 2' });

describe('reportGates', () => {
  it('posts one check run per gate, one review on the changed lines, and the job summary', async () => {
    const { fake, double: d } = await setup();
    const out = sink();
    const run = gatesRun([
      gate({ diagnostics: ruffFindings(), status: 'failed' }),
      gate({ gate: 'pytest', tool: 'pytest', diagnostics: [failingTest()], status: 'failed' }),
      gate({ gate: 'basedpyright', tool: 'basedpyright', diagnostics: [], status: 'passed' }),
    ]);
    const outcome = await reportGates({ client: client(d), repo, sha, run, pullNumber, sink: out.port });

    expect(outcome.degraded).toBe(false);
    expect(outcome.notices).toEqual([]);
    expect(fake.state.checkRuns.map((r) => [r.name, r.status, r.conclusion, r.annotations.length])).toEqual([
      ['spec-automation / ruff', 'completed', 'failure', 3],
      ['spec-automation / pytest', 'completed', 'failure', 1],
      ['spec-automation / basedpyright', 'completed', 'success', 0],
    ]);
    const block = decodeResultsBlock(fake.state.checkRuns[1]!.output.summary);
    expect(block.ok && block.block).toMatchObject({ gate: 'pytest', status: 'failed', sha, top: [{ rule: 'test.failed', line: 20 }] });

    const comments = fake.state.reviewComments.get(pullNumber)!;
    expect(comments.map((c) => [c.path, c.line]).sort()).toEqual([
      ['src/app.py', 20],
      ['src/app.py', 3],
      ['src/util.py', 11],
    ]);
    const [review] = fake.state.reviews.get(pullNumber)!;
    expect(review).toMatchObject({ event: 'COMMENT', commit_id: sha });
    expect(review!.body).toContain('1 finding outside the changed lines is in the check runs');

    expect(out.summaries).toHaveLength(1);
    expect(out.summaries[0]).toContain('## ❌ spec-automation gates: failure');
    expect(out.summaries[0]).toMatch(/\| \[ruff\]\(https:\/\/github\.com\/.+\/runs\/\d+\) \| ❌ failed/);
    expect(out.annotated).toEqual([]);
    // One lookup for all gates, one create each (≤ 50 findings), files, comments, one review.
    expect(d.transcript()).toEqual([
      `GET /repos/Codertocat/Hello-World/commits/${sha}/check-runs?filter=latest&per_page=100&page=1 → 200`,
      'POST /repos/Codertocat/Hello-World/check-runs → 201',
      'POST /repos/Codertocat/Hello-World/check-runs → 201',
      'POST /repos/Codertocat/Hello-World/check-runs → 201',
      'GET /repos/Codertocat/Hello-World/pulls/2/files?per_page=100&page=1 → 200',
      'GET /repos/Codertocat/Hello-World/pulls/2/comments?per_page=100&page=1 → 200',
      'POST /repos/Codertocat/Hello-World/pulls/2/reviews → 200',
    ]);
    expect(outcome.requests).toBe(7);
  });

  // README, "Rate limits and request counts": one lookup, max(1, ceil(N / 50)) writes, the
  // files (only with findings), one page of comments, one review (only with new inline comments).
  it.each([
    [0, 3],
    [50, 5],
    [5000, 104],
  ])('reports one gate with %i findings on a pull request in %i requests', async (n, expected) => {
    const { double: d } = await setup();
    const diagnostics = Array.from({ length: n }, (_, i) =>
      diag({ path: 'src/app.py', range: { start: { line: 1 + (i % 30) } }, rule: `E${i}`, message: `finding ${i}` }),
    );
    const run = gatesRun([gate({ diagnostics, status: n > 0 ? 'failed' : 'passed' })]);
    const outcome = await reportGates({ client: client(d), repo, sha, run, pullNumber, sink: sink().port });
    expect(outcome.notices).toEqual([]);
    expect(d.log).toHaveLength(expected);
    expect(outcome.requests).toBe(expected);
    expect(outcome.checkRuns).toMatchObject([{ annotations: n, requests: Math.max(1, Math.ceil(n / 50)) }]);
  });

  it('on a second run posts only new findings, deletes our outdated comment, keeps one with a reply', async () => {
    const { fake, double: d } = await setup();
    const [kept, fixed, outside] = ruffFindings();
    const discussed = diag({ path: 'src/app.py', range: { start: { line: 7 } }, message: 'discussed, then fixed' });
    const first = gatesRun([gate({ diagnostics: [kept!, fixed!, outside!, discussed], status: 'failed' }), gate({ gate: 'basedpyright', tool: 'basedpyright' })]);
    await reportGates({ client: client(d), repo, sha, run: first, pullNumber, sink: sink().port });
    const comments = fake.state.reviewComments.get(pullNumber)!;
    expect(comments).toHaveLength(3);
    const discussedComment = comments.find((c) => c.line === 7)!;
    comments.push({ ...discussedComment, id: 9999, body: 'Why is this a problem?', user: { login: 'octocat', type: 'User' }, in_reply_to_id: discussedComment.id });

    const fresh = diag({ path: 'src/app.py', range: { start: { line: 25 } }, message: 'new in the second run' });
    const second = gatesRun([gate({ diagnostics: [kept!, outside!, fresh], status: 'failed' }), gate({ gate: 'basedpyright', tool: 'basedpyright' })]);
    const log = d.log.length;
    const outcome = await reportGates({ client: client(d), repo, sha, run: second, pullNumber, sink: sink().port });

    expect(outcome.review).toMatchObject({ inlinePosted: 1, deleted: 1, keptForReplies: 1, refused: [] });
    const after = fake.state.reviewComments.get(pullNumber)!;
    expect(after.map((c) => c.body.split('\n')[0] ?? '').filter((b) => !b.startsWith('Why'))).toEqual([
      expect.stringContaining('unused import on a changed line'),
      expect.stringContaining('discussed, then fixed'),
      expect.stringContaining('new in the second run'),
    ]);
    expect(after.some((c) => c.id === 9999)).toBe(true);
    // ruff's run has annotations: a new run; basedpyright's clean run is updated in place.
    const routes = d.log.slice(log).map((e) => e.route ?? '');
    expect(routes.filter((r) => r === 'POST /repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(routes.filter((r) => r === 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}')).toHaveLength(1);
    expect(fake.state.checkRuns.filter((r) => r.name === 'spec-automation / basedpyright')).toHaveLength(1);
    expect(fake.state.checkRuns.filter((r) => r.name === 'spec-automation / ruff').map((r) => r.annotations.length)).toEqual([4, 3]);
    expect(fake.state.reviews.get(pullNumber)).toHaveLength(2);
  });

  it('degrades on a read-only token (fork): no crash, findings to the summary and log annotations, and says why', async () => {
    const { fake, double: d } = await setup({ readOnly: true });
    const out = sink();
    const run = gatesRun([gate({ diagnostics: ruffFindings(), status: 'failed' }), gate({ gate: 'pytest', tool: 'pytest', diagnostics: [failingTest()], status: 'failed' })]);
    const outcome = await reportGates({ client: client(d), repo, sha, run, pullNumber, sink: out.port });

    expect(outcome.degraded).toBe(true);
    expect(outcome.notices[0]).toMatch(/Check runs could not be posted .*Resource not accessible by integration.*Grant `checks: write`/);
    expect(outcome.notices[1]).toMatch(/Review comments could not be posted .*`pull-requests: write`/);
    expect(out.annotated.map((d2) => d2.message)).toEqual([...ruffFindings(), failingTest()].map((d2) => d2.message));
    expect(out.summaries[0]).toContain('> [!WARNING]');
    expect(out.summaries[0]).toContain('checks: write');
    expect(out.summaries[0]).toContain('AssertionError: assert 1 == 2');
    expect(out.warnings).toHaveLength(2);
    expect(fake.state.checkRuns).toEqual([]);
    // It stopped asking after the first refusal.
    expect(d.log.filter((e) => e.method === 'POST' && e.path.endsWith('/check-runs'))).toHaveLength(1);
  });

  it('skips every write when the event already says the token is read-only (fork pull request)', async () => {
    const { double: d } = await setup();
    const fork = pullRequestFromFork();
    const out = sink();
    const isFork = fork.pull_request.head.repo!.full_name !== fork.repository.full_name;
    const outcome = await reportGates({
      client: client(d),
      repo,
      sha: fork.pull_request.head.sha,
      run: gatesRun([gate({ diagnostics: ruffFindings(), status: 'failed' })]),
      pullNumber: fork.number,
      ...(isFork ? { readOnly: { reason: 'This pull request comes from a fork' } } : {}),
      sink: out.port,
    });
    expect(isFork).toBe(true);
    expect(d.log).toEqual([]);
    expect(outcome.notices[0]).toMatch(/^This pull request comes from a fork: results are in this summary/);
    expect(out.annotated).toHaveLength(3);
    expect(out.summaries[0]).toContain('comes from a fork');
  });

  it('finishes the run when GitHub answers a secondary rate limit with retry-after in the middle', async () => {
    const { fake, double: d } = await setup();
    const events: RateLimitEvent[] = [];
    const createRun = fake.handlers['POST /repos/{owner}/{repo}/check-runs']!;
    let calls = 0;
    d.on('POST /repos/{owner}/{repo}/check-runs', (req) => {
      calls += 1;
      if (calls === 2) return { status: 403, body: { message: 'You have exceeded a secondary rate limit.' }, headers: { 'retry-after': '3' } };
      return createRun(req);
    });
    const run = gatesRun([gate({ diagnostics: ruffFindings(), status: 'failed' }), gate({ gate: 'basedpyright', tool: 'basedpyright' })]);
    const outcome = await reportGates({ client: client(d, events), repo, sha, run, pullNumber, sink: sink().port });
    expect(outcome.notices).toEqual([]);
    expect(events).toMatchObject([{ kind: 'secondary', retryAfterSeconds: 3, willRetry: true }]);
    expect(fake.state.checkRuns.map((r) => r.name)).toEqual(['spec-automation / ruff', 'spec-automation / basedpyright']);
  });
});

describe('applyReviewPlan on a 422', () => {
  it('bisects to drop the anchor GitHub refuses and lists it in the body instead of losing the review', async () => {
    const { fake, double: d } = await setup();
    // The plan was made from a diff where line 30 of src/util.py was changed; GitHub's diff no longer has it.
    const staleDiff = new DiffIndex([...FILES.slice(0, 1), { filename: 'src/util.py', status: 'modified', patch: '@@ -10,3 +10,3 @@\n a = 1\n-b = 2\n+b = 3\n c = 4\n@@ -30,1 +30,1 @@\n-x\n+y' }]);
    const good = [1, 2, 3, 4].map((line) => diag({ path: 'src/app.py', range: { start: { line } }, message: `good ${line}` }));
    const bad = diag({ path: 'src/util.py', range: { start: { line: 30 } }, message: 'anchor GitHub refuses' });
    const plan = planReview({ diagnostics: [...good, bad], diff: staleDiff, commitId: sha });
    expect(plan.inline).toHaveLength(5);

    const outcome = await applyReviewPlan(client(d), repo, pullNumber, plan);
    expect(outcome.inlinePosted).toBe(4);
    expect(outcome.refused.map((x) => x.message)).toEqual(['anchor GitHub refuses']);
    const reviews = fake.state.reviews.get(pullNumber)!;
    expect(reviews.at(-1)!.body).toContain('GitHub refused these inline comments');
    expect(reviews.at(-1)!.body).toContain('anchor GitHub refuses');
    expect(fake.state.reviewComments.get(pullNumber)!.map((c) => c.body)).toEqual(
      expect.arrayContaining(good.map((g) => expect.stringContaining(g.message))),
    );
    // 1 refused whole review, then halves: [3 ok] [2 → 422 → 1 ok, 1 refused], then the body.
    expect(d.log.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([422, 200, 422, 200, 422, 200]);
  });

  it('bounds the retries when every anchor is refused (stale head) and still posts the findings', async () => {
    const { fake, double: d } = await setup();
    fake.state.pullFiles.set(pullNumber, [{ filename: 'src/other.py', status: 'modified', patch: '@@ -1,1 +1,1 @@\n-a\n+b' }]);
    const diagnostics = Array.from({ length: 16 }, (_, i) => diag({ path: 'src/app.py', range: { start: { line: i + 1 } }, message: `finding ${i + 1}` }));
    const plan = planReview({ diagnostics, diff: new DiffIndex(FILES) });
    const outcome = await applyReviewPlan(client(d), repo, pullNumber, plan, { maxRetries: 4 });
    expect(outcome.inlinePosted).toBe(0);
    expect(outcome.refused).toHaveLength(16);
    const posts = d.log.filter((e) => e.method === 'POST');
    expect(posts).toHaveLength(1 + 4 + 1);
    expect(posts.at(-1)!.status).toBe(200);
    expect(fake.state.reviews.get(pullNumber)![0]!.body).toContain('finding 16');
  });
});
