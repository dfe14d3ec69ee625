import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands.js';

describe('parseCommand', () => {
  it('reads the first line only, and only when it starts with /spec', () => {
    expect(parseCommand('/spec status')).toEqual({ kind: 'status' });
    expect(parseCommand('  /spec   cancel  \nthanks')).toEqual({ kind: 'cancel' });
    expect(parseCommand('Please run\n/spec retry')).toBeUndefined();
    expect(parseCommand('> /spec retry')).toBeUndefined();
    expect(parseCommand('I typed /spec retry earlier')).toBeUndefined();
    expect(parseCommand('/specs retry')).toBeUndefined();
    expect(parseCommand('/spec-retry')).toBeUndefined();
    expect(parseCommand(undefined)).toBeUndefined();
    expect(parseCommand(42)).toBeUndefined();
  });

  it('parses retry targets, default dev', () => {
    expect(parseCommand('/spec retry')).toEqual({ kind: 'retry', target: 'dev' });
    expect(parseCommand('/spec retry qa')).toEqual({ kind: 'retry', target: 'qa' });
    expect(parseCommand('/spec RETRY Validate')).toEqual({ kind: 'retry', target: 'validate' });
    expect(parseCommand('/spec retry dev qa')).toMatchObject({ kind: 'invalid' });
  });

  it('parses budget raises with their numbers', () => {
    expect(parseCommand('/spec retry dev --budget 30')).toEqual({ kind: 'retry', target: 'dev', raise: { costUsd: 30 } });
    expect(parseCommand('/spec retry --budget=$12.5 --iterations 5 --turns 120 --tokens 6000000')).toEqual({
      kind: 'retry',
      target: 'dev',
      raise: { costUsd: 12.5, maxIterations: 5, turns: 120, tokens: 6_000_000 },
    });
  });

  it('refuses bad arguments with a message', () => {
    expect(parseCommand('/spec retry --budget')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('--budget needs a number') });
    expect(parseCommand('/spec retry --budget -3')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/spec retry --turns 1.5')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/spec retry --budget 1e9')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/spec retry --force')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('unknown argument') });
    expect(parseCommand('/spec status now')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand(`/spec retry ${'x'.repeat(300)}`)).toMatchObject({ kind: 'invalid' });
  });

  it('answers unknown verbs and a bare /spec', () => {
    expect(parseCommand('/spec deploy')).toEqual({ kind: 'unknown', text: '/spec deploy' });
    expect(parseCommand('/spec')).toEqual({ kind: 'help' });
    expect(parseCommand('/spec help')).toEqual({ kind: 'help' });
  });
});
