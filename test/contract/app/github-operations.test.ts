/**
 * The GitHub operations the app adds to src/github, each request checked against
 * GitHub's OpenAPI description (GraphQL against the harness's schema slice) through nock.
 */
import nock from 'nock';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { getPermission, permits } from '../../../src/github/collaborators.js';
import { commitFiles, getBranchSha } from '../../../src/github/git-data.js';
import { GitHubApiError } from '../../../src/github/errors.js';
import { setExclusiveLabel } from '../../../src/github/labels.js';
import { createPullRequest, markReadyForReview } from '../../../src/github/pull-requests.js';
import { readRepoFile } from '../../../src/github/repo-files.js';
import { GitHubTree } from '../../../src/github/workspace.js';
import { mockGitHub } from '../../support/github/nock.js';

const repo = { owner: 'o', repo: 'r' };
const client = () => new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
const sha = (c: string) => c.repeat(40);

afterEach(() => {
  nock.cleanAll();
});

describe('Git Data', () => {
  it('lands any number of files as one commit in three requests', async () => {
    const github = mockGitHub();
    github.scope
      .post('/repos/o/r/git/trees')
      .reply(201, { sha: sha('t'), url: '', tree: [], truncated: false })
      .post('/repos/o/r/git/commits')
      .reply(201, { sha: sha('c') })
      .patch('/repos/o/r/git/refs/heads%2Fspec%2Fx')
      .reply(200, { ref: 'refs/heads/spec/x', object: { sha: sha('c'), type: 'commit', url: '' } });
    const writes = Array.from({ length: 120 }, (_, i) => ({ path: `src/m${i}.py`, content: `x = ${i}\n` }));
    const result = await commitFiles(client(), repo, {
      branch: 'spec/x',
      parent: { sha: sha('p'), treeSha: sha('b') },
      writes: [...writes, { path: 'old.py', delete: true }, { path: 'run.sh', content: '#!/bin/sh\n', mode: '100755' }],
      message: 'spec-automation: implement x',
    });
    expect(result).toEqual({ sha: sha('c'), treeSha: sha('t'), requests: 3 });
    expect(github.requests.map((r) => r.route)).toEqual(['POST /repos/{owner}/{repo}/git/trees', 'POST /repos/{owner}/{repo}/git/commits', 'PATCH /repos/{owner}/{repo}/git/refs/{ref}']);
    const tree = github.requests[0]!.body as { base_tree: string; tree: { path: string; sha?: null; content?: string; mode: string }[] };
    expect(tree.base_tree).toBe(sha('b'));
    expect(tree.tree).toHaveLength(122);
    expect(tree.tree.find((e) => e.path === 'old.py')).toEqual({ path: 'old.py', mode: '100644', type: 'blob', sha: null });
    expect(tree.tree.find((e) => e.path === 'run.sh')!.mode).toBe('100755');
    expect(github.requests[1]!.body).toEqual({ message: 'spec-automation: implement x', tree: sha('t'), parents: [sha('p')] });
    expect(github.requests[2]!.body).toEqual({ sha: sha('c'), force: false });
  });

  it('says "not fast-forward" in a located error and finds a missing branch as undefined', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/git/ref/heads%2Fspec%2Fgone')
      .reply(404, { message: 'Not Found' })
      .post('/repos/o/r/git/trees')
      .reply(201, { sha: sha('t') })
      .post('/repos/o/r/git/commits')
      .reply(201, { sha: sha('c') })
      .patch('/repos/o/r/git/refs/heads%2Fspec%2Fx')
      .reply(422, { message: 'Update is not a fast forward' });
    expect(await getBranchSha(client(), repo, 'spec/gone')).toBeUndefined();
    const failure = commitFiles(client(), repo, { branch: 'spec/x', parent: { sha: sha('p'), treeSha: sha('b') }, writes: [{ path: 'a', content: 'a' }], message: 'm' });
    await expect(failure).rejects.toThrow(/move the branch spec\/x to ccccccc: GitHub rejected the request \(422 Update is not a fast forward/);
  });
});

