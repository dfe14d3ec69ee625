import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT, InputError, parseInputs, splitList } from '../../../src/action/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

function errorOf(values: Record<string, string>): InputError {
  try {
    parseInputs(reader(values));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('parseInputs accepted the inputs');
}

describe('parseInputs', () => {
  it('gives the documented defaults when nothing is set', () => {
    const inputs = parseInputs(reader({}));
    expect(inputs).toEqual({
      mode: 'gates',
      gates: undefined,
      workingDirectory: '.',
      config: '.github/spec-automation.yml',
      configExplicit: false,
      python: undefined,
      token: '',
      failOn: undefined,
      maxReviewComments: 30,
      report: new Set(DEFAULT_REPORT),
      sarifFile: undefined,
      cache: true,
    });
  });

  it('reads every input as action.yml names it', () => {
    const inputs = parseInputs(
      reader({
        mode: ' Validate ',
        gates: 'ruff, pytest\nruff\n',
        'working-directory': 'app',
        config: './ci/gates.yml',
        python: 'C:\\hostedtoolcache\\Python\\3.12\\python.exe',
        'github-token': ' ghs_x ',
        'fail-on': 'WARNING',
        'max-review-comments': '0',
        report: 'summary,Annotations',
        'sarif-file': 'out/gates.sarif',
        cache: 'False',
      }),
    );
    expect(inputs).toMatchObject({
      mode: 'validate',
      gates: ['ruff', 'pytest'],
      workingDirectory: 'app',
      config: './ci/gates.yml',
      configExplicit: true,
      python: 'C:\\hostedtoolcache\\Python\\3.12\\python.exe',
      token: 'ghs_x',
      failOn: 'warning',
      maxReviewComments: 0,
      sarifFile: 'out/gates.sarif',
      cache: false,
    });
    expect([...inputs.report]).toEqual(['summary', 'annotations']);
  });

  it('treats the default config path written differently as the default', () => {
    expect(parseInputs(reader({ config: './.github/spec-automation.yml' })).configExplicit).toBe(false);
    expect(parseInputs(reader({ config: '.github\\spec-automation.yml' })).configExplicit).toBe(false);
  });

  it.each([
    [{ mode: 'lint' }, 'mode', 'must be one of gates, validate, revalidate; got "lint".'],
    [{ 'fail-on': 'errors' }, 'fail-on', 'must be one of error, warning, never; got "errors".'],
    [{ 'max-review-comments': '-1' }, 'max-review-comments', 'must be a whole number from 0 to 1000; got "-1".'],
    [{ 'max-review-comments': '1001' }, 'max-review-comments', 'must be a whole number from 0 to 1000; got "1001".'],
    [{ 'max-review-comments': '2.5' }, 'max-review-comments', 'must be a whole number from 0 to 1000; got "2.5".'],
    [{ cache: 'on' }, 'cache', 'must be true or false; got "on".'],
    [{ report: 'checks, review' }, 'report', 'unknown target "checks"; use a comma-separated list of check-runs, review, summary, sarif, annotations.'],
    [{ report: 'slack,teams' }, 'report', 'unknown targets "slack", "teams"; use a comma-separated list of check-runs, review, summary, sarif, annotations.'],
    [{ gates: 'ruff; pytest' }, 'gates', '"ruff; pytest" is not a gate name (letters, digits, ".", "_" and "-"). Use a comma-separated list such as "ruff, pytest".'],
    [{ 'working-directory': '   ' }, 'working-directory', 'is blank; leave it out for the default.'],
    [{ python: 'py\0thon' }, 'python', 'contains a NUL character.'],
  ])('rejects %j naming the input', (values, input, message) => {
    const error = errorOf(values as Record<string, string>);
    expect(error.input).toBe(input);
    expect(error.message).toBe(`Input "${input}": ${message}`);
  });

  it('cuts a very long bad value in the message', () => {
    const error = errorOf({ mode: 'x'.repeat(500) });
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toContain('…');
  });
});

describe('splitList', () => {
  it('splits on commas and newlines and drops blanks', () => {
    expect(splitList(' a,b ,\n c\r\n,,')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
  });
});
