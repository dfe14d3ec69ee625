import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceLines } from '../../../src/action/log-findings.js';

let ws: string;
beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'log-findings-'));
  mkdirSync(join(ws, 'src'));
  writeFileSync(join(ws, 'src', 'a.py'), 'one\r\ntwo\n');
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

describe('workspaceLines', () => {
  it('reads repo-relative files and nothing outside the workspace', () => {
    const read = workspaceLines(ws);
    expect(read('src/a.py')).toEqual(['one', 'two', '']);
    expect(read('src/missing.py')).toBeUndefined();
    expect(read('../etc/passwd')).toBeUndefined();
    expect(read('/etc/passwd')).toBeUndefined();
    expect(read('C:/Windows/win.ini')).toBeUndefined();
    expect(read('')).toBeUndefined();
  });
});
