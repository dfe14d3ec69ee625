import { describe, expect, it } from 'vitest';
import { LiveBlock } from '../../../src/cli/live-block.js';
import { isInteractive, wantsColor } from '../../../src/cli/terminal.js';
import { displayWidth, fitToColumns, padDisplayEnd, truncateDisplay } from '../../../src/reporting/text/width.js';

describe('wantsColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '3', NO_COLOR: '1' }, true],
  ])('a stream with TTY %s and %j: %s', (tty, env, expected) => {
    expect(wantsColor(tty, env as NodeJS.ProcessEnv)).toBe(expected);
  });

  it('redraws only on a capable terminal', () => {
    expect(isInteractive({ isTTY: true }, {})).toBe(true);
    expect(isInteractive({ isTTY: false }, {})).toBe(false);
    expect(isInteractive({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('terminal widths', () => {
  it('counts CJK as two cells and colour codes as none', () => {
    expect(displayWidth('数据.py')).toBe(7);
    expect(displayWidth('\u001b[31mab\u001b[39m')).toBe(2);
    expect(padDisplayEnd('数据', 6)).toBe('数据  ');
    expect(truncateDisplay('数据处理模块', 7)).toBe('数据处…');
  });

  it('cuts a coloured line to the width and closes the colour', () => {
    const line = `\u001b[32m✓\u001b[39m ${'x'.repeat(100)}`;
    const cut = fitToColumns(line, 40);
    expect(displayWidth(cut)).toBe(40);
    expect(cut.endsWith('…')).toBe(true);
    expect(fitToColumns('\u001b[32m' + '数'.repeat(50), 21)).toBe('\u001b[32m' + '数'.repeat(10) + '…\u001b[0m');
    expect(fitToColumns('short', 40)).toBe('short');
  });

  it('moves up over exactly the rows it drew, each cut to the width', () => {
    let out = '';
    const block = new LiveBlock({ write: (t: string) => (out += t) }, () => 30);
    block.draw(`${'a'.repeat(50)}\nb\n`);
    block.draw('c\nd\n');
    expect(out).toBe(`${'a'.repeat(28)}…\nb\n\u001b[2F\u001b[Jc\nd\n`);
  });
});
