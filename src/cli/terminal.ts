/**
 * What a terminal stream wants: colour and live redraws only on the stream that is an
 * interactive terminal, as NO_COLOR, FORCE_COLOR and TERM=dumb say (the precedence Node's
 * own `tty.WriteStream.hasColors` uses: FORCE_COLOR first, then NO_COLOR, then the TTY).
 */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
}

/** Whether text written to a stream with this TTY-ness should carry colour codes. */
export function wantsColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** Whether a stream can take cursor movement (a live status block): a real, capable TTY. */
export function isInteractive(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
