/**
 * Runs the spec-automation Probot app the way GitHub drives it, against the stateful
 * fake repository on a loopback double (every request checked against GitHub's OpenAPI
 * description): a real Probot with a throwaway RSA key made at test time (JWTs and
 * installation tokens go through the double), webhook payloads from
 * @octokit/webhooks-examples adapted to the fake repository, and a pino logger whose
 * every line is kept (for the secrets canary and for failure output).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import examples from '@octokit/webhooks-examples';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { afterEach, onTestFailed } from 'vitest';
import { ReplayModel } from '../../../src/adapters/anthropic/replay-model.js';
import { createApp, type AppHost, type SpecAutomationApp } from '../../../src/app/create-app.js';
import type { AppDeps } from '../../../src/app/context.js';
import { Redactor } from '../../../src/pipeline/redact.js';
import { specPipeline } from '../../../src/app/spec-pipeline.js';
import type { GateResult } from '../../../src/pipeline/gate-result.js';
import { renderCheckRun } from '../../../src/reporting/check-run.js';
import type { ModelPort } from '../../../src/pipeline/agent/model-port.js';
import type { DoubleResponse, GitHubDouble } from '../../support/github/double.js';
import { decodeState } from '../../../src/pipeline/workflow/state-document.js';
import type { WorkflowState } from '../../../src/pipeline/workflow/state.js';
import { startFakeRepo, type FakeRepo, type FakeRepoOptions } from '../../support/github/fake-repo.js';

export const FIXTURES = new URL('../../fixtures/app/', import.meta.url).pathname;
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** Files of a fixture directory, path → text. */
export function fixtureFiles(dir: string): Record<string, string> {
  const root = join(FIXTURES, dir);
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** A throwaway app key, made for the test run and never written to disk. */
export function throwawayKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
}

type Example = { name: string; examples: Record<string, unknown>[] };

/** A deep copy of the first example payload of `event` (and `action`). */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const found = (examples as unknown as Example[]).find((e) => e.name === event)?.examples.find((x) => action === undefined || x.action === action);
  if (!found) throw new Error(`no example payload for ${event}${action ? `.${action}` : ''}`);
  return structuredClone(found);
}

export interface HarnessOptions {
  repo?: FakeRepoOptions;
  /** Another app process on the same GitHub: reuse a running fake (a second replica, a restart). */
  reuse?: { fake: FakeRepo; double: GitHubDouble };
  /** Model responses; default: none (a run that reaches the agent fails the test). */
  model?: ModelPort;
  deps?: Partial<AppDeps>;
  /**
   * `fast` (default): retry and throttling off (function-form defaults; the object form
   * does not switch Probot's throttling off). `retrying`: both on, with their waits at 0.
   */
  octokit?: 'fast' | 'retrying';
  /** Secrets the redactor knows (the canary test plants them). */
  secrets?: string[];
  /** Where jobs wait (default: in memory); the Postgres tests pass a Postgres queue. */
  host?: AppHost;
}

export interface AppHarness {
  probot: Probot;
  app: SpecAutomationApp;
  fake: FakeRepo;
  double: GitHubDouble;
  logs: string[];
  /** Waits the app asked for (recorded, not waited). */
  sleeps: number[];
  privateKey: string;
  /** Delivers a webhook and waits until the queue is idle. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<string>;
  /** Waits for queued work. */
  settle(): Promise<void>;
  /** The request log as a conversation, one line per exchange. */
  conversation(): string;
  close(): Promise<void>;
}

