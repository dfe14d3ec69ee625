/**
 * The workspace port: the read-only base tree the agent's change set sits on. The local
 * file system implements it for the CLI (src/adapters/workspace); the Git trees API will
 * for the app. Paths are repo-relative with forward slashes and have already passed
 * {@link normalizeAgentPath}; implementations still refuse anything that resolves outside
 * the root (a symlink pointing elsewhere) by throwing a {@link GuardError}.
 */

/** A file of the base tree, classified once so the agent never sees raw bytes. */
export type BaseFile =
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'binary'; bytes: number }
  | { kind: 'too-large'; bytes: number };

/** Bytes git inspects for a NUL to call a file binary. */
const BINARY_SNIFF_BYTES = 8000;

/** Classifies file bytes as git does: text (valid UTF-8, no NUL near the start) or binary. */
export function classifyBytes(bytes: Uint8Array): BaseFile {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary', bytes: bytes.length };
  try {
    // ignoreBOM keeps a byte-order mark in the text, so writing the file back preserves it.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), bytes: bytes.length };
  } catch {
    return { kind: 'binary', bytes: bytes.length };
  }
}

export interface WorkspacePort {
  /**
   * Every file the agent may see, repo-relative, sorted. `.git` and ignored files
   * (`.gitignore`, virtualenvs, caches) are left out.
   */
  listFiles(): Promise<string[]>;
  /** The file at `path`, or undefined when there is none (or it is a directory). */
  readFile(path: string): Promise<BaseFile | undefined>;
  /**
   * Where `path` really leads, repo-relative, when a symbolic link on the way (the file
   * itself or a directory above it) makes that differ from `path`; undefined when it does
   * not. Throws `outside-root` when the link leaves the root. The protected-path rules
   * apply to this path as well as to `path`. Left out by trees without symbolic links
   * to follow (the Git trees API, where a link is a blob).
   */
  realPath?(path: string): Promise<string | undefined>;
  /** The symbolic links among {@link listFiles}, path → the link's target as written. */
  symlinks?(): Promise<ReadonlyMap<string, string>>;
}
