/**
 * Git objects are immutable: a commit's tree, a tree's listing and a blob's bytes never
 * change for a given sha. The app keeps the ones it read in a bounded in-process cache,
 * so the next step of a run (whose commits share most trees and blobs, the spec's among
 * them) reads them without asking GitHub again. Keys carry the repository, so nothing
 * read for one repository is served for another.
 */
import { blobShaOf, type TreeEntry, type TreeWrite } from './git-data.js';

interface Entry {
  value: unknown;
  bytes: number;
}

export class GitObjectCache {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  hits = 0;

  /** @param maxBytes total size kept (blob bytes; listings count 100 bytes per entry). Default 64 MiB. */
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  #get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Least recently used goes first: re-insert on use.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits += 1;
    return entry.value as T;
  }

  #set(key: string, value: unknown, bytes: number): void {
    if (bytes > this.#maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.bytes;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= e.bytes;
    }
  }

  treeOfCommit(repo: string, commitSha: string): string | undefined {
    return this.#get(`${repo}:commit:${commitSha}`);
  }

  setTreeOfCommit(repo: string, commitSha: string, treeSha: string): void {
    this.#set(`${repo}:commit:${commitSha}`, treeSha, 100);
  }

  listing(repo: string, treeSha: string): { entries: TreeEntry[]; truncated: boolean } | undefined {
    return this.#get(`${repo}:tree:${treeSha}`);
  }

  setListing(repo: string, treeSha: string, listing: { entries: TreeEntry[]; truncated: boolean }): void {
    this.#set(`${repo}:tree:${treeSha}`, listing, 100 * listing.entries.length + 100);
  }

  blob(repo: string, sha: string): Uint8Array | undefined {
    return this.#get(`${repo}:blob:${sha}`);
  }

  setBlob(repo: string, sha: string, bytes: Uint8Array): void {
    this.#set(`${repo}:blob:${sha}`, bytes, bytes.length + 100);
  }

  /**
   * Remembers the tree a commit of `writes` on top of `base` produced, without asking
   * GitHub: its listing and the written blobs, whose ids are computed the way git does.
   * Nothing is remembered when the base listing is not known.
   */
  rememberCommit(repo: string, commit: { sha: string; treeSha: string }, baseTreeSha: string, writes: readonly TreeWrite[]): void {
    this.setTreeOfCommit(repo, commit.sha, commit.treeSha);
    const base = this.#entries.get(`${repo}:tree:${baseTreeSha}`)?.value as { entries: TreeEntry[]; truncated: boolean } | undefined;
    if (!base || base.truncated) return;
    const entries = new Map(base.entries.filter((e) => e.type === 'blob').map((e) => [e.path, e]));
    for (const w of writes) {
      if ('delete' in w) {
        entries.delete(w.path);
        continue;
      }
      const bytes = Buffer.from(w.content, 'utf8');
      const sha = blobShaOf(bytes);
      entries.set(w.path, { path: w.path, mode: w.mode ?? '100644', type: 'blob', sha, size: bytes.length });
      this.setBlob(repo, sha, bytes);
    }
    this.setListing(repo, commit.treeSha, { entries: [...entries.values()].sort((a, b) => a.path.localeCompare(b.path)), truncated: false });
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }
}
