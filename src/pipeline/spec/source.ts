/**
 * The port through which the spec pipeline reads a repository. The CLI passes the local
 * file system (`src/adapters/fs-spec-source.ts`); the app passes a git tree from the
 * GitHub API. The pipeline never touches the file system itself.
 */

/** A read-only view of a repository's files. */
export interface SpecSource {
  /**
   * Every file of the repository (not only Markdown: links and `files_to_modify` are
   * checked against this list), as repo-relative paths with forward slashes.
   */
  list(): Promise<string[]>;
  /** The bytes of one file listed by `list()`. May reject; the file is then reported, not fatal. */
  read(path: string): Promise<Uint8Array>;
}
