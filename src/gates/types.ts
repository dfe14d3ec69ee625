/**
 * The shapes the gates engine is built from: a gate definition (how to run one tool),
 * a parser (how to read its output), and what they are given. A new tool is a
 * definition file plus a registry entry; the runner never changes for it.
 */
import type { DiagnosticInput } from '../pipeline/diagnostic.js';
import type { GateResult, TestSummary } from '../pipeline/gate-result.js';
import type { GateConfig, ParserName } from '../pipeline/config/schema.js';

/** What a finished process left behind, as the parser sees it. */
export interface ToolOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** Content of the report file (`{report}` or the gate's `report` setting), when there is one. */
  report?: string;
}

/** Read access to the repository's files, for clamping lines and finding traceback frames. */
export interface SourceFiles {
  /** Number of lines of a repo-relative file, or undefined when it cannot be read. */
  lineCount(path: string): number | undefined;
  /** Text of a 1-based line, or undefined. */
  lineText(path: string, line: number): string | undefined;
}

export interface ParseContext {
  /** Absolute repository root. */
  root: string;
  /** Absolute directory the tool ran in; relative paths in its output are relative to it. */
  cwd: string;
  /**
   * Where `root` lies in the repository (`app` for the action's `working-directory:
   * app`; `''` or absent at the repository root): put before every path a parser
   * produces, so paths come out repository-relative once, here.
   */
  prefix?: string;
  /** `source` of every diagnostic: the gate's name. */
  source: string;
  files: SourceFiles;
  /** The gate's configuration (the regex parser reads `pattern` from it). */
  gate: GateConfig;
}

export interface ParseResult {
  diagnostics: DiagnosticInput[];
  tests?: TestSummary;
  /** Version the tool printed in its own output (basedpyright's JSON has one). */
  toolVersion?: string;
}

/** Reads a tool's output. Throws {@link ToolOutputError} when the output cannot be trusted. */
export type Parser = (output: ToolOutput, context: ParseContext) => ParseResult;

/** Output that is empty, truncated or not in the expected format: a tool error, never a pass. */
export class ToolOutputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ToolOutputError';
  }
}

/**
 * What an exit code means for a tool.
 * ok: ran clean; findings: ran and (probably) found something; error: could not give a
 * verdict; no-tests: a test runner collected nothing (pytest 5).
 */
export type ExitClass = 'ok' | 'findings' | 'error' | 'no-tests';

/** How the program of a gate is found. */
export type Launcher =
  /** An executable looked up in the project's virtualenv, then `node_modules/.bin`, then PATH. */
  | { kind: 'tool'; name: string }
  /**
   * A Python module: `<python> -m <module>` when an interpreter is configured or the project
   * has a virtualenv, else the module's own script on PATH, else `<python on PATH> -m <module>`.
   */
  | { kind: 'python-module'; module: string; script: string };

export interface CommandContext {
  /** The interpreter the project uses, when one was found (for `--pythonpath`). */
  python?: string;
}

/** A built-in tool. */
export interface GateDefinition {
  /** Tool name, for SARIF `tool.driver.name` and messages. */
  tool: string;
  parser: ParserName;
  informationUri?: string;
  launcher: Launcher;
  /**
   * Arguments after the program: output flags the parser depends on (always added, even
   * when `command` overrides the program). `{report}` is replaced by a temp file path.
   */
  args(context: CommandContext): string[];
  /** Whether `args` needs the project's Python interpreter (basedpyright's `--pythonpath`). */
  usesPython?: boolean;
  /** How to install the tool, for the "not found" error. */
  installHint: string;
  /** Linters and type checkers yield the CPU to the test run by default. */
  lowPriority: boolean;
  classifyExit(code: number): ExitClass;
  /** A failure the exit code hides (basedpyright exits 0 when its config cannot be parsed). */
  detectToolError?(output: ToolOutput): string | undefined;
  /** Arguments that make the program print its version, for `toolVersion`. */
  versionArgs?: string[];
  /**
   * The default timeout follows the gate's last duration (3x, at least 5 minutes) once
   * one is known: test runs, whose length the project decides.
   */
  deriveTimeout?: boolean;
  /** What was running when the tool was killed (the test, from pytest's progress), for the timeout message. */
  runningWhenKilled?(stdout: string): string | undefined;
  /** Environment variables to drop from the child's environment (e.g. `RUFF_OUTPUT_FORMAT`). */
  unsetEnv?: string[];
  /** The suite can be split into processes by node id (pytest; see pytest-shards/). */
  shardable?: boolean;
}

export type GateProgressEvent =
  /** Every gate that will be reported, in order, before anything runs. */
  | { kind: 'planned'; gates: string[] }
  | { kind: 'started'; gate: string; command: string[] }
  | { kind: 'finished'; gate: string; result: GateResult }
  /** Failures first: the tests that failed last time have run again (before the rest of the gate). */
  | { kind: 'failed-first'; gate: string; tests: TestSummary };

export type { GateResult };
