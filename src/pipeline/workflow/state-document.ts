/**
 * The state's home in a PR comment: a versioned JSON block inside an HTML comment, above
 * the human-readable summary. Decoding treats the comment as untrusted input: a missing,
 * corrupted or foreign block is a reported problem, never an exception.
 */
import { stateSchema, type WorkflowState } from './state.js';

/** Marks the app's state comment; the app also checks the comment's author. */
export const STATE_MARKER = '<!-- spec-automation:state';
const BLOCK = /<!-- spec-automation:state v(\d+)\n([\s\S]*?)\n-->/;

/** The hidden block; `<` and `>` are escaped so no string in the state can close the comment. */
export function encodeState(state: WorkflowState): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `${STATE_MARKER} v${state.version}\n${json}\n-->`;
}

export type DecodedState = { ok: true; state: WorkflowState } | { ok: false; error: string };

export function decodeState(body: string): DecodedState {
  const match = BLOCK.exec(body);
  if (!match) return { ok: false, error: 'no state block in the comment' };
  if (match[1] !== '1') return { ok: false, error: `state block version ${match[1]} is not supported (expected 1)` };
  let data: unknown;
  try {
    data = JSON.parse(match[2]!);
  } catch (error) {
    return { ok: false, error: `state block is not valid JSON (${(error as Error).message})` };
  }
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `state block is invalid at ${first?.path.join('.') || 'the top level'}: ${first?.message ?? 'unknown problem'}` };
  }
  return { ok: true, state: parsed.data };
}
