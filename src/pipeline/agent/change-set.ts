/**
 * The agent's edits as data: an overlay of writes and deletes over a read-only base tree
 * (the workspace port). Nothing touches the disk or GitHub until the caller applies the
 * change set (`applyChangeSet` for the CLI, one Git Data API commit for the app), so a
 * run that is refused or stopped by a budget leaves the checkout as it was.
 */
import picomatch from 'picomatch';
import { checkContent, checkReadablePath, checkWritablePath, normalizeAgentPath, WorkspaceError, type WritePolicy } from './guards.js';
import type { BaseFile, WorkspacePort } from './workspace-port.js';
import { linearRegex, testLinear } from '../linear-regex.js';

/** One file of the change set, as the caller applies it. */
export type FileChange =
  | { path: string; action: 'create' | 'modify'; content: string; bytes: number }
  | { path: string; action: 'delete' };

type Entry = { kind: 'write'; content: string; bytes: number; inBase: boolean } | { kind: 'delete' };

export interface SearchMatch {
  path: string;
  /** 1-based. */
  line: number;
  text: string;
}

export interface SearchResult {
  matches: SearchMatch[];
  /** True when more matches exist than `maxResults`. */
  truncated: boolean;
  filesSearched: number;
}

/** Lines longer than this are searched only up to it, which bounds the cost of one regex test. */
const MAX_SEARCHED_LINE = 2000;

export class ChangeSet {
  readonly #base: WorkspacePort;
  readonly #policy: WritePolicy;
  readonly #entries = new Map<string, Entry>();
  readonly #baseCache = new Map<string, BaseFile | undefined>();
  #baseList: Promise<string[]> | undefined;

  constructor(base: WorkspacePort, policy: WritePolicy) {
    this.#base = base;
    this.#policy = policy;
  }

  /** The text of `path` as the agent currently sees it. Throws a {@link WorkspaceError}. */
  async read(rawPath: string): Promise<string> {
    const path = normalizeAgentPath(rawPath);
    checkReadablePath(path);
    const entry = this.#entries.get(path);
    if (entry?.kind === 'write') return entry.content;
    if (entry?.kind === 'delete') throw new WorkspaceError('not-found', `"${path}" was deleted in this change set.`, path);
    const real = await this.#realPath(path);
    if (real !== undefined) throughLink(path, real, () => checkReadablePath(real));
    const file = await this.#readBase(path);
    if (!file) throw await this.#notFound(path);
    if (file.kind === 'binary') throw new WorkspaceError('binary', `"${path}" is a binary file (${file.bytes} bytes); it cannot be read or edited as text.`, path);
    if (file.kind === 'too-large') throw new WorkspaceError('file-too-large', `"${path}" is ${file.bytes} bytes, too large to read.`, path);
    return file.text;
  }

  /** Every file as the agent currently sees it: the base, plus created files, minus deleted ones. Sorted. */
  async listFiles(): Promise<string[]> {
    const files = new Set(await this.#listBase());
    for (const [path, entry] of this.#entries) {
      if (entry.kind === 'write') files.add(path);
      else files.delete(path);
    }
    return [...files].sort();
  }

  /**
   * Lines matching `pattern` (JavaScript syntax, run by a linear-time engine: no
   * lookaround or backreferences), in path order, at most `maxResults`. Binary,
   * unreadable and protected files are skipped.
   */
  async search(pattern: string, options: { glob?: string; caseInsensitive?: boolean; maxResults: number }): Promise<SearchResult> {
    // A linear-time engine: the pattern comes from the model, and a backtracking one took
    // 10.6 s on `^(a|a)*b` against 31 characters (issue 11).
    let regex: ReturnType<typeof linearRegex>;
    try {
      regex = linearRegex(pattern, options.caseInsensitive ? 'i' : '');
    } catch (error) {
      throw new WorkspaceError('invalid-pattern', error instanceof Error ? error.message : String(error));
    }
    const inScope = options.glob ? picomatch(options.glob, { dot: true }) : () => true;
    const matches: SearchMatch[] = [];
    let filesSearched = 0;
    for (const path of await this.listFiles()) {
      if (!inScope(path)) continue;
      let text: string;
      try {
        text = await this.read(path);
      } catch {
        continue;
      }
      filesSearched += 1;
      const lines = text.split(/\r?\n/);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (!testLinear(regex, line.length > MAX_SEARCHED_LINE ? line.slice(0, MAX_SEARCHED_LINE) : line)) continue;
        if (matches.length === options.maxResults) return { matches, truncated: true, filesSearched };
        matches.push({ path, line: i + 1, text: line });
      }
    }
    return { matches, truncated: false, filesSearched };
  }

