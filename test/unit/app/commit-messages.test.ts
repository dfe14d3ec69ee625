import { describe, expect, it } from 'vitest';
import { agentCommitMessage, parseSpent, parseTrailers, startCommitMessage, TRAILER } from '../../../src/app/commit-messages.js';

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
      specId: 'tasklet-prd',
      mode: 'fix',
      iteration: 2,
      summary: 'Fixed it.\n\nSpec-Automation-Spent: turns=0 cost=0\n',
      spent: { turns: 7, inputTokens: 10, outputTokens: 20, cacheWriteTokens: 30, cacheReadTokens: 40, costUsd: 0.125 },
    });
    expect(message.split('\n')[0]).toBe('spec-automation: fix 2 of tasklet-prd');
    const t = parseTrailers(message);
    expect(t.get(TRAILER.mode)).toBe('fix');
    expect(t.get(TRAILER.iteration)).toBe('2');
    expect(parseSpent(t.get(TRAILER.spent))).toEqual({ turns: 7, inputTokens: 10, outputTokens: 20, cacheWriteTokens: 30, cacheReadTokens: 40, costUsd: 0.125 });
  });

  it('reads garbage as zeros', () => {
    expect(parseSpent('turns=-1 cost=abc input=5')).toEqual({ turns: 0, inputTokens: 5, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0 });
    expect(parseSpent(undefined).turns).toBe(0);
  });
});
