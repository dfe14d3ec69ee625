/**
 * Document metadata: front matter ∪ inline metadata lines (`**Status**: Draft`), front
 * matter winning (§1). Checks the front-matter keys as it reads them.
 */
import type { SpecsConfig } from '../config/schema.js';
import type { Block } from './markdown.js';
import type { DocStructure } from './context.js';
import type { Meta } from './model.js';
import { normalizeHeading, normalizeStatus } from './normalize.js';
import type { DiagnosticSink } from './sink.js';
import { INLINE_META_KEYS } from './vocabulary.js';
import { appendAll } from '../arrays.js';

const ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Za-z0-9.]+)+$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const INLINE_LINE = new RegExp(
  `^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(?<key>${Object.keys(INLINE_META_KEYS)
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})(?:\\*\\*|__)?\\s*[:：]\\s*(?:\\*\\*|__)?(?<value>.+?)(?:\\*\\*|__)?\\s*$`,
  'iu',
);

/** Values found in the text (not front matter), with their lines. */
interface InlineValue {
  value: string;
  line: number;
}

function asStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(asStrings);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const inner = o.id ?? o.doc ?? o.path ?? o.name;
    return inner === undefined ? [] : asStrings(inner);
  }
  return [String(value)];
}

/** Scans the paragraphs before the first H2 and any `## Status` section for `Key: value` lines. */
function inlineMetadata(blocks: readonly Block[], structure: DocStructure): Map<string, InlineValue> {
  const found = new Map<string, InlineValue>();
  const firstH2 = structure.sections.find((s) => s.depth >= 2);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'row') {
      // `| Status | Approved |` in a metadata table before the first H2.
      if (block.header || (firstH2 !== undefined && block.line >= firstH2.line)) continue;
      const key = INLINE_META_KEYS[(block.cells[0] ?? '').trim().toLowerCase()];
      const value = (block.cells[1] ?? '').trim();
      if (key && value && !found.has(key)) found.set(key, { value, line: block.line });
      continue;
    }
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const sectionIndex = structure.sectionOf[b]!;
    const section = sectionIndex >= 0 ? structure.sections[sectionIndex] : undefined;
    const beforeFirstH2 = firstH2 === undefined || block.line < firstH2.line;
    const inStatusSection = section !== undefined && section.depth >= 2 && ['status', '状态', 'ステータス', 'statut'].includes(section.normText);
    if (!beforeFirstH2 && !inStatusSection) continue;
    const lines = block.raw.split('\n');
    lines.forEach((raw, i) => {
      const m = INLINE_LINE.exec(raw);
      if (m?.groups) {
        const key = INLINE_META_KEYS[m.groups.key!.toLowerCase()] ?? INLINE_META_KEYS[m.groups.key!];
        if (key && !found.has(key)) found.set(key, { value: m.groups.value!.replace(/\*\*|__/g, '').trim(), line: block.line + i });
      } else if (inStatusSection && i === 0 && !found.has('status') && block.kind === 'paragraph') {
        // `## Status` followed by `**Approved**`.
        const value = raw.replace(/\*\*|__/g, '').trim();
        if (value !== '' && normalizeStatus(value)) found.set('status', { value, line: block.line });
      }
    });
  }
  return found;
}

/**
 * Builds the metadata and reports front-matter problems (numeric ids and versions,
 * unknown statuses, bad dates, missing keys in strict mode).
 */