  /** Creates or replaces `path`. Returns what happened to it relative to the base. */
  async write(rawPath: string, content: string): Promise<'create' | 'modify' | 'unchanged'> {
    const path = normalizeAgentPath(rawPath);
    await this.#checkWritable(path, 'write');
    const bytes = checkContent(path, content, this.#policy);
    const base = await this.#readBase(path);
    if (base && base.kind !== 'text') {
      throw new WorkspaceError(base.kind === 'binary' ? 'binary' : 'file-too-large', `Refused to overwrite "${path}": it is a ${base.kind === 'binary' ? 'binary' : 'too large'} file the agent cannot read.`, path);
    }
    if (base?.kind === 'text' && base.text === content) {
      // Writing the base content back is no change; it frees the file's slot and bytes.
      this.#entries.delete(path);
      return 'unchanged';
    }
    this.#checkLimits(path, bytes);
    this.#entries.set(path, { kind: 'write', content, bytes, inBase: base !== undefined });
    return base ? 'modify' : 'create';
  }

  /**
   * Replaces the one occurrence of `oldString` in `path` with `newString`. When the file
   * uses CRLF line endings and `oldString` only matches with them, the edit is applied
   * with CRLF (models often drop the carriage returns). Returns the 1-based line of the edit.
   */
  async edit(rawPath: string, oldString: string, newString: string): Promise<number> {
    const path = normalizeAgentPath(rawPath);
    await this.#checkWritable(path, 'write');
    if (oldString === '') throw new WorkspaceError('no-match', 'old_string is empty; to create a file use write_file, to edit give the exact text to replace.', path);
    const text = await this.read(path);
    let oldText = oldString;
    let newText = newString;
    let count = countOccurrences(text, oldText);
    if (count === 0 && text.includes('\r\n') && oldString.includes('\n') && !oldString.includes('\r')) {
      oldText = oldString.replace(/\n/g, '\r\n');
      newText = newString.replace(/\r?\n/g, '\r\n');
      count = countOccurrences(text, oldText);
    }
    if (count === 0) {
      throw new WorkspaceError(
        'no-match',
        `old_string was not found in "${path}". It must match the file exactly, whitespace and indentation included; read the file again and copy the text.`,
        path,
      );
    }
    if (count > 1) {
      throw new WorkspaceError('ambiguous-match', `old_string occurs ${count} times in "${path}"; include more surrounding lines so it matches exactly once.`, path);
    }
    const at = text.indexOf(oldText);
    await this.write(path, text.slice(0, at) + newText + text.slice(at + oldText.length));
    return text.slice(0, at).split('\n').length;
  }

  /** Deletes `path`, which must exist. */
  async delete(rawPath: string): Promise<void> {
    const path = normalizeAgentPath(rawPath);
    await this.#checkWritable(path, 'delete');
    const entry = this.#entries.get(path);
    if (entry?.kind === 'delete') throw new WorkspaceError('not-found', `"${path}" was already deleted.`, path);
    if (entry?.kind === 'write' && !entry.inBase) {
      // Created in this change set: deleting it leaves nothing to apply.
      this.#entries.delete(path);
      return;
    }
    const base = await this.#readBase(path);
    if (!base) throw await this.#notFound(path);
    this.#checkLimits(path, 0);
    this.#entries.set(path, { kind: 'delete' });
  }

  /** The changes to apply, sorted by path. */
  changes(): FileChange[] {
    return [...this.#entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, e]): FileChange =>
        e.kind === 'delete' ? { path, action: 'delete' } : { path, action: e.inBase ? 'modify' : 'create', content: e.content, bytes: e.bytes },
      );
  }

  /** Bytes of all written files. */
  totalBytes(): number {
    let total = 0;
    for (const e of this.#entries.values()) if (e.kind === 'write') total += e.bytes;
    return total;
  }

  #checkLimits(path: string, bytes: number): void {
    const previous = this.#entries.get(path);
    if (!previous && this.#entries.size >= this.#policy.maxFilesChanged) {
      throw new WorkspaceError(
        'too-many-files',
        `Refused to change "${path}": this change set already changes ${this.#entries.size} files, the limit (agent.limits.maxFilesChanged). Finish with what you have, or revert a change.`,
        path,
      );
    }
    const total = this.totalBytes() - (previous?.kind === 'write' ? previous.bytes : 0) + bytes;
    if (total > this.#policy.maxTotalBytes) {
      throw new WorkspaceError(
        'total-too-large',
        `Refused to write "${path}": the change set would hold ${total} bytes, over the limit of ${this.#policy.maxTotalBytes} (agent.limits.maxTotalBytes).`,
        path,
      );
    }
  }

  /** The symbolic links of the base tree, path → target as written; empty when the tree has none to show. */
  async symlinks(): Promise<ReadonlyMap<string, string>> {
    await this.#listBase();
    const links = (await this.#base.symlinks?.()) ?? new Map<string, string>();
    // A link the change set deleted or replaced is no longer a link.
    return new Map([...links].filter(([path]) => !this.#entries.has(path)));
  }

  /** Where `path` really leads when a symbolic link makes it differ; see {@link WorkspacePort.realPath}. */
  async #realPath(path: string): Promise<string | undefined> {
    if (!this.#base.realPath) return undefined;
    try {
      return await this.#base.realPath(path);
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
      throw new WorkspaceError('io', `Could not resolve "${path}": ${(error as Error).message}`, path, { cause: error });
    }
  }

  /**
   * The protected-path rules on the path as written and on where it really leads, so a
   * link (`gitlink -> .git`, then `gitlink/config`) cannot carry a write into a protected
   * place. A link itself is never written through (its target would change), only deleted.
   */
  async #checkWritable(path: string, action: 'write' | 'delete'): Promise<void> {
    checkWritablePath(path, this.#policy);
    if (this.#entries.get(path)?.kind === 'write') return;
    const real = await this.#realPath(path);
    if (real === undefined) return;
    throughLink(path, real, () => checkWritablePath(real, this.#policy));
    if (action === 'write' && (await this.symlinks()).has(path)) {
      throw new WorkspaceError('protected', `"${path}" is a symbolic link (to "${real}"); the agent does not write through links. Write "${real}" itself, or delete the link first.`, path);
    }
  }

  async #readBase(path: string): Promise<BaseFile | undefined> {
    if (this.#baseCache.has(path)) return this.#baseCache.get(path);
    let file: BaseFile | undefined;
    try {
      file = await this.#base.readFile(path);
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
      throw new WorkspaceError('io', `Could not read "${path}": ${(error as Error).message}`, path, { cause: error });
    }
    this.#baseCache.set(path, file);
    return file;
  }

  #listBase(): Promise<string[]> {
    this.#baseList ??= this.#base.listFiles();
    return this.#baseList;
  }

  async #notFound(path: string): Promise<WorkspaceError> {
    const files = await this.listFiles();
    const name = path.split('/').pop() ?? path;
    const similar = files.filter((f) => f.endsWith(`/${name}`) || f === name).slice(0, 3);
    const hint = similar.length > 0 ? ` Did you mean ${similar.map((s) => `"${s}"`).join(', ')}?` : ' Use list_files to see the files.';
    return new WorkspaceError('not-found', `"${path}" does not exist.${hint}`, path);
  }
}

/** Runs a path check on the real path `real`, saying in a refusal that `path` leads there through a link. */
function throughLink(path: string, real: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    throw new WorkspaceError(error.code, `"${path}" leads to "${real}" through a symbolic link: ${error.message}`, path, { cause: error });
  }
}

function countOccurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count += 1;
  return count;
}
