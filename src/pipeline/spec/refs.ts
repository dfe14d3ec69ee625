/**
 * Cross-references (§2): front-matter keys, Markdown links to `.md` files and anchors,
 * backticked `.md` paths, BMAD `[Source: path#Section]`, requirement-id mentions and
 * version mentions (`PRD v1.0`). Resolution happens at repository level.
 */
import { findReferences } from './ids.js';
import type { Block } from './markdown.js';
import type { CrossRef, Meta } from './model.js';

const SOURCE = /\[Source:\s*(?<path>[^\]#\s]{1,300}\.md)(?:#[^\]]{0,200})?\]/gi;
const VERSION = /\b(?<doc>PRD|FSD|TSD|SCP|Architecture|Spec)\s+v(?<v>\d{1,3}(?:\.\d{1,3}){0,2})\b/g;
const MD_PATH = /^[\w@.~/-]{0,300}\.md(?:#[\w-]{1,200})?$/i;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A repository path of a file that is not a document (`backend/app/api/users.py`). */
const SOURCE_FILE = /^(?:\.{0,2}\/)?(?:[\w.@-]+\/)+[\w.@-]+\.(?!md$|markdown$|mdx$)[a-z0-9]{1,6}$/iu;

/** Front-matter keys that reference other documents. */
const FM_REF_KEYS: ReadonlyArray<{ key: keyof Meta | string; via: string }> = [
  { key: 'supersedes', via: 'supersedes' },
  { key: 'implements', via: 'implements' },
  { key: 'related', via: 'related' },
];

/** The references of a document, and the source files its code spans name (found in the same walk). */
export interface CollectedRefs {
  refs: CrossRef[];
  /** Repository paths of files that are not documents, named in code spans, in order, each once. */
  sourceFiles: string[];
}

/**
 * Collects the references of a document.
 * @param definitionBlocks blocks whose leading id is a definition (its own id is not a reference)
 */
export function collectRefs(meta: Meta, fm: Record<string, unknown> | undefined, blocks: readonly Block[], definitionLines: ReadonlySet<number>): CollectedRefs {
  const refs: CrossRef[] = [];
  const sourceFiles = new Set<string>();
  const fmLine = (key: string) => meta.lines[key] ?? 1;
  for (const { key, via } of FM_REF_KEYS) {
    const values = meta[key as 'supersedes' | 'implements' | 'related'];
    for (const target of values) {
      const fmKey = via === 'implements' ? (['implements', 'prd', 'parent'].find((k) => fm && k in fm) ?? 'implements') : via === 'related' ? (fm && 'inputDocuments' in fm && !('related' in fm) ? 'inputDocuments' : 'related') : via;
      refs.push({ kind: 'fm', target, via: fmKey, line: fmLine(fmKey) });
    }
  }
  if (meta.supersededBy) refs.push({ kind: 'fm', target: meta.supersededBy, via: 'superseded_by', line: fmLine('superseded_by') });

  const seenIds = new Set<string>();
  for (const block of blocks) {
    if (block.kind === 'code' || block.kind === 'html' || block.kind === 'break') continue;
    for (const link of block.links) {
      const url = link.url.trim();
      if (url === '' || EXTERNAL.test(url)) continue;
      const [path] = url.split('#');
      if (path === '' || /\.md$/i.test(path ?? '')) refs.push({ kind: 'link', target: url, via: 'link', line: link.line });
    }
    for (const code of block.codes) {
      const c = code.trim();
      if (MD_PATH.test(c) && c.includes('.')) refs.push({ kind: 'path', target: c, via: 'code', line: block.line });
      else if (SOURCE_FILE.test(c)) sourceFiles.add(c);
    }
    const text = block.kind === 'row' ? block.cells.join(' | ') : block.text;
    if (text.length === 0) continue;
    for (const m of text.matchAll(SOURCE)) refs.push({ kind: 'path', target: m.groups!.path!, via: 'source', line: block.line });
    for (const m of text.matchAll(VERSION)) refs.push({ kind: 'version', target: `${m.groups!.doc} v${m.groups!.v}`, line: block.line });
    // Ids come sorted by position: walk the newlines once to know each id's line and column.
    let line = block.line;
    let lineStart = 0;
    let nextNewline = text.indexOf('\n');
    for (const r of findReferences(text)) {
      while (nextNewline !== -1 && nextNewline < r.index) {
        line += 1;
        lineStart = nextNewline + 1;
        nextNewline = text.indexOf('\n', lineStart);
      }
      if (definitionLines.has(line) && r.index - lineStart <= 4 && (block.kind !== 'row' || r.index <= 4)) continue; // the definition's own id
      const key = `${r.canonical}@${line}`;
      if (seenIds.has(key)) continue;
      seenIds.add(key);
      refs.push({ kind: 'id', target: r.id, line, ...(r.inRange ? { via: 'range' } : {}) });
    }
  }
  return { refs, sourceFiles: [...sourceFiles] };
}
