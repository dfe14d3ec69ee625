// The app passes Probot's Octokit (retry and throttling built in) to the same operations.
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, expect, it } from 'vitest';
import { upsertStickyComment } from '../../../src/github/issue-comments.js';
import type { GitHubClient } from '../../../src/github/types.js';
import { mockGitHub } from '../../support/github/nock.js';

afterEach(() => {
  nock.cleanAll();
});

it('runs over Probot\'s Octokit unchanged', async () => {
  // Function-form defaults: the object form does not switch Probot's throttling off (reference, P1).
  const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
  const octokit = new TestOctokit({ auth: { token: 'ghs_test' } });
  const client: GitHubClient = octokit;
  const github = mockGitHub();
  github.scope
    .get('/repos/o/r/issues/3/comments')
    .query({ per_page: '100', page: '1' })
    .reply(200, [])
    .post('/repos/o/r/issues/3/comments')
    .reply(201, { id: 77, html_url: 'https://github.com/o/r/pull/3#issuecomment-77' });
  const result = await upsertStickyComment(client, { owner: 'o', repo: 'r' }, 3, { marker: '<!-- spec-automation:state -->', body: 'phase: qa', ourLogin: 'spec-automation[bot]' });
  expect(result).toMatchObject({ action: 'created', id: 77 });
  expect(github.requests[1]!.body).toEqual({ body: '<!-- spec-automation:state -->\nphase: qa' });
});
