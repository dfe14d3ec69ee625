// action.yml is the action's interface: its inputs must be exactly the ones run() reads,
// with the same defaults, and its outputs exactly the ones run() sets.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../../src/action/inputs.js';
import { outputsOf } from '../../../src/action/outcome.js';

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs dist/index.js on node24 and fits the Marketplace limits', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.branding.icon).not.toBe('');
  });

  it('declares exactly the inputs run() reads, none required', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.required, name).toBe(false);
      expect(input.description.length, name).toBeGreaterThan(20);
    }
  });

  it('has the defaults run() uses when an input is empty', () => {
    const defaults = (name: string) => String(action.inputs[name]?.default ?? '');
    const fromYml = parseInputs((name) => (name === 'github-token' ? '' : defaults(name)));
    expect(fromYml).toEqual(parseInputs(() => ''));
    expect(defaults('github-token')).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs run() sets', () => {
    const outputs = outputsOf({ conclusion: 'success', errors: 0, warnings: 0, failedGates: [], resultsFile: '', sarifFile: undefined, failure: undefined });
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(outputs).sort());
  });
});
