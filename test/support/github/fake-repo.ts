/**
 * A stateful fake of one GitHub repository as the spec-automation app sees it, built on
 * the fake of ./fake-github.ts (check runs, comments, issues, labels) and adding what
 * the app needs besides: Git Data (blobs, trees, commits, refs, with real git object
 * ids), contents, compare, pull requests, repository labels, reactions, collaborator
 * permissions, workflow runs, issue search, the app's own endpoints (GET /app,
 * installations, installation tokens) and the one GraphQL mutation the app sends
 * (`markPullRequestReadyForReview`). Every request is still checked against GitHub's
 * OpenAPI description (GraphQL against ./graphql.ts) by the double that serves it.
 */
import { createHash } from 'node:crypto';
import { startGitHubDouble, type DoubleHandler, type DoubleRequest, type DoubleResponse, type GitHubDouble } from './double.js';
import { createFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './fake-github.js';

export interface FakeTreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}

export interface FakeCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  date: string;
}

export interface FakePull {
  number: number;
  node_id: string;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  draft: boolean;
}

export interface FakeWorkflowRun {
  id: number;
  name: string;
  head_sha: string;
  head_branch: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  reruns: number;
}

export interface FakeRepoState {
  blobs: Map<string, Buffer>;
  trees: Map<string, FakeTreeEntry[]>;
  commits: Map<string, FakeCommit>;
  /** `heads/main` → sha. */
  refs: Map<string, string>;
  pulls: FakePull[];
  /** Repository labels. */
  labels: Set<string>;
  reactions: { commentId: number; content: string }[];
  /** login → permission (`admin`, `maintain`, `write`, `triage`, `read`); absent means not a collaborator. */
  permissions: Map<string, string>;
  workflowRuns: FakeWorkflowRun[];
  tokensIssued: number;
}

export interface FakeRepoOptions extends Omit<FakeGitHubOptions, 'baseUrl'> {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  installationId?: number;
  /** Files of the first commit on the default branch. */
  files?: Record<string, string>;
}

export interface FakeRepo {
  owner: string;
  repo: string;
  defaultBranch: string;
  installationId: number;
  github: FakeGitHub;
  state: FakeRepoState;
  handlers: Record<string, DoubleHandler>;
  /** Commits files on a branch (as a person pushing would) and returns the new sha. */
  commit(branch: string, files: Record<string, string | null>, message: string): string;
  /** The files of a commit (or a branch), path → text. */
  filesAt(refOrSha: string): Map<string, string>;
  /** The sha a branch points at. */
  head(branch: string): string | undefined;
  /** The pull request whose head is `branch`. */
  pullFor(branch: string): FakePull | undefined;
  /** Labels on an issue or pull request. */
  labelsOf(number: number): string[];
}

const MODE_TREE = '040000';

function sha1(type: string, body: Buffer): string {
  return createHash('sha1').update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])).digest('hex');
}

function error(status: number, message: string, errors: unknown[] = []): DoubleResponse {
  return { status, body: { message, ...(errors.length ? { errors } : {}), documentation_url: 'https://docs.github.com/rest', status: String(status) } };
}

