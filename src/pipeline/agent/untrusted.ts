/**
 * Untrusted text (spec documents, file names, tool output) goes into the prompt as data
 * inside a tag the system prompt names as data, never as instructions. A spec that
 * contains `</spec_document>` must not be able to close the tag early and speak as the
 * operator, so every lookalike of any of our tags inside the data is neutralized.
 */

/** The tags the prompts use for data. The system prompt says their content is data. */
export const DATA_TAGS = ['spec_document', 'spec_summary', 'change_set', 'repository_map', 'gate_failures', 'previous_changes'] as const;

export type DataTag = (typeof DATA_TAGS)[number];

// `<spec_document`, `</ spec_document`, `< /SPEC_DOCUMENT` …: any opening or closing lookalike.
const LOOKALIKE = new RegExp(`<(\\s*/?\\s*)(${DATA_TAGS.join('|')})`, 'gi');

/** Replaces the `<` of every tag lookalike with `&lt;`, so the text cannot open or close a data tag. */
export function neutralizeTags(text: string): string {
  return text.replace(LOOKALIKE, '&lt;$1$2');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\r\n]+/g, ' ');
}

/**
 * Wraps `body` in `<tag attr="…">…</tag>` with the body neutralized and the attribute
 * values escaped.
 */
export function delimit(tag: DataTag, body: string, attributes: Record<string, string | undefined> = {}): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  return `<${tag}${attrs}>\n${neutralizeTags(body)}\n</${tag}>`;
}
