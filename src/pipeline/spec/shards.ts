/**
 * BMAD sharded documents (§5 bundles): `docs/prd/index.md` plus `docs/prd/*.md` is one
 * PRD, `docs/architecture/index.md` plus its siblings one technical spec. The shards are
 * concatenated in index order (front matter of shards dropped), parsed as one document,
 * and every line is mapped back to its own file.
 */
import type { SpecsConfig } from '../config/schema.js';
import { assignFingerprints, type Diagnostic } from '../diagnostic.js';
import { readFrontMatter } from './front-matter.js';
import type { DocType, ParsedSpec } from './model.js';
import { parseSpec } from './parse.js';
import { DiagnosticSink } from './sink.js';
import { decodeSpecBytes, splitLines } from './text.js';
import { appendAll } from '../arrays.js';

export interface ShardGroup {
  index: string;
  /** Shards in index order (index excluded). */
  shards: string[];
  type: DocType;
}

const INDEX = /(?:^|\/)(?<kind>prd|architecture)\/index\.md$/i;

/** Finds `…/prd/index.md` and `…/architecture/index.md` groups among the candidates. */
export function findShardGroups(candidates: readonly string[]): Array<Omit<ShardGroup, 'shards'> & { members: string[] }> {
  const groups: Array<Omit<ShardGroup, 'shards'> & { members: string[] }> = [];
  for (const c of candidates) {
    const m = INDEX.exec(c);
    if (!m?.groups) continue;
    const dir = c.slice(0, c.lastIndexOf('/') + 1);
    const members = candidates.filter((p) => p !== c && p.startsWith(dir) && !p.slice(dir.length).includes('/'));
    if (members.length === 0) continue;
    groups.push({ index: c, members, type: m.groups.kind!.toLowerCase() === 'prd' ? 'prd' : 'technical-spec' });
  }
  return groups;
}

/** Shard order: as linked from the index, then the unlinked ones alphabetically. */
export function orderShards(indexText: string, dir: string, members: readonly string[]): string[] {
  const order: string[] = [];
  const link = /\]\(\s*<?(?:\.\/)?(?<target>[^)#\s>]+\.md)/g;
  for (const m of indexText.matchAll(link)) {
    const target = `${dir}${m.groups!.target!}`.replace(/\/\.\//g, '/');
    if (members.includes(target) && !order.includes(target)) order.push(target);
  }
  for (const m of [...members].sort()) if (!order.includes(m)) order.push(m);
  return order;
}

interface Segment {
  path: string;
  /** First combined line of the segment (1-based). */
  start: number;
  /** Lines of the segment's file skipped before its text (its front matter). */
  fileOffset: number;
  /** Lines the segment occupies in the combined text. */
  lines: number;
}

/**
 * Parses a sharded document.
 * @param bytesOf the bytes of the index and every shard
 */
export function parseSharded(group: ShardGroup, bytesOf: ReadonlyMap<string, Uint8Array>, config: SpecsConfig): ParsedSpec {
  const segments: Segment[] = [];
  const parts: string[] = [];
  const extra: Diagnostic[] = [];
  let line = 1;
  for (const path of [group.index, ...group.shards]) {
    const bytes = bytesOf.get(path);
    if (!bytes) continue;
    const decoded = decodeSpecBytes(bytes);
    const sink = new DiagnosticSink(path);
    for (const p of decoded.problems) sink.add(p.rule, p.line, p.message, { column: p.column });
    appendAll(extra, assignFingerprints(sink.items));
    if (decoded.binary) continue;
    let text = decoded.text;
    let fileOffset = 0;
    if (path !== group.index) {
      const fm = readFrontMatter(text);
      if (fm.data !== undefined) {
        text = fm.body;
        fileOffset = fm.bodyLineOffset;
      }
    }
    const lines = splitLines(text);
    segments.push({ path, start: line, fileOffset, lines: lines.length });
    parts.push(lines.join('\n'));
    line += lines.length + 1; // one blank separator line
  }
  const combined = parts.join('\n\n');
  const spec = parseSpec(group.index, new TextEncoder().encode(combined), config, { fallbackType: group.type });
  const combinedLines = splitLines(combined);
  const locate = (l: number): { path: string; line: number } => {
    let seg = segments[0]!;
    for (const s of segments) if (s.start <= l) seg = s;
    // The blank separator after a segment belongs to that segment's last line.
    return { path: seg.path, line: Math.min(l - seg.start + 1, seg.lines) + seg.fileOffset };
  };
  const move = <T extends { line: number; file?: string }>(item: T): T => {
    const at = locate(item.line);
    item.line = at.line;
    if (at.path !== group.index) item.file = at.path;
    return item;
  };
  spec.requirements.forEach(move);
  spec.acceptanceCriteria.forEach(move);
  spec.stories.forEach((s) => {
    move(s);
    s.acceptanceCriteria.forEach(move);
  });
  spec.epics?.forEach(move);
  spec.tasks.forEach(move);
  spec.checklist?.forEach(move);
  spec.refs.forEach(move);
  spec.markers.forEach(move);
  spec.sections.forEach((s) => {
    const end = locate(s.endLine);
    s.line = locate(s.line).line;
    s.endLine = end.line;
  });
  const diagnostics = spec.diagnostics.map((d) => {
    const at = locate(d.range.start.line);
    const text = combinedLines[d.range.start.line - 1];
    const { fingerprint: _f, ...rest } = d;
    return {
      ...rest,
      path: at.path,
      range: { ...d.range, start: { ...d.range.start, line: at.line }, ...(d.range.end ? { end: { ...d.range.end, line: locate(d.range.end.line).line } } : {}) },
      snippet: text,
    };
  });
  spec.diagnostics = [
    ...extra,
    ...assignFingerprints(
      diagnostics.map(({ snippet: _s, ...d }) => d),
      (path, l) => {
        const seg = segments.find((s) => s.path === path);
        return seg ? combinedLines[seg.start - 1 + l - 1 - seg.fileOffset] : undefined;
      },
    ),
  ];
  spec.companions = group.shards;
  return spec;
}