export function createFakeRepo(options: FakeRepoOptions = {}): FakeRepo {
  const owner = options.owner ?? 'octo-org';
  const repoName = options.repo ?? 'tasklet';
  const defaultBranch = options.defaultBranch ?? 'main';
  const installationId = options.installationId ?? 4242;
  const github = createFakeGitHub({ login: 'spec-automation[bot]', appSlug: 'spec-automation', appId: 9001, ...options });
  const state: FakeRepoState = {
    blobs: new Map(),
    trees: new Map(),
    commits: new Map(),
    refs: new Map(),
    pulls: [],
    labels: new Set(),
    reactions: [],
    permissions: new Map(),
    workflowRuns: [],
    tokensIssued: 0,
  };
  let clock = Date.parse('2026-07-01T10:00:00Z');
  const nextDate = () => new Date((clock += 1000)).toISOString();
  let nextNumber = 0;
  const htmlBase = `https://github.com/${owner}/${repoName}`;

  const writeBlob = (content: Buffer): string => {
    const sha = sha1('blob', content);
    state.blobs.set(sha, content);
    return sha;
  };
  const writeTree = (entries: FakeTreeEntry[]): string => {
    const sorted = [...entries].sort((a, b) => (a.type === 'tree' ? `${a.name}/` : a.name).localeCompare(b.type === 'tree' ? `${b.name}/` : b.name));
    const body = Buffer.concat(sorted.map((e) => Buffer.concat([Buffer.from(`${e.mode === MODE_TREE ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')])));
    const sha = sha1('tree', body);
    state.trees.set(sha, sorted);
    return sha;
  };
  /** path → {sha, mode} of every blob under a tree. */
  const flatten = (treeSha: string, prefix = '', out = new Map<string, { sha: string; mode: string }>()) => {
    for (const e of state.trees.get(treeSha) ?? []) {
      const path = prefix + e.name;
      if (e.type === 'tree') flatten(e.sha, `${path}/`, out);
      else out.set(path, { sha: e.sha, mode: e.mode });
    }
    return out;
  };
  const build = (flat: Map<string, { sha: string; mode: string }>): string => {
    const root = new Map<string, unknown>();
    for (const [path, blob] of flat) {
      const parts = path.split('/');
      let node = root;
      for (const dir of parts.slice(0, -1)) {
        if (!node.has(dir)) node.set(dir, new Map<string, unknown>());
        node = node.get(dir) as Map<string, unknown>;
      }
      node.set(parts[parts.length - 1]!, blob);
    }
    const write = (node: Map<string, unknown>): string =>
      writeTree(
        [...node.entries()].map(([name, v]) =>
          v instanceof Map ? { name, mode: MODE_TREE, type: 'tree' as const, sha: write(v as Map<string, unknown>) } : { name, mode: (v as { mode: string }).mode, type: 'blob' as const, sha: (v as { sha: string }).sha },
        ),
      );
    return write(root);
  };
  const writeCommit = (tree: string, parents: string[], message: string): string => {
    const date = nextDate();
    const seconds = Math.floor(Date.parse(date) / 1000);
    const text = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author spec-automation <bot@example.com> ${seconds} +0000`, `committer spec-automation <bot@example.com> ${seconds} +0000`, '', message].join('\n');
    const sha = sha1('commit', Buffer.from(text));
    state.commits.set(sha, { sha, tree, parents, message, date });
    return sha;
  };
  /** A sha, `heads/x`, `refs/heads/x` or a branch name → commit sha. */
  const resolve = (ref: string): string | undefined => {
    if (state.commits.has(ref)) return ref;
    const name = ref.replace(/^refs\//, '').replace(/^heads\//, '');
    return state.refs.get(`heads/${name}`);
  };
  const isAncestor = (ancestor: string, of: string): boolean => {
    const seen = new Set<string>();
    const stack = [of];
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      stack.push(...(state.commits.get(sha)?.parents ?? []));
    }
    return false;
  };
  const filesAt = (refOrSha: string): Map<string, string> => {
    const sha = resolve(refOrSha);
    const commit = sha ? state.commits.get(sha) : undefined;
    const out = new Map<string, string>();
    if (!commit) return out;
    for (const [path, blob] of flatten(commit.tree)) out.set(path, state.blobs.get(blob.sha)!.toString('utf8'));
    return out;
  };
  const commitOn = (branch: string, files: Record<string, string | null>, message: string): string => {
    const parent = state.refs.get(`heads/${branch}`);
    const flat = parent ? flatten(state.commits.get(parent)!.tree) : new Map<string, { sha: string; mode: string }>();
    for (const [path, content] of Object.entries(files)) {
      if (content === null) flat.delete(path);
      else flat.set(path, { sha: writeBlob(Buffer.from(content, 'utf8')), mode: '100644' });
    }
    const sha = writeCommit(build(flat), parent ? [parent] : [], message);
    state.refs.set(`heads/${branch}`, sha);
    return sha;
  };
  commitOn(defaultBranch, options.files ?? { 'README.md': '# tasklet\n' }, 'Initial commit');

  const repoJson = () => ({ id: 1, node_id: 'R_1', name: repoName, full_name: `${owner}/${repoName}`, owner: { login: owner, id: 1, type: 'Organization' }, html_url: htmlBase, default_branch: defaultBranch, fork: false, private: false });
  const commitJson = (c: FakeCommit) => ({
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: '',
    html_url: `${htmlBase}/commit/${c.sha}`,
    author: { name: 'spec-automation', email: 'bot@example.com', date: c.date },
    committer: { name: 'spec-automation', email: 'bot@example.com', date: c.date },
    message: c.message,
    tree: { sha: c.tree, url: '' },
    parents: c.parents.map((p) => ({ sha: p, url: '', html_url: '' })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  });
  const pullJson = (p: FakePull) => {
    const headSha = state.refs.get(`heads/${p.head}`) ?? '0'.repeat(40);
    const issue = github.state.issues.find((i) => i.number === p.number);
    return {
      id: p.number,
      node_id: p.node_id,
      number: p.number,
      state: p.state,
      title: p.title,
      body: p.body,
      draft: p.draft,
      html_url: `${htmlBase}/pull/${p.number}`,
      url: '',
      labels: (issue?.labels ?? []).map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
      head: { ref: p.head, sha: headSha, label: `${owner}:${p.head}`, repo: repoJson() },
      base: { ref: p.base, sha: state.refs.get(`heads/${p.base}`) ?? '', label: `${owner}:${p.base}`, repo: repoJson() },
      user: { login: 'spec-automation[bot]', type: 'Bot' },
    };
  };
  const diffFiles = (fromSha: string | undefined, toSha: string) => {
    const before = fromSha ? flatten(state.commits.get(fromSha)!.tree) : new Map<string, { sha: string; mode: string }>();
    const after = flatten(state.commits.get(toSha)!.tree);
    const files: { filename: string; status: string; sha: string; additions: number; deletions: number; changes: number; blob_url: string; raw_url: string; contents_url: string }[] = [];
    const base = { additions: 1, deletions: 0, changes: 1, blob_url: '', raw_url: '', contents_url: '' };
    for (const [path, blob] of after) {
      const old = before.get(path);
      if (!old) files.push({ filename: path, status: 'added', sha: blob.sha, ...base });
      else if (old.sha !== blob.sha) files.push({ filename: path, status: 'modified', sha: blob.sha, ...base });
    }
    for (const [path, blob] of before) if (!after.has(path)) files.push({ filename: path, status: 'removed', sha: blob.sha, ...base });
    return files.sort((a, b) => a.filename.localeCompare(b.filename));
  };
  const body = <T>(req: DoubleRequest) => (req.body ?? {}) as T;

  const compare = (basehead: string): DoubleResponse => {
      const [baseRef, headRef] = basehead.split('...') as [string, string];
      const base = resolve(baseRef);
      const head = resolve(headRef);
      if (!base || !head) return error(404, 'Not Found');
      // Commits reachable from head and not from base, oldest first.
      const inBase = new Set<string>();
      const mark = [base];
      while (mark.length) {
        const s = mark.pop()!;
        if (inBase.has(s)) continue;
        inBase.add(s);
        mark.push(...(state.commits.get(s)?.parents ?? []));
      }
      const commits: FakeCommit[] = [];
      const seen = new Set<string>();
      const walk = [head];
      while (walk.length) {
        const s = walk.pop()!;
        if (inBase.has(s) || seen.has(s)) continue;
        seen.add(s);
        commits.push(state.commits.get(s)!);
        walk.push(...state.commits.get(s)!.parents);
      }
      commits.sort((a, b) => a.date.localeCompare(b.date));
      const mergeBase = commits.length > 0 ? commits[0]!.parents.find((p) => inBase.has(p)) : head;
      return {
        status: 200,
        body: {
          url: '',
          html_url: '',
          permalink_url: '',
          diff_url: '',
          patch_url: '',
          base_commit: { sha: base, commit: commitJson(state.commits.get(base)!) },
          merge_base_commit: { sha: mergeBase ?? base, commit: commitJson(state.commits.get(mergeBase ?? base)!) },
          status: commits.length > 0 ? 'ahead' : 'identical',
          ahead_by: commits.length,
          behind_by: 0,
          total_commits: commits.length,
          commits: commits.map((c) => ({ sha: c.sha, node_id: '', url: '', html_url: '', comments_url: '', commit: commitJson(c), author: null, committer: null, parents: c.parents.map((p) => ({ sha: p, url: '' })) })),
          files: diffFiles(mergeBase, head),
        },
      };
    };

  const handlers: Record<string, DoubleHandler> = {
    ...github.handlers,
    'GET /app': () => ({ status: 200, body: { id: 9001, slug: 'spec-automation', node_id: 'A_1', name: 'spec-automation', owner: { login: owner }, permissions: {}, events: [] } }),
    'GET /app/installations': () => ({
      status: 200,
      body: [{ id: installationId, account: { login: owner, id: 1, type: 'Organization' }, app_id: 9001, target_type: 'Organization', permissions: {}, events: [] }],
    }),
    'POST /app/installations/{installation_id}/access_tokens': (req) => {
      if (req.params.installation_id !== String(installationId)) return error(404, 'Not Found');
      state.tokensIssued += 1;
      return { status: 201, body: { token: `ghs_fakeInstallationToken${state.tokensIssued}`, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' } };
    },
    'GET /repos/{owner}/{repo}/contents/{path}': (req) => {
      const sha = resolve(req.query.ref ?? defaultBranch);
      const file = sha ? filesAt(sha).get(req.params.path!) : undefined;
      if (file === undefined) return error(404, 'Not Found');
      const content = Buffer.from(file, 'utf8');
      return { status: 200, body: { type: 'file', encoding: 'base64', size: content.length, name: req.params.path!.split('/').pop(), path: req.params.path, content: content.toString('base64'), sha: sha1('blob', content), url: '', git_url: null, html_url: null, download_url: null, _links: { self: '', git: null, html: null } } };
    },
    'GET /repos/{owner}/{repo}/git/ref/{ref}': (req) => {
      const sha = state.refs.get(req.params.ref!);
      if (!sha) return error(404, 'Not Found');
      return { status: 200, body: { ref: `refs/${req.params.ref}`, node_id: 'REF', url: '', object: { type: 'commit', sha, url: '' } } };
    },
    'POST /repos/{owner}/{repo}/git/refs': (req) => {
      const b = body<{ ref: string; sha: string }>(req);
      const name = b.ref.replace(/^refs\//, '');
      if (state.refs.has(name)) return error(422, 'Reference already exists');
      if (!state.commits.has(b.sha)) return error(422, 'Object does not exist');
      state.refs.set(name, b.sha);
      return { status: 201, body: { ref: b.ref, node_id: 'REF', url: '', object: { type: 'commit', sha: b.sha, url: '' } } };
    },
    'PATCH /repos/{owner}/{repo}/git/refs/{ref}': (req) => {
      const b = body<{ sha: string; force?: boolean }>(req);
      const current = state.refs.get(req.params.ref!);
      if (!current) return error(422, 'Reference does not exist');
      if (!state.commits.has(b.sha)) return error(422, 'Object does not exist');
      if (!b.force && !isAncestor(current, b.sha)) return error(422, 'Update is not a fast forward');
      state.refs.set(req.params.ref!, b.sha);
      return { status: 200, body: { ref: `refs/${req.params.ref}`, node_id: 'REF', url: '', object: { type: 'commit', sha: b.sha, url: '' } } };
    },
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': (req) => {
      const c = state.commits.get(req.params.commit_sha!);
      return c ? { status: 200, body: commitJson(c) } : error(404, 'Not Found');
    },
    'POST /repos/{owner}/{repo}/git/commits': (req) => {
      const b = body<{ message: string; tree: string; parents?: string[] }>(req);
      if (!state.trees.has(b.tree)) return error(422, 'Tree SHA does not exist');
      for (const p of b.parents ?? []) if (!state.commits.has(p)) return error(422, 'Parent SHA does not exist or is not a commit object');
      const sha = writeCommit(b.tree, b.parents ?? [], b.message);
      return { status: 201, body: commitJson(state.commits.get(sha)!) };
    },
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': (req) => {
      let sha = req.params.tree_sha!;
      const commit = state.commits.get(resolve(sha) ?? '');
      if (!state.trees.has(sha) && commit) sha = commit.tree;
      const root = state.trees.get(sha);
      if (!root) return error(404, 'Not Found');
      const tree: unknown[] = [];
      const walk = (treeSha: string, prefix: string) => {
        for (const e of state.trees.get(treeSha) ?? []) {
          const path = prefix + e.name;
          if (e.type === 'tree') {
            tree.push({ path, mode: MODE_TREE, type: 'tree', sha: e.sha, url: '' });
            if (req.query.recursive !== undefined) walk(e.sha, `${path}/`);
          } else tree.push({ path, mode: e.mode, type: 'blob', sha: e.sha, size: state.blobs.get(e.sha)!.length, url: '' });
        }
      };
      walk(sha, '');
      return { status: 200, body: { sha, url: '', tree, truncated: false } };
    },
    'POST /repos/{owner}/{repo}/git/trees': (req) => {
      const b = body<{ base_tree?: string; tree: { path: string; mode: string; type: string; sha?: string | null; content?: string }[] }>(req);
      const flat = b.base_tree ? flatten(b.base_tree) : new Map<string, { sha: string; mode: string }>();
      if (b.base_tree && !state.trees.has(b.base_tree)) return error(422, 'base_tree is not a valid tree');
      for (const e of b.tree) {
        if (e.content !== undefined && e.sha !== undefined) return error(422, 'Use either content or sha, not both');
        // GitHub refuses workflow changes from an app without the workflows permission.
        if (e.path.startsWith('.github/workflows/')) return error(403, `refusing to allow a GitHub App to create or update workflow \`${e.path}\` without \`workflows\` permission`);
        if (e.sha === null) flat.delete(e.path);
        else if (e.content !== undefined) flat.set(e.path, { sha: writeBlob(Buffer.from(e.content, 'utf8')), mode: e.mode });
        else if (e.sha) flat.set(e.path, { sha: e.sha, mode: e.mode });
      }
      const sha = build(flat);
      return { status: 201, body: { sha, url: '', tree: [], truncated: false } };
    },
    'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': (req) => {
      const blob = state.blobs.get(req.params.file_sha!);
      if (!blob) return error(404, 'Not Found');
      return { status: 200, body: { sha: req.params.file_sha, node_id: 'B', size: blob.length, url: '', content: blob.toString('base64'), encoding: 'base64' } };
    },
    'GET /repos/{owner}/{repo}/compare/{basehead}': (req) => compare(req.params.basehead!),
    // The description also lists the older spelling of the same operation.
    'GET /repos/{owner}/{repo}/compare/{base}...{head}': (req) => compare(`${req.params.base}...${req.params.head}`),
    'GET /repos/{owner}/{repo}/commits/{ref}': (req) => {
      const sha = resolve(req.params.ref!);
      const c = sha ? state.commits.get(sha) : undefined;
      if (!c) return error(404, 'Not Found');
      return { status: 200, body: { sha: c.sha, node_id: '', url: '', html_url: '', comments_url: '', commit: commitJson(c), author: null, committer: null, parents: c.parents.map((p) => ({ sha: p, url: '' })), files: diffFiles(c.parents[0], c.sha) } };
    },
    'GET /repos/{owner}/{repo}/pulls': (req) => {
      const [, head] = (req.query.head ?? '').split(':');
      const wanted = req.query.state ?? 'open';
      const list = state.pulls.filter((p) => (!head || p.head === head) && (wanted === 'all' || p.state === wanted));
      return { status: 200, body: list.map(pullJson) };
    },
    'POST /repos/{owner}/{repo}/pulls': (req) => {
      const b = body<{ title: string; head: string; base: string; body?: string; draft?: boolean }>(req);
      if (!state.refs.has(`heads/${b.head}`) || !state.refs.has(`heads/${b.base}`)) return error(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
      if (state.pulls.some((p) => p.head === b.head && p.state === 'open')) return error(422, 'Validation Failed', [{ message: `A pull request already exists for ${owner}:${b.head}.` }]);
      const number = ++nextNumber;
      const pull: FakePull = { number, node_id: `PR_kw${number}`, title: b.title, body: b.body ?? '', head: b.head, base: b.base, state: 'open', draft: b.draft === true };
      state.pulls.push(pull);
      github.state.issues.push({ number, title: b.title, body: b.body ?? '', state: 'open', labels: [], pull_request: true });
      return { status: 201, body: pullJson(pull) };
    },
    'GET /repos/{owner}/{repo}/pulls/{pull_number}': (req) => {
      const p = state.pulls.find((x) => String(x.number) === req.params.pull_number);
      return p ? { status: 200, body: pullJson(p) } : error(404, 'Not Found');
    },
    'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': (req) => {
      const p = state.pulls.find((x) => String(x.number) === req.params.pull_number);
      if (!p) return error(404, 'Not Found');
      const b = body<{ title?: string; body?: string; state?: 'open' | 'closed' }>(req);
      if (b.title !== undefined) p.title = b.title;
      if (b.body !== undefined) p.body = b.body;
      if (b.state) p.state = b.state;
      return { status: 200, body: pullJson(p) };
    },
    'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => {
      const comment = github.state.issueComments.find((c) => String(c.id) === req.params.comment_id);
      if (!comment) return error(404, 'Not Found');
      return { status: 200, body: { ...comment, html_url: `${htmlBase}/issues/${comment.issue_number}#issuecomment-${comment.id}` } };
    },
    'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': (req) => {
      const issue = github.state.issues.find((i) => String(i.number) === req.params.issue_number);
      if (!issue) return error(404, 'Not Found');
      return { status: 200, body: issue.labels.map((name, i) => ({ id: i + 1, node_id: '', url: '', name, color: 'ededed', default: false, description: null })) };
    },
    'POST /repos/{owner}/{repo}/labels': (req) => {
      const b = body<{ name: string; color?: string; description?: string }>(req);
      if (state.labels.has(b.name)) return error(422, 'Validation Failed', [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      state.labels.add(b.name);
      return { status: 201, body: { id: state.labels.size, node_id: '', url: '', name: b.name, color: b.color ?? 'ededed', default: false, description: b.description ?? null } };
    },
    'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions': (req) => {
      const id = Number(req.params.comment_id);
      if (!github.state.issueComments.some((c) => c.id === id)) return error(404, 'Not Found');
      const content = body<{ content: string }>(req).content;
      state.reactions.push({ commentId: id, content });
      return { status: 201, body: { id: state.reactions.length, node_id: '', user: { login: 'spec-automation[bot]' }, content, created_at: nextDate() } };
    },
    'GET /repos/{owner}/{repo}/collaborators/{username}/permission': (req) => {
      const permission = state.permissions.get(req.params.username!);
      if (!permission) return error(404, `${req.params.username} is not a user`);
      const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
      return { status: 200, body: { permission: legacy, role_name: permission, user: { login: req.params.username } } };
    },
    'GET /repos/{owner}/{repo}/actions/runs': (req) => {
      const runs = state.workflowRuns.filter((r) => !req.query.head_sha || r.head_sha === req.query.head_sha);
      return {
        status: 200,
        body: {
          total_count: runs.length,
          workflow_runs: runs.map((r) => ({ id: r.id, name: r.name, head_sha: r.head_sha, head_branch: r.head_branch, event: r.event, status: r.status, conclusion: r.conclusion, html_url: `${htmlBase}/actions/runs/${r.id}`, run_attempt: r.reruns + 1 })),
        },
      };
    },
    'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun': (req) => {
      const run = state.workflowRuns.find((r) => String(r.id) === req.params.run_id);
      if (!run) return error(404, 'Not Found');
      if (run.status !== 'completed') return error(403, 'This workflow is already running');
      run.reruns += 1;
      run.status = 'queued';
      run.conclusion = null;
      return { status: 201, body: {} };
    },
    'GET /search/issues': (req) => {
      const q = req.query.q ?? '';
      const labels = (/label:((?:"[^"]+",?)+)/.exec(q)?.[1] ?? '').split(',').map((l) => l.replace(/"/g, '')).filter(Boolean);
      const items = github.state.issues
        .filter((i) => i.pull_request && (!/is:open/.test(q) || i.state === 'open'))
        .filter((i) => labels.length === 0 || i.labels.some((l) => labels.includes(l)))
        .map((i) => ({ number: i.number, title: i.title, state: i.state, repository_url: `https://api.github.com/repos/${owner}/${repoName}`, labels: i.labels.map((name) => ({ name })), pull_request: {} }));
      return { status: 200, body: { total_count: items.length, incomplete_results: false, items } };
    },
    'POST /graphql': (req) => {
      const b = body<{ variables?: { id?: string } }>(req);
      const pull = state.pulls.find((p) => p.node_id === b.variables?.id);
      if (!pull) return { status: 200, body: { data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${b.variables?.id}'` }] } };
      pull.draft = false;
      return { status: 200, body: { data: { markPullRequestReadyForReview: { pullRequest: { number: pull.number, isDraft: false } } } } };
    },
  };

  return {
    owner,
    repo: repoName,
    defaultBranch,
    installationId,
    github,
    state,
    handlers,
    commit: commitOn,
    filesAt,
    head: (branch) => state.refs.get(`heads/${branch}`),
    pullFor: (branch) => state.pulls.find((p) => p.head === branch),
    labelsOf: (number) => github.state.issues.find((i) => i.number === number)?.labels ?? [],
  };
}

/** Starts the loopback double with the fake repository's handlers. */
export async function startFakeRepo(options: FakeRepoOptions = {}): Promise<{ fake: FakeRepo; double: GitHubDouble }> {
  const fake = createFakeRepo(options);
  const double = await startGitHubDouble({ handlers: fake.handlers });
  fake.github.options.baseUrl = double.url;
  return { fake, double };
}