describe('GitHubTree', () => {
  it('reads the listing once and each blob once, lazily; classifies text, binary and large files', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/git/commits/' + sha('c'))
      .reply(200, { sha: sha('c'), tree: { sha: sha('t') }, parents: [], message: 'm' })
      .get('/repos/o/r/git/trees/' + sha('t'))
      .query({ recursive: '1' })
      .reply(200, {
        sha: sha('t'),
        truncated: false,
        tree: [
          { path: 'src', mode: '040000', type: 'tree', sha: sha('d') },
          { path: 'src/app.py', mode: '100644', type: 'blob', sha: sha('1'), size: 12 },
          { path: 'logo.png', mode: '100644', type: 'blob', sha: sha('2'), size: 4 },
          { path: 'big.json', mode: '100644', type: 'blob', sha: sha('3'), size: 5_000_000 },
          { path: 'link', mode: '120000', type: 'blob', sha: sha('4'), size: 6 },
          { path: 'vendor/lib', mode: '160000', type: 'commit', sha: sha('5') },
        ],
      })
      .get('/repos/o/r/git/blobs/' + sha('1'))
      .reply(200, { sha: sha('1'), size: 12, content: Buffer.from('print("hi")\n').toString('base64'), encoding: 'base64' })
      .get('/repos/o/r/git/blobs/' + sha('2'))
      .reply(200, { sha: sha('2'), size: 4, content: Buffer.from([0x89, 0x50, 0x00, 0x47]).toString('base64'), encoding: 'base64' });
    const tree = new GitHubTree(client(), repo, sha('c'));
    expect(await tree.listFiles()).toEqual(['big.json', 'logo.png', 'src/app.py']);
    expect(await tree.readFile('src/app.py')).toEqual({ kind: 'text', text: 'print("hi")\n', bytes: 12 });
    expect(await tree.readFile('./src/app.py')).toEqual({ kind: 'text', text: 'print("hi")\n', bytes: 12 });
    expect(await tree.readFile('logo.png')).toEqual({ kind: 'binary', bytes: 4 });
    expect(await tree.readFile('big.json')).toEqual({ kind: 'too-large', bytes: 5_000_000 });
    expect(await tree.readFile('missing.py')).toBeUndefined();
    await expect(tree.readFile('src')).rejects.toMatchObject({ code: 'is-directory' });
    await expect(tree.readFile('link')).rejects.toMatchObject({ code: 'io' });
    await expect(tree.readFile('../etc/passwd')).rejects.toMatchObject({ code: 'outside-root' });
    expect(github.requests).toHaveLength(4);
    expect(tree.requests).toBe(4);
  });
});

