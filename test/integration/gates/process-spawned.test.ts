/**
 * runProcess's `onSpawned`: told once the process has started (the sharded pytest gate
 * starts removing earlier runs' directories then), never when it could not start.
 */
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../../src/gates/process.js';

const request = (argv: string[], onSpawned: () => void) => ({ argv, cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' }, timeoutMs: 30_000, lowPriority: false, maxBufferBytes: 1 << 20, onSpawned });

describe('runProcess onSpawned', () => {
  it('is called once for a process that started, before its result', async () => {
    const calls: string[] = [];
    const result = await runProcess(request([process.execPath, '-e', 'process.stdout.write("ran")'], () => calls.push('spawned')));
    calls.push('result');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'ran' });
    expect(calls).toEqual(['spawned', 'result']);
  });

  it('is not called when the program cannot start', async () => {
    let called = 0;
    const result = await runProcess(request(['/nonexistent/spec-automation-no-such-program'], () => called++));
    expect(result.spawnError).toBeTruthy();
    expect(called).toBe(0);
  });
});