export function buildMeta(
  data: Record<string, unknown> | undefined,
  keyLines: Record<string, number>,
  blocks: readonly Block[],
  structure: DocStructure,
  config: SpecsConfig,
  sink: DiagnosticSink,
): Meta {
  const fm = data ?? {};
  const inline = inlineMetadata(blocks, structure);
  const meta: Meta = {
    owners: [],
    supersedes: [],
    related: [],
    tags: [],
    implements: [],
    extra: {},
    lines: {},
    source: data !== undefined ? 'front-matter' : inline.size > 0 ? 'inline' : 'none',
  };
  const lineOf = (key: string) => keyLines[key] ?? 1;
  const consumed = new Set<string>();
  const take = (key: string): unknown => {
    consumed.add(key);
    if (key in fm) meta.lines[key] = lineOf(key);
    return fm[key];
  };

  // id
  const id = take('id');
  if (id !== undefined && id !== null) {
    if (typeof id !== 'string') {
      sink.add('fm.id.not-string', lineOf('id'), `The id is a ${typeof id} in YAML (${String(id)}), so leading and trailing zeros are lost.`, {
        hint: `Quote it: \`id: "${String(id)}"\`.`,
      });
    }
    meta.id = String(id).trim();
    if (!ID_PATTERN.test(meta.id)) sink.add('fm.id.format', lineOf('id'), `The id "${meta.id}" does not look like PRD-001 or FS-AUTH-002.`);
  } else {
    const inlineId = inline.get('id');
    if (inlineId && ID_PATTERN.test(inlineId.value)) {
      meta.id = inlineId.value;
      meta.lines.id = inlineId.line;
    }
  }

  const title = take('title');
  if (typeof title === 'string' && title.trim() !== '') meta.title = title.trim();
  else if (title !== undefined && title !== null && typeof title !== 'object') meta.title = String(title);

  // status
  const status = take('status');
  const inlineStatus = inline.get('status');
  const statusText = status !== undefined && status !== null ? String(status) : inlineStatus?.value;
  if (statusText !== undefined) {
    const line = status !== undefined && status !== null ? lineOf('status') : inlineStatus!.line;
    meta.lines.status = line;
    meta.statusRaw = statusText;
    const normalized = normalizeStatus(statusText);
    if (normalized) meta.status = normalized;
    else {
      meta.status = 'draft';
      sink.add('fm.status.unknown', line, `Unknown status "${statusText}"; the document is treated as a draft.`);
    }
  }

  // version
  const version = take('version');
  if (version !== undefined && version !== null) {
    if (typeof version === 'number') {
      sink.add('fm.version.not-string', lineOf('version'), `The version is the number ${version} in YAML; \`1.10\` would read as 1.1.`, {
        hint: `Quote it: \`version: "${version}"\`.`,
      });
    }
    meta.version = String(version);
  } else if (inline.has('version')) meta.version = inline.get('version')!.value;

  for (const key of ['owner', 'owners', 'author', 'authors']) appendAll(meta.owners, asStrings(take(key)));
  if (meta.owners.length === 0 && inline.has('owner')) meta.owners.push(inline.get('owner')!.value);

  // dates
  const dates: Record<string, string> = {};
  for (const key of ['created', 'updated', 'date', 'approved_at', 'last_updated']) {
    const value = key === 'approved_at' ? fm[key] : take(key);
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (!DATE.test(text)) {
      sink.add('fm.date.invalid', lineOf(key), `\`${key}: ${text}\` is not a YYYY-MM-DD date.`);
      continue;
    }
    dates[key] = text.slice(0, 10);
  }
  const created = dates.created ?? dates.date;
  const updated = dates.updated ?? dates.last_updated;
  if (created) meta.created = created;
  if (updated) meta.updated = updated;
  if (created && updated && updated < created) {
    sink.add('fm.date.order', lineOf(dates.updated ? 'updated' : 'last_updated'), `\`updated\` (${updated}) is before \`created\` (${created}).`);
  }
  if (!meta.created && inline.has('created')) meta.created = inline.get('created')!.value;
  if (!meta.created && inline.has('date')) meta.created = inline.get('date')!.value;

  appendAll(meta.supersedes, asStrings(take('supersedes')));
  const supersededBy = asStrings(take('superseded_by') ?? take('supersededBy'));
  consumed.add('supersededBy');
  if (supersededBy[0]) meta.supersededBy = supersededBy[0];
  appendAll(meta.related, [...asStrings(take('related')), ...asStrings(take('inputDocuments'))]);
  appendAll(meta.tags, asStrings(take('tags')));
  for (const key of ['implements', 'prd', 'parent']) appendAll(meta.implements, asStrings(take(key)));
  const inlineImplements = inline.get('implements');
  if (meta.implements.length === 0 && inlineImplements) {
    // `Implements: [functional spec](functional-spec.md)`: the link target, else the text.
    const link = /\]\(\s*<?([^)>\s]+)>?\s*\)/.exec(inlineImplements.value);
    meta.implements.push(link ? link[1]! : inlineImplements.value);
    meta.lines.implements = inlineImplements.line;
  }
  for (const key of Object.keys(meta.lines)) if (key in fm) meta.lines[key] = lineOf(key);
  for (const key of ['supersedes', 'superseded_by', 'related', 'inputDocuments', 'implements', 'prd', 'parent']) if (key in fm) meta.lines[key] = lineOf(key);

  for (const [key, value] of Object.entries(fm)) {
    if (consumed.has(key)) continue;
    meta.extra[key] = value;
    meta.lines[key] = lineOf(key);
  }
  for (const [key, { value, line }] of inline) {
    if (['status', 'id', 'version', 'owner', 'created', 'date', 'implements'].includes(key)) continue;
    if (!(key in meta.extra)) {
      meta.extra[key] = value;
      meta.lines[key] = line;
    }
  }

  if (config.strict) {
    for (const key of ['type', 'id', 'title', 'status']) {
      if (!(key in fm)) sink.add('fm.required', 1, `Strict mode: front-matter key \`${key}\` is missing.`, { hint: `Add \`${key}:\` to the front matter, or set \`specs.strict: false\`.` });
    }
  }
  return meta;
}

/** The first H1's text, if any. */
export function firstH1(structure: DocStructure): { text: string; line: number } | undefined {
  const h1 = structure.sections.find((s) => s.depth === 1);
  return h1 ? { text: h1.text, line: h1.line } : undefined;
}

/** Title: front-matter title, else the first H1, else the file name; `fm.title.mismatch` when both differ. */
export function resolveTitle(meta: Meta, structure: DocStructure, path: string, sink: DiagnosticSink): string {
  const h1 = firstH1(structure);
  if (meta.title && h1 && normalizeHeading(meta.title) !== normalizeHeading(h1.text)) {
    sink.add('fm.title.mismatch', meta.lines.title ?? 1, `Front-matter title "${meta.title}" differs from the H1 "${h1.text}" (line ${h1.line}); the front-matter title is used.`);
  }
  if (meta.title) return meta.title;
  if (h1) return h1.text;
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.(?:md|markdown)$/i, '');
}
