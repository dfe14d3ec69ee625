// One error taxonomy: the product's errors share a base, keep their names and messages.
import { describe, expect, it } from 'vitest';
import { modelCredentials } from '../../../src/adapters/anthropic/credentials.js';
import { createModelPort, ModelCallError } from '../../../src/adapters/anthropic/anthropic-model.js';
import { ReplayExhaustedError, ReplayMismatchError, ReplayedModelError } from '../../../src/adapters/anthropic/replay-model.js';
import { checkModelCredentials } from '../../../src/adapters/anthropic/routes.js';
import { SessionFormatError } from '../../../src/adapters/anthropic/session-format.js';
import { GitError, NotAGitCheckoutError } from '../../../src/adapters/git/local-git.js';
import { ConfigError } from '../../../src/action/config.js';
import { InputError } from '../../../src/action/inputs.js';
import { StateFileError } from '../../../src/cli/run/state-store.js';
import { SpecLoadError } from '../../../src/cli/run/load-spec.js';
import { UsageError } from '../../../src/cli/usage.js';
import { GitHubApiError } from '../../../src/github/errors.js';
import { LockFileError } from '../../../src/pipeline/drift/lock-file.js';
import { isSpecAutomationError, MissingCredentialsError, SpecAutomationError } from '../../../src/pipeline/errors.js';
import { PatternError } from '../../../src/pipeline/linear-regex.js';

describe('SpecAutomationError', () => {
  it('is the base of the errors people act on, each keeping its name and message', () => {
    const errors: [Error, string][] = [
      [new UsageError('bad flag'), 'UsageError: bad flag'],
      [new InputError('gates', 'no such gate'), 'InputError: Input "gates": no such gate'],
      [new ConfigError('.github/spec-automation.yml', []), 'ConfigError: The configuration .github/spec-automation.yml has 0 errors (first: .github/spec-automation.yml). Fix it; no gate was run.'],
      [new LockFileError('newer version', []), 'LockFileError: newer version'],
      [new PatternError('bad pattern'), 'PatternError: bad pattern'],
      [new SpecLoadError('not Markdown'), 'SpecLoadError: not Markdown'],
      [new StateFileError('not JSON'), 'StateFileError: not JSON'],
      [new GitError('git failed', ['status'], ''), 'GitError: git failed'],
      [new NotAGitCheckoutError('not a checkout'), 'NotAGitCheckoutError: not a checkout'],
      [new SessionFormatError('line 3'), 'SessionFormatError: line 3'],
      [new ReplayMismatchError('differs', 2), 'ReplayMismatchError: differs'],
      [new ReplayExhaustedError('no more'), 'ReplayExhaustedError: no more'],
      [new ReplayedModelError('overloaded'), 'ReplayedModelError: overloaded'],
      [new ModelCallError('500', 500, 'req_1'), 'ModelCallError: 500'],
    ];
    for (const [error, shown] of errors) {
      expect(error).toBeInstanceOf(SpecAutomationError);
      expect(isSpecAutomationError(error)).toBe(true);
      expect(String(error)).toBe(shown);
    }
    expect(isSpecAutomationError(new TypeError('a crash'))).toBe(false);
  });

  it('keeps the cause and the fix apart from the message', () => {
    const cause = new Error('HTTP 403');
    const error = new GitHubApiError({ kind: 'permission', status: 403, operation: 'create the check run', reason: 'Resource not accessible', fix: 'Grant `checks: write`.', cause });
    expect(error).toBeInstanceOf(SpecAutomationError);
    expect(error.message).toBe('Could not create the check run: Resource not accessible. Grant `checks: write`.');
    expect(error.fix).toBe('Grant `checks: write`.');
    expect(error.cause).toBe(cause);
    expect(new UsageError('x').fix).toBeUndefined();
  });
});

describe('MissingCredentialsError', () => {
  it('is what the CLI, the model port and the app start-up check all give for missing credentials', () => {
    const check = checkModelCredentials({}, { provider: 'anthropic' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const cli = new MissingCredentialsError({ problem: check.message, route: check.route, fix: 'Or replay.' });
    expect(cli.message).toBe(`${check.message}\nOr replay.`);
    expect(cli).toMatchObject({ route: 'anthropic', variable: 'ANTHROPIC_API_KEY', problem: check.message, fix: 'Or replay.' });

    expect(() => createModelPort({ route: 'anthropic', env: {}, timeoutMs: 1000, maxRetries: 0 })).toThrow(MissingCredentialsError);

    const app = modelCredentials({ SPEC_AUTOMATION_MODEL_PROVIDER: 'foundry' });
    expect(app.ok).toBe(false);
    if (app.ok) return;
    expect(app.error).toBeInstanceOf(MissingCredentialsError);
    expect(app.error.route).toBe('foundry');
    // The start-up warning's words come from the error: its problem without the full stop, its variable.
    expect(app.problem).toBe(app.error.problem.replace(/\.$/, ''));
    expect(app.variable).toBe('ANTHROPIC_FOUNDRY_RESOURCE');
  });

  it('names the variable after the route prefix, or the one given', () => {
    expect(new MissingCredentialsError({ problem: 'Model route bedrock (agent.provider): AWS_REGION is not set; …', route: 'bedrock' }).variable).toBe('AWS_REGION');
    expect(new MissingCredentialsError({ problem: 'no credentials', route: 'anthropic' }).variable).toBe('ANTHROPIC_API_KEY');
    const named = modelCredentials({ SPEC_AUTOMATION_MODEL_PROVIDER: 'azure' });
    expect(named).toMatchObject({ ok: false, variable: 'SPEC_AUTOMATION_MODEL_PROVIDER', error: { variable: 'SPEC_AUTOMATION_MODEL_PROVIDER' } });
  });
});
