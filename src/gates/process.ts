/**
 * Runs one tool process: never rejects, kills the whole process tree on timeout or
 * cancellation (process group on POSIX, `taskkill /T /F` on Windows, both through
 * execa's `killDescendants`), caps captured output, optionally lowers the CPU priority.
 *
 * The tool writes its stdout and stderr straight into two files (it is given their file
 * descriptors): no byte of its output passes through this process while it runs, and
 * the text is read back once at the end. (Piped output, even piped on into a file,
 * costs the orchestrator its chunks, execa's copy of the text and an error message
 * that quotes all of it: 60-90 MB for a 5 MB report.) So nothing waits for end-of-output
 * either: the result comes when the tool exits. A descendant that left the group
 * (`setsid`) and still has the files open is found through /proc (held-output.ts), given
 * a moment to finish, then killed; what is left of the group is killed too, so no process
 * of a gate outlives its result. execa is imported lazily so a fully cached run does
 * not pay for loading it.
 */
import { closeSync, openSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { constants, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Execa from 'execa';
import { killHolders, outputHolders } from './held-output.js';

export interface ProcessRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** Nice 10 on POSIX, BELOW_NORMAL on Windows: linters yield the CPU to the test run. */
  lowPriority: boolean;
  /** Per stream; output beyond it is not read and not trusted (`outputCapped`). */
  maxBufferBytes: number;
  signal?: AbortSignal;
  /**
   * The directory the tool's stdout and stderr are written into (files `stdout`,
   * `stderr`); default a temp directory of its own, removed afterwards. Beyond
   * `maxBufferBytes` the output is not read and counts as capped.
   */
  outputDir?: string;
  /** Called once the process has been started (not when it could not be). */
  onSpawned?: () => void;
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** Signal that ended the process, if any. */
  signal?: string;
  timedOut: boolean;
  cancelled: boolean;
  outputCapped: boolean;
  /** The program could not be started at all (ENOENT, EACCES …). */
  spawnError?: string;
  /**
   * The tool had exited but `processes` outside its process group still held its output
   * open and were killed (found on Linux only), so the output may be incomplete.
   */
  heldOutput?: { processes: number };
  durationMs: number;
}

/** Grace between SIGTERM and SIGKILL for the whole tree. */
const FORCE_KILL_AFTER_MS = 3_000;
/** How long output may still arrive after the tool exited before whoever holds it open is killed. */
const OUTPUT_GRACE_MS = 1_000;
const HOLDER_POLL_MS = 50;

let execaModule: Promise<typeof Execa> | undefined;

/**
 * An open file descriptor for a child's stdout or stderr. execa passes any descriptor
 * to `child_process.spawn` as is, but its types list only 1 to 9.
 */
type Descriptor = 1 | 2;

/**
 * Starts loading execa now. A run that will certainly start tools calls this first, so
 * the load overlaps with planning and input hashing instead of delaying the first tool.
 */
export function preloadProcessRunner(): void {
  execaModule ??= import('execa');
}

/** An output file's text; undefined when it is larger than `max` bytes (not to be trusted, not read). */
async function readOutput(path: string, max: number): Promise<string | undefined> {
  try {
    if ((await stat(path)).size > max) return undefined;
    // Decoded in one piece: `readFile(path, 'utf8')` joins decoded chunks into a string
    // that the first search then copies flat (another 5 MB for basedpyright's report).
    return (await readFile(path)).toString('utf8');
  } catch {
    // Never created: the program did not start.
    return '';
  }
}

/**
 * Processes that still have the tool's output files open once it exited (Linux: /proc
 * names the files by path). Waits up to the grace for them to finish, then kills the
 * rest with their process groups; returns how many were killed.
 */
async function killLateHolders(files: readonly string[]): Promise<number> {
  if (process.platform !== 'linux') return 0;
  let holders = outputHolders(files);
  const deadline = performance.now() + OUTPUT_GRACE_MS;
  while (holders.length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, HOLDER_POLL_MS));
    holders = outputHolders(files);
  }
  killHolders(holders);
  return holders.length;
}

