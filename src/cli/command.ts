import type { CliIO } from './io.js';

export interface Command {
  name: string;
  /** One line for `spec-automation --help`. */
  summary: string;
  /** Full usage text for `spec-automation <name> --help`. */
  usage: string;
  /** Returns the process exit code (see EXIT). */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Commands load lazily so `validate` does not pay for the agent's SDK at start-up. */
export type CommandLoader = () => Promise<Command>;
