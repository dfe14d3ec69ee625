/**
 * Colour for terminal text, through node:util `styleText`. The caller decides whether the
 * stream it writes to wants colour (see src/cli/terminal.ts); this only applies it.
 */
import { styleText } from 'node:util';

export type Colour = 'red' | 'green' | 'yellow' | 'blue' | 'cyan' | 'gray' | 'bold' | 'dim' | 'underline';

/** `text` in `colour` when `enabled`, else unchanged. */
export function paint(colour: Colour, text: string, enabled: boolean): string {
  // validateStream: false — whether colour is wanted was decided for the stream actually
  // written (stdout or stderr), not for process.stdout, which styleText would check.
  return enabled ? styleText(colour, text, { validateStream: false }) : text;
}
