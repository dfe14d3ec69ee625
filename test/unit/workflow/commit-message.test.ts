import { describe, expect, it } from 'vitest';
import { agentCommitMessage, parseSpent, parseTrailers, startCommitMessage, TRAILER } from '../../../src/pipeline/workflow/commit-message.js';

describe('commit messages', () => {
  const spec = { path: 'docs/prd.md', type: 'prd', id: 'tasklet-prd', title: 'Tasklet', contentHash: 'abc123' } as const;

  it('names the spec in the start commit trailers', () => {
    const t = parseTrailers(startCommitMessage(spec, 'f'.repeat(40)));
    expect(t.get(TRAILER.spec)).toBe('docs/prd.md');
    expect(t.get(TRAILER.type)).toBe('prd');
    expect(t.get(TRAILER.hash)).toBe('abc123');
    expect(t.get(TRAILER.base)).toBe('f'.repeat(40));
  });

  it('carries what an iteration spent, whatever the summary says', () => {
    const message = agentCommitMessage({
      spec,
      mode: 'fix',
      iteration: 2,
      summary: 'Fixed it.\n\nSpec-Automation-Spent: turns=0 cost=0\n',
      stopReason: 'finished',
      turns: 7,
      files: 1,
      spent: { turns: 7, inputTokens: 10, outputTokens: 20, cacheWriteTokens: 30, cacheReadTokens: 40, costUsd: 0.125 },
    });
    expect(message.split('\n')[0]).toBe('spec-automation: fix 2 of tasklet-prd');
    const t = parseTrailers(message);
    expect(t.get(TRAILER.mode)).toBe('fix');
    expect(t.get(TRAILER.iteration)).toBe('2');
    expect(parseSpent(t.get(TRAILER.spent))).toEqual({ turns: 7, inputTokens: 10, outputTokens: 20, cacheWriteTokens: 30, cacheReadTokens: 40, costUsd: 0.125 });
  });

  it('names the spec and says honestly how the agent ended, above the trailers', () => {
    const message = agentCommitMessage({ spec, mode: 'implement', iteration: 0, summary: 'Added CSV export.', stopReason: 'finished', turns: 4, files: 3, spent: parseSpent('turns=4') });
    expect(message.split('\n\n').slice(0, 3)).toEqual(['spec-automation: implement tasklet-prd', 'Added CSV export.', 'Spec: docs/prd.md (prd, sha256 abc123)\nAgent: finished after 4 turns, 3 files changed']);
    expect(parseTrailers(message).get(TRAILER.iteration)).toBe('0');
  });

  it('marks partial work and names the failures a fix works on', () => {
    const message = agentCommitMessage({ spec, mode: 'fix', iteration: 1, summary: 'Turn budget used up.', stopReason: 'budget:turns', turns: 1, files: 1, spent: parseSpent(''), fixing: { gates: ['pytest failed'], headSha: '1234567890' } });
    expect(message.split('\n')[0]).toBe('spec-automation: fix 1 of tasklet-prd (partial: agent stopped, budget:turns)');
    expect(message).toContain('Fixing: pytest failed on 1234567');
    expect(message).toContain('Agent: budget:turns after 1 turn, 1 file changed');
    // The facts paragraph is not mistaken for trailers.
    expect([...parseTrailers(message).keys()]).toEqual([TRAILER.mode, TRAILER.iteration, TRAILER.spent]);
  });

  it('reads garbage as zeros', () => {
    expect(parseSpent('turns=-1 cost=abc input=5')).toEqual({ turns: 0, inputTokens: 5, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0 });
    expect(parseSpent(undefined).turns).toBe(0);
  });
});
