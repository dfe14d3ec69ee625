/**
 * Untrusted text (spec documents, file names, tool output) goes into the prompt as data
 * inside a tag the system prompt names as data, never as instructions. A spec that
 * contains `</spec_document>` must not be able to close the tag early and speak as the
 * operator, so every lookalike of any of our tags inside the data is neutralized.
 */

/** The tags the prompts use for data. The system prompt says their content is data. */
export const DATA_TAGS = ['spec_document', 'spec_summary', 'change_set', 'repository_map', 'gate_failures', 'previous_changes', 'tool_output'] as const;

export type DataTag = (typeof DATA_TAGS)[number];

// Characters a reader (a model included) skips or sees as nothing: zero-width spaces and
// joiners, bidi controls, word joiners, the BOM, the soft hyphen, variation selectors.
const INVISIBLE = '[\\u00ad\\u034f\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufe00-\\ufe0f\\ufeff]';
const GAP = `(?:\\s|${INVISIBLE})*`;
// `<` and `/` and their compatibility forms (full-width, small), which read as the same.
const LESS = '[<\\uff1c\\ufe64\\u2039\\u3008\\u27e8]';
const SLASH = '[/\\uff0f\\u2215\\u2044]';

/** One letter of a tag name: either case, or its full-width form, with invisible characters after it. */
function looseChar(c: string): string {
  const forms = new Set([c.toLowerCase(), c.toUpperCase()]);
  for (const f of [...forms]) {
    const code = f.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) forms.add(String.fromCharCode(code + 0xfee0));
  }
  const cls = [...forms].map((f) => (f === '_' || f === '-' ? `\\${f}` : f)).join('');
  return `[${cls}]${INVISIBLE}*`;
}

// `<spec_document`, `</ spec_document`, `< /SPEC_DOCUMENT`, `<\u200b/spec_document`,
// `＜／ｓｐｅｃ＿ｄｏｃｕｍｅｎｔ`…: any opening or closing lookalike, however spelled.
const LOOKALIKE = new RegExp(`${LESS}(${GAP}(?:${SLASH}${GAP})?)(${DATA_TAGS.map((t) => [...t].map(looseChar).join('')).join('|')})`, 'g');

/**
 * Replaces the `<` of every tag lookalike with `&lt;`, so the text cannot open or close a
 * data tag, whatever characters the lookalike hides in it or spells it with.
 */
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