/** Runs a command to completion; never rejects (a failure to start is `spawnError`). */
export async function runProcess(request: ProcessRequest): Promise<ProcessResult> {
  // Cancelled while it waited for a slot: nothing is started.
  if (request.signal?.aborted) return { stdout: '', stderr: '', exitCode: null, timedOut: false, cancelled: true, outputCapped: false, durationMs: 0 };
  preloadProcessRunner();
  const { execa } = await execaModule!;
  const started = performance.now();
  const [file, ...args] = request.argv;
  if (file === undefined) throw new Error('runProcess: empty command line');
  const ownDir = request.outputDir === undefined ? await mkdtemp(join(tmpdir(), 'spec-automation-out-')) : undefined;
  try {
    // The real path: /proc shows the files that way (the temp directory may be behind a symlink).
    const dir = realpathSync.native(request.outputDir ?? ownDir!);
    const files = { stdout: join(dir, 'stdout'), stderr: join(dir, 'stderr') };
    const fds = { stdout: openSync(files.stdout, 'w'), stderr: openSync(files.stderr, 'w') };
    const spawn = () =>
      execa(file, args, {
        cwd: request.cwd,
        env: request.env,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        // Descriptors, not `{ file }` (which execa pipes through this process).
        stdout: fds.stdout as Descriptor,
        stderr: fds.stderr as Descriptor,
        timeout: request.timeoutMs,
        killDescendants: true,
        forceKillAfterDelay: FORCE_KILL_AFTER_MS,
        windowsHide: true,
        ...(request.signal ? { cancelSignal: request.signal } : {}),
      });
    let subprocess: ReturnType<typeof spawn>;
    try {
      subprocess = spawn();
    } finally {
      // The child has its own copies once spawned (spawning is synchronous).
      closeSync(fds.stdout);
      closeSync(fds.stderr);
    }
    if (subprocess.pid !== undefined) request.onSpawned?.();
    if (request.lowPriority && subprocess.pid !== undefined) {
      try {
        setPriority(subprocess.pid, constants.priority.PRIORITY_BELOW_NORMAL);
      } catch {
        // The process may already have exited; priority is an optimisation, not a requirement.
      }
    }
    const result = await subprocess;
    const abnormal = result.timedOut || result.isCanceled || result.isTerminated;
    // Whoever still has the output open: a descendant that left the group (`setsid`), or
    // one in it that ignored the timeout's SIGTERM. It gets the grace to finish (a process
    // dying of that SIGTERM is gone within it), then it is killed and named.
    const held = await killLateHolders([files.stdout, files.stderr]);
    // The direct child is gone, but a descendant in its group may live on without holding
    // the output (a background server a test forgot): the group (POSIX) is still
    // addressable, so make sure nothing of the gate outlives its result.
    try {
      subprocess.kill('SIGKILL');
    } catch {
      // Already gone.
    }
    const spawnError = result.exitCode === undefined && !abnormal && result.failed ? (result.originalMessage ?? result.shortMessage ?? 'could not start') : undefined;
    const [stdout, stderr] = await Promise.all([readOutput(files.stdout, request.maxBufferBytes), readOutput(files.stderr, request.maxBufferBytes)]);
    return {
      stdout: stdout ?? '',
      stderr: stderr ?? '',
      exitCode: typeof result.exitCode === 'number' ? result.exitCode : null,
      ...(result.signal ? { signal: result.signal } : {}),
      timedOut: Boolean(result.timedOut),
      cancelled: Boolean(result.isCanceled),
      outputCapped: stdout === undefined || stderr === undefined,
      ...(spawnError ? { spawnError } : {}),
      ...(held > 0 ? { heldOutput: { processes: held } } : {}),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    if (ownDir) await rm(ownDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
