/**
 * app.yml asks for exactly what the app uses: the events it handles, and the
 * permissions of every request it makes in a full loop (push, validate, run, gates,
 * fix, ready, commands, re-run of the gates, recovery at start).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createApp } from '../../../src/app/create-app.js';
import { Redactor } from '../../../src/pipeline/redact.js';
import { specPipeline } from '../../../src/app/spec-pipeline.js';
import { commentPayload, failingPytest, gate, greetingRepo, pushSpec, replay, runGatesWorkflow, SPEC_BRANCH, trackAppHarnesses } from './harness.js';

const manifest = parse(readFileSync(new URL('../../../app.yml', import.meta.url), 'utf8')) as { default_events: string[]; default_permissions: Record<string, string> };

/** The permission each route needs (GitHub's REST reference, "Fine-grained access tokens" section of each endpoint). */
const PERMISSION_OF: Record<string, [string, 'read' | 'write'] | 'app'> = {
  'GET /app': 'app',
  'GET /app/installations': 'app',
  'POST /app/installations/{installation_id}/access_tokens': 'app',
  'GET /repos/{owner}/{repo}/contents/{path}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/git/ref/{ref}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/compare/{basehead}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/compare/{base}...{head}': ['contents', 'read'],
  'GET /repos/{owner}/{repo}/commits/{ref}': ['contents', 'read'],
  'POST /repos/{owner}/{repo}/git/commits': ['contents', 'write'],
  'POST /repos/{owner}/{repo}/git/trees': ['contents', 'write'],
  'POST /repos/{owner}/{repo}/git/refs': ['contents', 'write'],
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': ['contents', 'write'],
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': ['checks', 'read'],
  'POST /repos/{owner}/{repo}/check-runs': ['checks', 'write'],
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': ['checks', 'write'],
  'GET /repos/{owner}/{repo}/pulls': ['pull_requests', 'read'],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': ['pull_requests', 'read'],
  'POST /repos/{owner}/{repo}/pulls': ['pull_requests', 'write'],
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': ['pull_requests', 'write'],
  'POST /graphql': ['pull_requests', 'write'],
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': ['issues', 'read'],
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': ['issues', 'write'],
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': ['issues', 'read'],
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': ['issues', 'write'],
  'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions': ['issues', 'write'],
  'POST /repos/{owner}/{repo}/labels': ['issues', 'write'],
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': ['issues', 'write'],
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': ['issues', 'write'],
  'GET /search/issues': ['issues', 'read'],
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission': ['metadata', 'read'],
  'GET /repos/{owner}/{repo}/actions/runs': ['actions', 'read'],
  'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun': ['actions', 'write'],
};

const startHarness = trackAppHarnesses();

describe('app.yml', () => {
  it('subscribes to exactly the events the app handles', async () => {
    const events: string[] = [];
    const fakeProbot = { log: { debug() {}, info() {}, warn() {}, error() {} }, auth: async () => ({}), on: (names: string | string[]) => events.push(...[names].flat()) };
    createApp({ specs: specPipeline, recovery: 'off', redactor: new Redactor([]) })(fakeProbot as never, { cwd: '.', addHandler: () => undefined });
    const handled = [...new Set(events.map((e) => e.split('.')[0]!))].sort();
    expect(handled).toEqual([...manifest.default_events].sort());
  });

  it('asks for exactly the permissions of the requests a full loop makes', async () => {
    const repo = greetingRepo();
    const h = await startHarness({ repo: { files: repo.files }, model: await replay('greeting-loop.jsonl') });
    h.fake.state.permissions.set('ada', 'admin');
    await pushSpec(h, repo.spec);
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), failingPytest()]));
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed')], { conclusion: 'failure' }));
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry qa', { login: 'ada' }));
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec status', { login: 'ada' }));
    const restarted = await startHarness({ reuse: { fake: h.fake, double: h.double }, deps: { recovery: 'mark' } });
    await restarted.settle();
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]));

    const routes = [...new Set(h.double.log.map((e) => e.route ?? `${e.method} ${e.path}`))].sort();
    const unknown = routes.filter((r) => !(r in PERMISSION_OF));
    expect(unknown, 'routes without a known permission: add them to PERMISSION_OF (and app.yml if needed)').toEqual([]);
    const needed: Record<string, string> = { metadata: 'read' };
    for (const r of routes) {
      const p = PERMISSION_OF[r]!;
      if (p === 'app') continue;
      const [name, level] = p;
      if (needed[name] !== 'write') needed[name] = level;
    }
    expect(needed).toEqual(manifest.default_permissions);
    expect(manifest.default_permissions).not.toHaveProperty('workflows');
  });
});
