import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/pipeline/config/load.js';

describe('parseConfigText', () => {
  it('gives every default for an empty file', () => {
    const result = parseConfigText('');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.config.gates)).toEqual(['ruff', 'basedpyright', 'pytest']);
    expect(result.config.agent.budgets.turns).toBeGreaterThan(0);
    expect(result.config.specs.executableStatuses).toEqual(['approved', 'implementing']);
  });

  it('points at the line of an unknown key and suggests the right one', () => {
    const result = parseConfigText('version: 1\ngatse:\n  ruff: {}\n');
    expect(result.ok).toBe(false);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ rule: 'config.unknown-key', range: { start: { line: 2, column: 1 } }, hint: 'Did you mean "gates"?' });
  });

  it('locates nested unknown keys and invalid values', () => {
    const text = ['gates:', '  ruff:', '    timout: 30', '  pytest:', '    noTests: maybe', 'agent:', '  budgets:', '    turns: -1', ''].join('\n');
    const result = parseConfigText(text);
    expect(result.ok).toBe(false);
    const byRule = result.diagnostics.map((d) => [d.rule, d.range.start.line, d.range.start.column]);
    expect(byRule).toContainEqual(['config.unknown-key', 3, 5]);
    expect(byRule).toContainEqual(['config.invalid', 5, 14]);
    expect(byRule).toContainEqual(['config.invalid', 8, 12]);
    expect(result.diagnostics.find((d) => d.range.start.line === 3)?.hint).toBe('Did you mean "timeout"?');
    expect(result.diagnostics.find((d) => d.range.start.line === 5)?.message).toContain('gates.pytest.noTests');
  });

  it('reports YAML syntax errors with their position', () => {
    const result = parseConfigText('specs:\n  include: [a\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ rule: 'config.yaml', severity: 'error' });
    expect(result.diagnostics[0]!.range.start.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a document that is not a mapping', () => {
    const result = parseConfigText('- ruff\n- pytest\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.rule).toBe('config.not-mapping');
  });

  it('accepts a custom gate and disables a default one', () => {
    const result = parseConfigText('gates:\n  ruff: false\n  eslint:\n    command: npx eslint -f json .\n    parser: sarif\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.gates.ruff).toBe(false);
    expect(result.config.gates.eslint).toMatchObject({ parser: 'sarif', enabled: true });
    // No timeout unless configured: the gates engine picks one (900 s, or for pytest 3x its last duration).
    expect(result.config.gates.eslint).not.toHaveProperty('timeout');
  });
});