describe('pull requests', () => {
  it('opens a normal pull request when the plan offers no drafts', async () => {
    const github = mockGitHub();
    const pr = { number: 3, node_id: 'PR_3', state: 'open', draft: false, head: { ref: 'spec/x', sha: sha('h'), repo: { full_name: 'o/r' } }, base: { ref: 'main' }, labels: [], body: 'b', html_url: 'https://github.com/o/r/pull/3' };
    github.scope
      .post('/repos/o/r/pulls', (b: { draft: boolean }) => b.draft === true)
      .reply(422, { message: 'Validation Failed', errors: [{ message: 'Draft pull requests are not supported in this repository.' }] })
      .post('/repos/o/r/pulls', (b: { draft: boolean }) => b.draft === false)
      .reply(201, pr);
    const created = await createPullRequest(client(), repo, { title: 't', head: 'spec/x', base: 'main', body: 'b', draft: true });
    expect(created).toMatchObject({ number: 3, draft: false, headRef: 'spec/x', headRepo: 'o/r' });
  });

  it('marks ready through GraphQL and maps GraphQL errors', async () => {
    const github = mockGitHub();
    github.scope
      .post('/graphql')
      .reply(200, { data: { markPullRequestReadyForReview: { pullRequest: { number: 3, isDraft: false } } } })
      .post('/graphql')
      .reply(200, { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
    await markReadyForReview(client(), { number: 3, nodeId: 'PR_3' });
    expect(github.requests[0]!.body).toMatchObject({ variables: { id: 'PR_3' } });
    const failure = await markReadyForReview(client(), { number: 3, nodeId: 'PR_3' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GitHubApiError);
    expect(failure).toMatchObject({ kind: 'permission', permission: 'pull-requests: write' });
  });
});

describe('permissions, labels, files', () => {
  it('prefers role_name (maintain, triage) and treats a non-collaborator as none', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/collaborators/m/permission')
      .reply(200, { permission: 'write', role_name: 'maintain', user: null })
      .get('/repos/o/r/collaborators/t/permission')
      .reply(200, { permission: 'read', role_name: 'triage', user: null })
      .get('/repos/o/r/collaborators/x/permission')
      .reply(404, { message: 'x is not a user' });
    expect(await getPermission(client(), repo, 'm')).toBe('maintain');
    expect(await getPermission(client(), repo, 't')).toBe('triage');
    expect(await getPermission(client(), repo, 'x')).toBe('none');
    expect(permits('maintain', 'write')).toBe(true);
    expect(permits('triage', 'write')).toBe(false);
    expect(permits('write', 'admin')).toBe(false);
  });

  it('leaves exactly one label of the family and keeps the others', async () => {
    const github = mockGitHub();
    github.scope
      .post('/repos/o/r/issues/5/labels', { labels: ['spec:ready'] })
      .reply(200, [])
      .delete('/repos/o/r/issues/5/labels/spec%3Aqa')
      .reply(200, [])
      .delete('/repos/o/r/issues/5/labels/spec%3Afixing')
      .reply(404, { message: 'Label does not exist' });
    const result = await setExclusiveLabel(client(), repo, 5, 'spec:ready', ['bug', 'spec:qa', 'spec:fixing'], (l) => l.startsWith('spec:'));
    expect(result).toEqual({ labels: ['bug', 'spec:ready'], requests: 3 });
    expect(await setExclusiveLabel(client(), repo, 5, 'spec:ready', ['bug', 'spec:ready'], (l) => l.startsWith('spec:'))).toEqual({ labels: ['bug', 'spec:ready'], requests: 0 });
  });

  it('reads a file as text, a missing one as undefined, and refuses a directory', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/contents/.github%2Fspec-automation.yml')
      .reply(200, { type: 'file', encoding: 'base64', size: 6, name: 'x', path: 'x', content: Buffer.from('a: 1\n').toString('base64'), sha: sha('f') })
      .get('/repos/o/r/contents/missing.yml')
      .reply(404, { message: 'Not Found' })
      .get('/repos/o/r/contents/docs')
      .reply(200, []);
    expect(await readRepoFile(client(), repo, '.github/spec-automation.yml')).toEqual({ text: 'a: 1\n', sha: sha('f') });
    expect(await readRepoFile(client(), repo, 'missing.yml')).toBeUndefined();
    await expect(readRepoFile(client(), repo, 'docs')).rejects.toThrow('docs is not a file');
  });
});

describe('the object cache', () => {
  it('computes blob ids as git does and serves a committed tree without asking GitHub', async () => {
    const { blobShaOf } = await import('../../../src/github/git-data.js');
    const { GitObjectCache } = await import('../../../src/github/object-cache.js');
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobShaOf(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const cache = new GitObjectCache();
    cache.setListing('o/r', sha('b'), { entries: [{ path: 'a.py', mode: '100644', type: 'blob', sha: sha('1'), size: 2 }, { path: 'gone.py', mode: '100644', type: 'blob', sha: sha('2'), size: 2 }], truncated: false });
    cache.rememberCommit('o/r', { sha: sha('c'), treeSha: sha('t') }, sha('b'), [{ path: 'new.py', content: 'hello\n' }, { path: 'gone.py', delete: true }]);
    const github = mockGitHub();
    const tree = new GitHubTree(client(), repo, sha('c'), { objects: cache });
    expect(await tree.listFiles()).toEqual(['a.py', 'new.py']);
    expect(await tree.readFile('new.py')).toEqual({ kind: 'text', text: 'hello\n', bytes: 6 });
    expect(github.requests).toEqual([]);
    expect(tree.requests).toBe(0);
  });
});
