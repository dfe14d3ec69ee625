/**
 * Runs one tool process: never rejects, kills the whole process tree on timeout or
 * cancellation (process group on POSIX, `taskkill /T /F` on Windows, both through
 * execa's `killDescendants`), caps captured output, optionally lowers the CPU priority.
 * Once the tool has exited, it does not wait long for its output pipes: a descendant
 * that left the group (`setsid`) and kept them open is found and killed (held-output.ts),
 * and the pipes are closed; what is left of the group is killed too, so no process of a
 * gate outlives its result. execa is imported lazily so a fully cached run does not pay
 * for loading it.
 */
import { readFile, stat } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import { join } from 'node:path';
import type * as Execa from 'execa';
import { killHolders, outputEnds, pipeHolders } from './held-output.js';

export interface ProcessRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** Nice 10 on POSIX, BELOW_NORMAL on Windows: linters yield the CPU to the test run. */
  lowPriority: boolean;
  /** Per stream; beyond it the process is killed and the output is not trusted. */
  maxBufferBytes: number;
  signal?: AbortSignal;
  /**
   * A directory to write stdout and stderr into (files `stdout`, `stderr`) instead of
   * pipes: the child writes straight to the files and the text is read back once, which
   * keeps a 5 MB report from costing the orchestrator 60-90 MB in pipe buffering.
   * Beyond `maxBufferBytes` the output is not read and counts as capped.
   */
  outputDir?: string;
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
   * The tool had exited but its output pipes were still open: `processes` outside its
   * process group held them and were killed (0 when none could be found, off Linux);
   * the pipes were then closed, so the output may be incomplete.
   */
  heldOutput?: { processes: number };
  durationMs: number;
}

/** Grace between SIGTERM and SIGKILL for the whole tree. */
const FORCE_KILL_AFTER_MS = 3_000;
/** How long output may still arrive after the tool exited before whoever holds the pipes is killed. */
const OUTPUT_GRACE_MS = 1_000;
/** After killing the holders, how long the pipes get to close by themselves before they are destroyed. */
const CLOSE_GRACE_MS = 250;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join('\n');
  return value === undefined || value === null ? '' : String(value);
}

let execaModule: Promise<typeof Execa> | undefined;

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
    return await readFile(path, 'utf8');
  } catch {
    // Never created: the program did not start.
    return '';
  }
}

/** Runs a command to completion; never rejects (a failure to start is `spawnError`). */
export async function runProcess(request: ProcessRequest): Promise<ProcessResult> {
  preloadProcessRunner();
  const { execa } = await execaModule!;
  const started = performance.now();
  const [file, ...args] = request.argv;
  if (file === undefined) throw new Error('runProcess: empty command line');
  const files = request.outputDir ? { stdout: join(request.outputDir, 'stdout'), stderr: join(request.outputDir, 'stderr') } : undefined;
  const subprocess = execa(file, args, {
    cwd: request.cwd,
    env: request.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    ...(files ? { stdout: { file: files.stdout }, stderr: { file: files.stderr } } : {}),
    timeout: request.timeoutMs,
    killDescendants: true,
    forceKillAfterDelay: FORCE_KILL_AFTER_MS,
    maxBuffer: request.maxBufferBytes,
    windowsHide: true,
    stripFinalNewline: false,
    ...(request.signal ? { cancelSignal: request.signal } : {}),
  });
  // The tool's ends of its output pipes, to find who else holds them if they stay open.
  const pipes = process.platform === 'linux' ? outputEnds(subprocess.pid) : [];
  let heldOutput: { processes: number } | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  subprocess.nodeChildProcess.once('exit', () => {
    graceTimer = setTimeout(() => {
      const holders = pipeHolders(pipes);
      killHolders(holders);
      heldOutput = { processes: holders.length };
      graceTimer = setTimeout(
        () => {
          subprocess.stdout?.destroy();
          subprocess.stderr?.destroy();
        },
        holders.length > 0 ? CLOSE_GRACE_MS : 0,
      );
    }, OUTPUT_GRACE_MS);
  });
  if (request.lowPriority && subprocess.pid !== undefined) {
    try {
      setPriority(subprocess.pid, constants.priority.PRIORITY_BELOW_NORMAL);
    } catch {
      // The process may already have exited; priority is an optimisation, not a requirement.
    }
  }
  const result = await subprocess;
  clearTimeout(graceTimer);
  const abnormal = result.timedOut || result.isCanceled || result.isMaxBuffer || result.isTerminated;
  // The direct child is gone, but a descendant in its group may live on without holding
  // a pipe (a background server a test forgot, one that ignored SIGTERM): the group
  // (POSIX) is still addressable, so make sure nothing of the gate outlives its result.
  try {
    subprocess.kill('SIGKILL');
  } catch {
    // Already gone.
  }
  const spawnError = result.exitCode === undefined && !abnormal && result.failed ? (result.originalMessage ?? result.shortMessage ?? 'could not start') : undefined;
  const [stdout, stderr] = files ? await Promise.all([readOutput(files.stdout, request.maxBufferBytes), readOutput(files.stderr, request.maxBufferBytes)]) : [text(result.stdout), text(result.stderr)];
  return {
    stdout: stdout ?? '',
    stderr: stderr ?? '',
    exitCode: typeof result.exitCode === 'number' ? result.exitCode : null,
    ...(result.signal ? { signal: result.signal } : {}),
    timedOut: Boolean(result.timedOut),
    cancelled: Boolean(result.isCanceled),
    outputCapped: Boolean(result.isMaxBuffer) || stdout === undefined || stderr === undefined,
    ...(spawnError ? { spawnError } : {}),
    ...(heldOutput ? { heldOutput } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}
