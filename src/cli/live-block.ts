/**
 * A block of status lines redrawn in place on an interactive stderr: the cursor moves up
 * over the lines drawn last time, clears them, and paints the new ones. Every line is cut
 * to the terminal's width first: a wrapped line takes two rows, the cursor would then move
 * up too few, and each redraw would leave a stale copy on the screen.
 */
import { fitToColumns } from '../reporting/text/width.js';

export class LiveBlock {
  #drawn = 0;

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly columns: () => number | undefined = () => undefined,
  ) {}

  /** Replaces the block drawn last (if any) with `text` (lines ending in "\n"). */
  draw(text: string): void {
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    // One cell short of the width: writing the last cell leaves some terminals at a pending wrap.
    const width = Math.max(20, (this.columns() ?? 80) - 1);
    const up = this.#drawn > 0 ? `\u001b[${this.#drawn}F\u001b[J` : '';
    this.out.write(`${up}${lines.map((l) => fitToColumns(l, width)).join('\n')}\n`);
    this.#drawn = lines.length;
  }

  /** Lines were printed below the block: the next draw starts a new block under them. */
  detach(): void {
    this.#drawn = 0;
  }
}
