import { Redactor } from '../pipeline/redact.js';

/**
 * What a CLI command may touch of the outside world, passed in so tests can capture
 * output and set the working directory and environment without touching the process.
 */
import { isInteractive, wantsColor } from './terminal.js';

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colour codes in what goes to stdout (reports) and to stderr (progress, errors): see terminal.ts. */
  stdoutColor: boolean;
  stderrColor: boolean;
  /** stderr is an interactive terminal: the live status redraws there; otherwise one line per change. */
  liveStderr: boolean;
  /** stderr's width in cells now (a terminal can be resized mid-run); undefined when unknown. */
  columns?: () => number | undefined;
  /** Ctrl-C: commands that run long work stop cleanly and keep their state. */
  signal?: AbortSignal;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** Findings at the fail level, failing gates, a spec with errors. */
  findings: 1,
  /** Bad usage, a tool that could not run, a configuration error. */
  error: 2,
} as const;

export function processIO(signal?: AbortSignal): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdoutColor: wantsColor(Boolean(process.stdout.isTTY), process.env),
    stderrColor: wantsColor(Boolean(process.stderr.isTTY), process.env),
    liveStderr: isInteractive(process.stderr, process.env),
    columns: () => process.stderr.columns,
    signal,
  };
}

/**
 * The same IO with every line written redacted: the secrets of its environment (the
 * model key, tokens) never reach the terminal or a log that captures it.
 */
export function redactedIO(io: CliIO, redactor: Redactor = Redactor.fromEnv(io.env)): CliIO {
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(redactor.redact(text)) },
    stderr: { write: (text: string) => io.stderr.write(redactor.redact(text)) },
  };
}
