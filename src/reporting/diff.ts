/**
 * Which lines of a pull request can carry a review comment. GitHub accepts review
 * comments only on lines inside a diff hunk, and a multi-line comment only when
 * `start_line..line` lies in one hunk; one bad anchor makes the whole review 422.
 * So we compute the commentable RIGHT-side lines from the `patch` of each entry of
 * `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`, before posting anything.
 * (reviewdog's filter does the same from the diff; we avoid the raw diff endpoint,
 * which returns 406 beyond 300 files.)
 */

/** The fields of a `pulls/{n}/files` entry this module reads. */
export interface PullRequestFile {
  filename: string;
  status?: string;
  /** Absent for binary files, and for files whose diff is too large to show. */
  patch?: string | null;
  previous_filename?: string;
}

/** The RIGHT side of one hunk: lines `start..end` (inclusive, contiguous). */
export interface Hunk {
  start: number;
  end: number;
  /** Text of each right-side line (context and added), without the diff prefix. */
  text: Map<number, string>;
  /** Lines added by the pull request (the rest are context). */
  added: Set<number>;
}

export interface FileDiff {
  path: string;
  previousPath?: string;
  status: string;
  hunks: Hunk[];
  /** True when GitHub sent no patch (binary, too large, or a pure rename). */
  noPatch: boolean;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a unified-diff `patch` into right-side hunks. Malformed input (the patch is
 * data from GitHub, possibly cut) never throws: lines before a valid header are
 * skipped, and a hunk ends where its lines end.
 */
export function parsePatch(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let next = 0;
  const close = () => {
    if (current && current.text.size > 0) hunks.push(current);
    current = undefined;
  };
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      close();
      next = Number(header[1]);
      current = { start: next, end: next - 1, text: new Map(), added: new Set() };
      continue;
    }
    if (!current) continue;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const kind = line[0];
    if (kind === '+' || kind === ' ') {
      current.text.set(next, line.slice(1));
      if (kind === '+') current.added.add(next);
      current.end = next;
      next += 1;
    } else if (kind === '-' || kind === '\\') {
      // Left-side only, or "\ No newline at end of file".
    } else if (line === '') {
      // The empty string after a final newline; a blank context line is " ".
    } else {
      close();
    }
  }
  close();
  return hunks;
}

/** Commentable lines of a whole pull request, by path. */
export class DiffIndex {
  readonly files: ReadonlyMap<string, FileDiff>;

  constructor(files: readonly PullRequestFile[]) {
    const map = new Map<string, FileDiff>();
    for (const f of files) {
      if (typeof f.filename !== 'string' || f.filename === '') continue;
      const status = f.status ?? 'modified';
      const hunks = status === 'removed' || typeof f.patch !== 'string' ? [] : parsePatch(f.patch);
      map.set(f.filename, {
        path: f.filename,
        ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
        status,
        hunks,
        noPatch: typeof f.patch !== 'string',
      });
    }
    this.files = map;
  }

  /** The hunk holding every line of `start..end` on the RIGHT side, if there is one. */
  hunkFor(path: string, start: number, end: number = start): Hunk | undefined {
    if (end < start) return undefined;
    const file = this.files.get(path);
    if (!file) return undefined;
    return file.hunks.find((h) => h.start <= start && end <= h.end);
  }

  /** True when a single-line comment on `line` would be accepted. */
  isCommentable(path: string, line: number): boolean {
    return this.hunkFor(path, line) !== undefined;
  }

  /** The right-side text of `line` when the diff shows it. */
  lineText(path: string, line: number): string | undefined {
    return this.hunkFor(path, line)?.text.get(line);
  }

  /** Number of commentable lines (for logs). */
  get commentableLines(): number {
    let n = 0;
    for (const f of this.files.values()) for (const h of f.hunks) n += h.text.size;
    return n;
  }
}
