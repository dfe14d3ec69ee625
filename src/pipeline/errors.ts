/**
 * The errors spec-automation raises on purpose, with one base (release-please's
 * `src/errors/index.ts` habit): every error a person can act on is a
 * {@link SpecAutomationError}. Its message says what failed and, mostly, what to do,
 * exactly as before this base existed (the messages are what users see); `fix` holds
 * the what-to-do part on its own where the error knows it apart from the message, and
 * `cause` keeps the error underneath. Entries tell their own errors from a crash with
 * {@link isSpecAutomationError}.
 *
 * Where the errors live: each next to the code that raises it (the configuration's in
 * src/action/config.ts, a bad flag's in src/cli/usage.ts, GitHub's in
 * src/github/errors.ts, …); this module holds the base and the errors more than one
 * entry raises, such as {@link MissingCredentialsError}.
 */

export interface SpecAutomationErrorOptions {
  /** The error underneath (an errno error, an HTTP error). */
  cause?: unknown;
  /** What to do about it, when the error knows it apart from its message. */
  fix?: string;
}

/**
 * The base of the product's errors. It leaves `name` to each subclass (an error that sets
 * none still prints as `Error: …`, as it did).
 */
export class SpecAutomationError extends Error {
  /** What to do about it, when known apart from the message (the message may say it too). */
  readonly fix: string | undefined;

  constructor(message: string, options: SpecAutomationErrorOptions = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.fix = options.fix;
  }
}

/** True for an error the product raised on purpose (its message is meant for a person), false for a crash. */
export function isSpecAutomationError(error: unknown): error is SpecAutomationError {
  return error instanceof SpecAutomationError;
}

/** The first environment variable a credentials problem names, after the route's own prefix. */
function firstVariable(problem: string): string | undefined {
  return /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.exec(problem.replace(/^Model route \w+ \([^)]*\): /, ''))?.[0];
}

/**
 * The model route's credentials are missing or malformed. One type for every place that
 * finds out: `spec-automation run` before it starts (with the offline alternative as its
 * fix), the model port when it is built, and the app's start-up check, which shows
 * {@link problem} and {@link variable} as its warning.
 */
export class MissingCredentialsError extends SpecAutomationError {
  override readonly name = 'MissingCredentialsError';
  /** The model route whose credentials are missing (`anthropic`, `bedrock`, …). */
  readonly route: string;
  /** One line: the route, the variable and how to set it (checkModelCredentials' message). */
  readonly problem: string;
  /** The variable to set, the first the problem names (`ANTHROPIC_API_KEY` when it names none). */
  readonly variable: string;

  /**
   * @param init.problem checkModelCredentials' one-line message
   * @param init.fix another way out, shown on a line of its own after the problem (the CLI's offline replay)
   */
  constructor(init: { problem: string; route: string; variable?: string; fix?: string; cause?: unknown }) {
    super(init.fix ? `${init.problem}\n${init.fix}` : init.problem, { cause: init.cause, fix: init.fix });
    this.route = init.route;
    this.problem = init.problem;
    this.variable = init.variable ?? firstVariable(init.problem) ?? 'ANTHROPIC_API_KEY';
  }
}
