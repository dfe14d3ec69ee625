/**
 * Where a test failed: the last frame of the traceback that points into the repository.
 * pytest's JUnit `line` is the 0-based line of the test function, which says where the
 * test is, not where it broke; the traceback's `path:LINE:` lines (1-based) do.
 */
import { repoPathOf } from './tool-path.js';
import type { ParseContext } from '../types.js';

/** `tests/test_x.py:13: AssertionError`, `C:\repo\pkg\mod.py:10: in f`, `tests\t.py:11: ` (long/short/line styles). */
const PYTEST_FRAME = /^((?:[A-Za-z]:[\\/])?[^\s:<>"|?*][^:<>"|?*\r\n]*?):(\d+):(?:\s|$)/;
/** `  File "C:\repo\pkg\mod.py", line 10, in f` (native style). */
const NATIVE_FRAME = /^\s*File "([^"]+)", line (\d+)/;
/** Installed packages live inside the repository when the virtualenv does. */
const NOT_PROJECT_CODE = /(^|\/)(site-packages|dist-packages|\.venv|venv|\.tox|\.nox|node_modules)\//;

export interface FrameLocation {
  path: string;
  line: number;
}

/** All frames of a traceback that point at a readable file inside the repository, in order. */
export function repoFrames(traceback: string, context: ParseContext): FrameLocation[] {
  const frames: FrameLocation[] = [];
  for (const rawLine of traceback.split(/\r?\n/)) {
    const match = PYTEST_FRAME.exec(rawLine) ?? NATIVE_FRAME.exec(rawLine);
    if (!match) continue;
    const path = repoPathOf(match[1]!, context);
    const line = Number(match[2]);
    if (path === undefined || !Number.isInteger(line) || line < 1 || NOT_PROJECT_CODE.test(path)) continue;
    if (context.files.lineCount(path) === undefined) continue;
    frames.push({ path, line });
  }
  return frames;
}

/** The last in-repository frame, or undefined when the traceback names none. */
export function failureLocation(traceback: string, context: ParseContext): FrameLocation | undefined {
  return repoFrames(traceback, context).at(-1);
}
