/**
 * A commit's tree on GitHub as the agent's base tree (the app's workspace port): the
 * recursive listing is read once, on first use; each blob is read when the agent (or
 * the spec validation) first asks for it, and kept. No clone, no disk.
 */
import { normalizeAgentPath, WorkspaceError } from '../pipeline/agent/guards.js';
import { classifyBytes, type BaseFile, type WorkspacePort } from '../pipeline/agent/workspace-port.js';
import { getBlob, getCommit, getTreeRecursive, type TreeEntry } from './git-data.js';
import type { GitObjectCache } from './object-cache.js';
import type { GitHubClient, RepoRef } from './types.js';

export interface GitHubTreeOptions {
  /** Blobs above this size are reported as too large instead of read. Default 1 MiB. */
  maxReadBytes?: number;
  /** Immutable objects shared across trees (and steps of a run). */
  objects?: GitObjectCache;
}

export class GitHubTree implements WorkspacePort {
  readonly commitSha: string;
  readonly #client: GitHubClient;
  readonly #repo: RepoRef;
  readonly #maxReadBytes: number;
  readonly #objects: GitObjectCache | undefined;
  readonly #repoKey: string;
  #treeSha: string | undefined;
  #listing: Promise<Map<string, TreeEntry>> | undefined;
  readonly #blobs = new Map<string, Promise<Uint8Array>>();
  #truncated = false;
  /** GitHub requests this tree has made, for the requests-per-step figures. */
  requests = 0;

  /**
   * @param commitSha the commit whose tree this is
   * @param treeSha its tree, when the caller knows it already (saves a request)
   */
  constructor(client: GitHubClient, repo: RepoRef, commitSha: string, options: GitHubTreeOptions & { treeSha?: string } = {}) {
    this.#client = client;
    this.#repo = repo;
    this.commitSha = commitSha;
    this.#treeSha = options.treeSha ?? options.objects?.treeOfCommit(`${repo.owner}/${repo.repo}`, commitSha);
    this.#maxReadBytes = options.maxReadBytes ?? 1024 * 1024;
    this.#objects = options.objects;
    this.#repoKey = `${repo.owner}/${repo.repo}`;
  }

  /** The tree sha of the commit (read once). */
  async treeSha(): Promise<string> {
    if (!this.#treeSha) {
      this.requests += 1;
      this.#treeSha = (await getCommit(this.#client, this.#repo, this.commitSha)).treeSha;
      this.#objects?.setTreeOfCommit(this.#repoKey, this.commitSha, this.#treeSha);
    }
    return this.#treeSha;
  }

  /** True when GitHub cut the recursive listing (a huge repository): some files are missing. */
  get truncated(): boolean {
    return this.#truncated;
  }

  #entries(): Promise<Map<string, TreeEntry>> {
    this.#listing ??= (async () => {
      const tree = await this.treeSha();
      let listing = this.#objects?.listing(this.#repoKey, tree);
      if (!listing) {
        this.requests += 1;
        listing = await getTreeRecursive(this.#client, this.#repo, tree);
        this.#objects?.setListing(this.#repoKey, tree, listing);
      }
      const { entries, truncated } = listing;
      this.#truncated = truncated;
      return new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e]));
    })();
    // A failed listing is not cached: the next call asks again.
    this.#listing.catch(() => {
      this.#listing = undefined;
    });
    return this.#listing;
  }

  /** Every regular file (symlinks and submodules are left out), sorted. */
  async listFiles(): Promise<string[]> {
    const entries = await this.#entries();
    const files: string[] = [];
    for (const [path, entry] of entries) {
      if (entry.mode === '120000') continue;
      try {
        files.push(normalizeAgentPath(path));
      } catch {
        // A name the agent could never address is left out of its view.
      }
    }
    return files.sort();
  }

  /** The mode of a file in the tree (`100755` for executables), to keep it on rewrite. */
  async modeOf(path: string): Promise<string | undefined> {
    return (await this.#entries()).get(path)?.mode;
  }

  async readFile(path: string): Promise<BaseFile | undefined> {
    const rel = normalizeAgentPath(path);
    const entries = await this.#entries();
    const entry = entries.get(rel);
    if (!entry) {
      const prefix = `${rel}/`;
      for (const key of entries.keys()) {
        if (key.startsWith(prefix)) throw new WorkspaceError('is-directory', `"${rel}" is a directory, not a file; use list_files to see inside it.`, rel);
      }
      return undefined;
    }
    if (entry.mode === '120000') throw new WorkspaceError('io', `"${rel}" is a symbolic link; the agent reads regular files only.`, rel);
    if (entry.size !== undefined && entry.size > this.#maxReadBytes) return { kind: 'too-large', bytes: entry.size };
    return classifyBytes(await this.readBytes(rel, entry.sha));
  }

  /** The size in bytes of a file in the tree, when the tree listing gives it. */
  async sizeOf(path: string): Promise<number | undefined> {
    return (await this.#entries()).get(path)?.size;
  }

  /** The raw bytes of a file, or undefined when it is not in the tree. */
  async readRaw(path: string): Promise<Uint8Array | undefined> {
    const entry = (await this.#entries()).get(path);
    if (!entry || entry.mode === '120000') return undefined;
    return this.readBytes(path, entry.sha);
  }

  private readBytes(path: string, sha: string): Promise<Uint8Array> {
    let blob = this.#blobs.get(sha);
    const cached = blob ? undefined : this.#objects?.blob(this.#repoKey, sha);
    if (cached) {
      blob = Promise.resolve(cached);
      this.#blobs.set(sha, blob);
    }
    if (!blob) {
      this.requests += 1;
      const objects = this.#objects;
      blob = getBlob(this.#client, this.#repo, sha).then((bytes) => {
        objects?.setBlob(this.#repoKey, sha, bytes);
        return bytes;
      });
      this.#blobs.set(sha, blob);
      blob.catch(() => this.#blobs.delete(sha));
    }
    return blob.catch((error: unknown) => {
      throw new WorkspaceError('io', `Could not read "${path}" from GitHub: ${error instanceof Error ? error.message : String(error)}`, path, { cause: error });
    });
  }
}
