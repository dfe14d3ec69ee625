/**
 * Bad usage of a command: an unknown flag, a missing argument, a value out of range.
 * Every command turns it into its message, its usage text and exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../pipeline/edit-distance.js';
import { SpecAutomationError } from '../pipeline/errors.js';

export class UsageError extends SpecAutomationError {
  override readonly name = 'UsageError';
}

/**
 * node:util `parseArgs` with the errors a person can act on: an unknown flag names the
 * nearest known one ("Unknown option '--formt'. Did you mean --format?"), and every parse
 * error is a {@link UsageError}.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(usageMessage(error, Object.keys(config.options ?? {})));
  }
}

function usageMessage(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message;
  const flag = /'(-{1,2}[^'=]+)/.exec(message)?.[1];
  if (!flag) return message;
  const suggestion = closestMatch(flag.replace(/^-+/, ''), known);
  return suggestion ? `Unknown option '${flag}'. Did you mean --${suggestion}?` : `Unknown option '${flag}'.`;
}

/** What a command prints on bad usage: the problem, then where the options are (not all of them). */
export function usageFailure(command: string, error: UsageError): string {
  return `spec-automation ${command}: ${error.message}\nRun \`spec-automation ${command} --help\` for the options.\n`;
}