const noWait = () => ({ schedule: (_o: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(fn(...args)) });

/**
 * Starts harnesses for one test file: call once at the top of the file. Each harness the
 * returned function starts is closed after its test, and its GitHub conversation and the
 * app's warnings and errors are printed when the test fails.
 */
export function trackAppHarnesses(): (options?: HarnessOptions) => Promise<AppHarness> {
  const started: AppHarness[] = [];
  afterEach(async () => {
    while (started.length > 0) await started.pop()!.close();
  });
  return async (options = {}) => {
    const h = await startAppHarness(options);
    started.push(h);
    onTestFailed(() => console.log(`GitHub conversation:\n${h.conversation()}\n${h.logs.filter((l) => /"level":(40|50)/.test(l)).join('')}`));
    return h;
  };
}

export async function startAppHarness(options: HarnessOptions = {}): Promise<AppHarness> {
  const { fake, double } = options.reuse ?? (await startFakeRepo(options.repo));
  const privateKey = throwawayKey();
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = pino({ level: 'trace' }, stream);
  const Octokit =
    options.octokit === 'retrying'
      ? ProbotOctokit.defaults((o: Record<string, unknown>) => ({
          ...o,
          retry: { retryAfterBaseValue: 0 },
          throttle: {
            ...(o.throttle as object),
            retryAfterBaseValue: 0,
            global: { key: noWait },
            write: { key: noWait },
            notifications: { key: noWait },
            search: { key: noWait },
          },
        }))
      : ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
  const probot = new Probot({ appId: 9001, privateKey, secret: WEBHOOK_SECRET, baseUrl: double.url, log, Octokit });
  let clock = Date.parse('2026-07-01T12:00:00Z');
  const sleeps: number[] = [];
  const app = createApp({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    model: () => {
      if (!options.model) throw new Error('this test gives the agent no model');
      return options.model;
    },
    specs: specPipeline,
    now: () => (clock += 1000),
    concurrency: 2,
    recovery: 'off',
    trustedGateApps: ['github-actions'],
    redactor: new Redactor(options.secrets ?? []),
    ...options.deps,
  }, options.host);
  await probot.load(app);
  const settle = async () => {
    // A job may queue others (push → start): wait until nothing is left.
    for (let i = 0; i < 20; i++) {
      await app.runtime.queue.idle();
      await new Promise((r) => setImmediate(r));
      if (app.runtime.queue.stats().keys === 0) return;
    }
  };
  return {
    probot,
    app,
    fake,
    double,
    logs,
    sleeps,
    privateKey,
    async deliver(name, payload, id = randomUUID()) {
      await probot.receive({ id, name, payload } as never);
      await settle();
      return id;
    },
    settle,
    conversation: () => conversation(double),
    close: async () => {
      await app.runtime.queue.close();
      if (!options.reuse) await double.close();
    },
  };
}

export const SPEC_PATH = 'docs/greeting.md';
export const SPEC_BRANCH = 'spec/fs-greet';

/** The fixture repository without its spec, and the spec's text. */
export function greetingRepo(): { files: Record<string, string>; spec: string } {
  const files = fixtureFiles('repo');
  const spec = files[SPEC_PATH]!;
  delete files[SPEC_PATH];
  return { files, spec };
}

/** Pushes the greeting spec to main and delivers the push; the run reaches qa when the model answers. */
export async function pushSpec(h: AppHarness, spec: string, id?: string): Promise<{ pushed: string; payload: Record<string, unknown>; deliveryId: string }> {
  const before = h.fake.head('main')!;
  const pushed = h.fake.commit('main', { [SPEC_PATH]: spec }, 'Add the greeting spec');
  const payload = pushPayload(h.fake, { before, after: pushed, added: [SPEC_PATH] });
  const deliveryId = await h.deliver('push', payload, id);
  return { pushed, payload, deliveryId };
}

/** A failing pytest result for the greeting's FR-1 test. */
export function failingPytest(): GateResult {
  return gate(
    'pytest',
    'failed',
    [
      {
        source: 'pytest',
        path: 'tests/test_greet.py',
        range: { start: { line: 8 } },
        severity: 'error',
        rule: 'test.failed',
        message: "tests/test_greet.py::test_greets_by_name: AssertionError: assert 'Hello Ada!' == 'Hello, Ada!'",
        fingerprint: 'fp-greet-1',
      },
    ],
    { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 40, cases: [] },
  );
}

/** The decoded state of the app's state comment on `pr`. */
export function stateOf(fake: FakeRepo, pr: number): WorkflowState {
  const comment = fake.github.state.issueComments.find((c) => c.issue_number === pr && c.user.login === 'spec-automation[bot]' && c.body.includes('<!-- spec-automation:state'));
  if (!comment) throw new Error(`no state comment on #${pr}`);
  const decoded = decodeState(comment.body);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.state;
}

/** Makes the double answer `response` the first `times` times `route` is called, then as before. */
export function failNext(h: AppHarness, route: string, response: DoubleResponse, times = 1): { count: () => number } {
  const original = h.fake.handlers[route];
  let failed = 0;
  h.double.on(route, async (req) => {
    if (failed < times) {
      failed += 1;
      return response;
    }
    if (!original) return { status: 404, body: { message: 'Not Found' } };
    return original(req);
  });
  return { count: () => failed };
}

/** One line per exchange, bodies summarised: what a reviewer reads to judge the conversation. */
export function conversation(double: GitHubDouble): string {
  return double.log
    .map((e, i) => {
      const q = Object.keys(e.query).length > 0 ? `?${new URLSearchParams(e.query).toString()}` : '';
      const b = e.body as Record<string, unknown> | undefined;
      let note = '';
      if (b && typeof b === 'object') {
        if (typeof b.message === 'string') note = ` "${b.message.split('\n')[0]}"`;
        else if (typeof b.name === 'string' && typeof b.head_sha === 'string') note = ` ${b.name} ${String(b.status ?? '')} ${String(b.conclusion ?? '')}`.trimEnd();
        else if (Array.isArray(b.labels)) note = ` ${(b.labels as string[]).join(',')}`;
        else if (typeof b.content === 'string') note = ` ${b.content}`;
        else if (b.status || b.conclusion) note = ` ${String(b.status ?? '')} ${String(b.conclusion ?? '')}`.trimEnd();
        else if (typeof b.body === 'string') note = ` "${b.body.replace(/<!--[\s\S]*?-->/g, '').trim().split('\n')[0]!.slice(0, 70)}"`;
        else if (Array.isArray(b.tree)) note = ` ${(b.tree as { path: string }[]).map((t) => t.path).join(', ')}`;
        else if (typeof b.title === 'string') note = ` "${b.title}"${b.draft ? ' draft' : ''}`;
        else if (typeof b.query === 'string') note = ` ${/\{\s*(\w+)/.exec(b.query.replace(/^[^{]*\{/, '{'))?.[1] ?? 'graphql'}`;
      }
      return `${String(i + 1).padStart(3)}. ${e.method} ${e.path}${q} → ${e.status}${note}`;
    })
    .join('\n');
}

/** Adapts the webhooks-examples push payload to the fake repository. */
export function pushPayload(fake: FakeRepo, push: { branch?: string; before: string; after: string; added?: string[]; modified?: string[]; fork?: boolean; sender?: string }): Record<string, unknown> {
  const p = examplePayload('push');
  const repository = p.repository as Record<string, unknown>;
  Object.assign(repository, { name: fake.repo, full_name: `${fake.owner}/${fake.repo}`, html_url: `https://github.com/${fake.owner}/${fake.repo}`, default_branch: fake.defaultBranch, master_branch: fake.defaultBranch, fork: push.fork === true });
  (repository.owner as Record<string, unknown>).login = fake.owner;
  (repository.owner as Record<string, unknown>).name = fake.owner;
  const commit = fake.state.commits.get(push.after)!;
  p.ref = `refs/heads/${push.branch ?? fake.defaultBranch}`;
  p.before = push.before;
  p.after = push.after;
  const headCommit = { ...(p.head_commit as Record<string, unknown> | null ?? {}), id: push.after, tree_id: commit.tree, message: commit.message, added: push.added ?? [], modified: push.modified ?? [], removed: [] };
  p.head_commit = headCommit;
  p.commits = [headCommit];
  p.installation = { id: fake.installationId, node_id: 'I_1' };
  (p.sender as Record<string, unknown>).login = push.sender ?? 'ada';
  return p;
}

function repositoryOf(fake: FakeRepo, example: Record<string, unknown>): void {
  const repository = example.repository as Record<string, unknown>;
  Object.assign(repository, { name: fake.repo, full_name: `${fake.owner}/${fake.repo}`, html_url: `https://github.com/${fake.owner}/${fake.repo}`, default_branch: fake.defaultBranch, fork: false });
  (repository.owner as Record<string, unknown>).login = fake.owner;
  example.installation = { id: fake.installationId, node_id: 'I_1' };
}

/** A `/spec …` comment on a pull request, as GitHub sends it (the comment is also stored in the fake). */
export function commentPayload(fake: FakeRepo, pr: number, body: string, user: { login: string; type?: 'User' | 'Bot' }): Record<string, unknown> {
  const p = examplePayload('issue_comment', 'created');
  repositoryOf(fake, p);
  const id = 700_000 + fake.github.state.issueComments.length;
  fake.github.state.issueComments.push({ id, issue_number: pr, body, user: { login: user.login, type: user.type ?? 'User' } });
  const issue = p.issue as Record<string, unknown>;
  Object.assign(issue, { number: pr, pull_request: { url: '', html_url: '', diff_url: '', patch_url: '' } });
  const comment = p.comment as Record<string, unknown>;
  Object.assign(comment, { id, body, user: { ...(comment.user as object), login: user.login, type: user.type ?? 'User' }, author_association: 'OWNER' });
  (p.sender as Record<string, unknown>).login = user.login;
  return p;
}

/** A click on a button (or "Re-run") of one of the app's check runs. */
export function checkRunActionPayload(fake: FakeRepo, run: { id: number; name: string; head_sha: string; external_id?: string | null }, action: 'requested_action' | 'rerequested', user: string, identifier?: string): Record<string, unknown> {
  const p = examplePayload('check_run', action);
  repositoryOf(fake, p);
  const checkRun = p.check_run as Record<string, unknown>;
  Object.assign(checkRun, { id: run.id, name: run.name, head_sha: run.head_sha, external_id: run.external_id ?? '', app: { ...(checkRun.app as object), id: 9001, slug: 'spec-automation' } });
  (checkRun.check_suite as Record<string, unknown>).head_branch = run.external_id ?? null;
  if (identifier) p.requested_action = { identifier };
  else delete p.requested_action;
  Object.assign(p.sender as Record<string, unknown>, { login: user, type: 'User' });
  return p;
}

/**
 * What the gates workflow does on a spec branch, as the action would: one check run per
 * gate (made with GITHUB_TOKEN, so by the `github-actions` app) whose summary carries the
 * results block, then the workflow run completes. Returns the `workflow_run.completed`
 * payload GitHub would send.
 */
export function runGatesWorkflow(fake: FakeRepo, branch: string, gates: GateResult[], options: { name?: string; conclusion?: string } = {}): Record<string, unknown> {
  const sha = fake.head(branch)!;
  for (const gate of gates) {
    const plan = renderCheckRun(gate, { sha });
    fake.github.state.checkRuns.push({
      id: 50_000 + fake.github.state.checkRuns.length,
      name: plan.name,
      head_sha: sha,
      status: 'completed',
      conclusion: plan.conclusion,
      started_at: '2026-07-01T12:00:00Z',
      completed_at: '2026-07-01T12:03:00Z',
      details_url: null,
      output: { title: plan.output.title, summary: plan.output.summary, text: plan.output.text ?? null },
      annotations: plan.annotations,
      app: { id: 15368, slug: 'github-actions' },
      writes: 1,
    });
  }
  const conclusion = options.conclusion ?? (gates.every((g) => g.status === 'passed') ? 'success' : 'failure');
  const id = 8_000_000 + fake.state.workflowRuns.length;
  fake.state.workflowRuns.push({ id, name: options.name ?? 'spec-automation', head_sha: sha, head_branch: branch, event: 'push', status: 'completed', conclusion, reruns: 0 });
  const p = examplePayload('workflow_run', 'completed');
  repositoryOf(fake, p);
  const run = p.workflow_run as Record<string, unknown>;
  Object.assign(run, {
    id,
    name: options.name ?? 'spec-automation',
    head_branch: branch,
    head_sha: sha,
    event: 'push',
    status: 'completed',
    conclusion,
    pull_requests: [],
    head_repository: { ...(run.head_repository as object), full_name: `${fake.owner}/${fake.repo}` },
  });
  return p;
}

/** A gate result as the gates engine reports it. */
export function gate(name: string, status: GateResult['status'], diagnostics: GateResult['diagnostics'] = [], tests?: GateResult['tests']): GateResult {
  return { gate: name, tool: name, status, exitCode: status === 'passed' ? 0 : 1, durationMs: 1200, fromCache: false, command: [name], diagnostics, ...(tests ? { tests } : {}) };
}

export async function replay(session: string): Promise<ReplayModel> {
  return ReplayModel.fromFile(join(FIXTURES, session));
}
