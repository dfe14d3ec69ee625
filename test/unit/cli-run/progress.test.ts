// The local run's progress lines: a turn's cost in dollars on a priced model, "cost
// unknown" with the run's tokens on one without a price; run_gates calls name what they ran.
import { describe, expect, it } from 'vitest';
import { RunProgress, toolTarget } from '../../../src/cli/run/progress.js';

function lines(price?: { input: number; output: number; cacheWrite: number; cacheRead: number }): { progress: RunProgress; text: () => string } {
  let out = '';
  const progress = new RunProgress({ write: (t: string) => (out += t) }, { interactive: false, color: false, ...(price ? { price } : {}) });
  return { progress, text: () => out };
}

const tokens = { inputTokens: 1000, outputTokens: 200, cacheWriteTokens: 300, cacheReadTokens: 4000 };

describe('RunProgress', () => {
  it('a priced model: the turn and the run in dollars', () => {
    const { progress, text } = lines({ input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 });
    progress.agent({ type: 'response', turn: 1, stopReason: 'tool_use', tokens, costUsd: 0.0071 });
    expect(text()).toContain('out 200  $0.0071, run $0.0083');
  });

  it('an unpriced model: "cost unknown" and the run\'s tokens, never $0.0000', () => {
    const { progress, text } = lines();
    progress.agent({ type: 'response', turn: 1, stopReason: 'tool_use', tokens, costUsd: 0 });
    progress.agent({ type: 'response', turn: 2, stopReason: 'tool_use', tokens, costUsd: 0 });
    expect(text()).toContain('out 200  cost unknown, run 5,500 tokens');
    expect(text()).toContain('out 200  cost unknown, run 11,000 tokens');
    expect(text()).not.toContain('$');
  });

  it('a run_gates call is shown with its test or gates', () => {
    expect(toolTarget('run_gates', { test: 'tests/test_export.py::test_x' })).toBe('tests/test_export.py::test_x');
    expect(toolTarget('run_gates', { gates: ['ruff', 'pytest'] })).toBe('ruff,pytest');
    expect(toolTarget('run_gates', {})).toBe('');
  });
});
