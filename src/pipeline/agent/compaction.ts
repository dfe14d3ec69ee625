/**
 * Compaction: when the conversation no longer fits the model's context window, the
 * oldest tool results are dropped (their text replaced by a short note) until at least
 * half of the tool-result text is gone. The first message (the spec, the repository map
 * and the task) is never touched, and neither is the change set: it lives in the
 * ChangeSet, and the note lists the files it holds so the model does not lose track.
 */
import type { MessageParam, RequestBlock } from './model-port.js';

export const DROPPED_RESULT = '[This tool result was dropped to fit the context window. Call the tool again if you still need it.]';

export interface Compaction {
  messages: MessageParam[];
  /** Tool results dropped by this compaction; 0 means nothing was left to drop. */
  dropped: number;
  droppedChars: number;
}

/** The messages with the oldest tool results dropped; `messages` is not changed. */
export function compactConversation(messages: readonly MessageParam[]): Compaction {
  const sizes: Array<{ message: number; block: number; chars: number }> = [];
  messages.forEach((m, i) => {
    if (i === 0 || m.role !== 'user') return;
    m.content.forEach((b, j) => {
      if (b.type === 'tool_result' && b.content !== DROPPED_RESULT) sizes.push({ message: i, block: j, chars: b.content.length });
    });
  });
  const total = sizes.reduce((n, s) => n + s.chars, 0);
  const out = messages.map((m) => ({ ...m, content: [...m.content] }));
  let droppedChars = 0;
  let dropped = 0;
  for (const s of sizes) {
    if (dropped > 0 && droppedChars * 2 >= total) break;
    const block = out[s.message]!.content[s.block]! as Extract<RequestBlock, { type: 'tool_result' }>;
    out[s.message]!.content[s.block] = { ...block, content: DROPPED_RESULT };
    droppedChars += s.chars;
    dropped += 1;
  }
  return { messages: out, dropped, droppedChars };
}

/** Told to the model after a compaction: what was dropped, and the change set it still has. */
export function compactionNote(dropped: number, changedFiles: readonly string[]): string {
  const files = changedFiles.length > 0 ? ` Your changes so far are all kept: ${changedFiles.slice(0, 200).join(', ')}.` : '';
  return `The conversation outgrew the model's context window, so the ${dropped} oldest tool result${dropped === 1 ? ' was' : 's were'} dropped.${files} Continue the task; re-read a file only if you need it.`;
}
