/**
 * Drift: each spec on the default branch compared with its lock entry (what it looked
 * like when its implementation merged). Pure: specs, the parsed lock and the file list
 * in; one classification per spec and the lock entries whose spec is gone out.
 */
import { canonicalIdOf } from '../spec/ids.js';
import type { ParsedSpec } from '../spec/model.js';
import { requirementHashes, type LockEntry, type LockFile } from './lock-file.js';

/**
 * Where a spec stands against the code.
 * - `implemented`: a lock entry, and the spec is byte for byte (or line ending for line ending) what was implemented.
 * - `changed`: requirements were added, removed or reworded since it was implemented.
 * - `edited`: the text changed, its requirements did not.
 * - `superseded`: implemented, but superseded since, and what replaces it is not implemented.
 * - `retired`: implemented, superseded, and its replacement is implemented too (the entry is history).
 * - `never-implemented`: executable status, no lock entry.
 * - `change-pending`: an approved sprint change proposal with no lock entry: not applied.
 * - `untracked`: status done, but no lock entry (implemented outside spec-automation).
 * - `not-ready`: draft, proposed or in review; nothing to compare yet.
 * - `inactive`: superseded, deprecated or rejected, never implemented.
 */
export type DriftState = 'implemented' | 'changed' | 'edited' | 'superseded' | 'retired' | 'never-implemented' | 'change-pending' | 'untracked' | 'not-ready' | 'inactive';

/** A change proposal that accounts for a requirement change. */
export interface ProposedBy {
  path: string;
  id?: string;
  /** True when the proposal has a lock entry (its change was implemented). */
  implemented: boolean;
}

/** One requirement added, removed or reworded since implementation. */
export interface RequirementChange {
  /** As written now (or, for a removed one, as the lock recorded it). */
  id: string;
  canonicalId: string;
  /** Line in the spec; absent for removed requirements. */
  line?: number;
  /** A sprint change proposal that names this id in its change set, when one does. */
  proposedBy?: ProposedBy;
}

/** What an unapplied change proposal still has to do to one target. */
export interface PendingTarget {
  /** As written in the proposal (`PRD-001`). */
  doc: string;
  /** The target's path, when it resolves. */
  path?: string;
  /** Ids the proposal adds that the target does not define yet. */
  missing: string[];
  /** Ids the proposal removes that the target still defines. */
  stillDefined: string[];
}

/** The drift of one spec. */
export interface SpecDrift {
  path: string;
  state: DriftState;
  entry?: LockEntry;
  added: RequirementChange[];
  removed: RequirementChange[];
  changed: RequirementChange[];
  /** For `changed`/`edited`: true when every requirement change is one an implemented change proposal made. */
  explained: boolean;
  /** Documents that supersede this one. */
  supersededBy: string[];
  /** For `superseded` on the same path: the document id the lock recorded, which this document supersedes. */
  implementedId?: string;
  /** For change proposals: what the change set adds, modifies and removes, and per target what is still to do. */
  change?: { added: string[]; modified: string[]; removed: string[]; targets: PendingTarget[] };
  /** Implemented specs this one supersedes (a `never-implemented` replacement). */
  replaces: string[];
}

/** A lock entry whose spec is no longer there. */
export interface OrphanedEntry {
  entry: LockEntry;
  /** `deleted`: no file; `moved`: the same document id now lives at `movedTo`; `not-a-spec`: the file exists but is no longer validated as a spec (excluded, or its type unknown). */
  reason: 'deleted' | 'moved' | 'not-a-spec';
  movedTo?: string;
}

export interface DriftReport {
  specs: SpecDrift[];
  orphaned: OrphanedEntry[];
}

export interface DriftInput {
  specs: readonly ParsedSpec[];
  /** Undefined when the repository has no lock file (or it could not be read). */
  lock: LockFile | undefined;
  /** Every file of the repository. */
  files: ReadonlySet<string>;
  /** `specs.executableStatuses`. */
  executableStatuses: readonly string[];
  /**
   * sha256 of each spec's bytes with CRLF turned into LF, by path. A Windows runner
   * checks out with CRLF; the lock records the hash of the bytes git stores (LF).
   */
  lfHashes?: ReadonlyMap<string, string>;
}

const INACTIVE = new Set(['superseded', 'deprecated', 'rejected']);

function noChanges(path: string, state: DriftState, extra: Partial<SpecDrift> = {}): SpecDrift {
  return { path, state, added: [], removed: [], changed: [], explained: false, supersededBy: [], replaces: [], ...extra };
}

/** Documents that supersede each spec: `supersedes:` of others, and its own `superseded_by:`. */
function supersessions(specs: readonly ParsedSpec[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (oldPath: string, newPath: string) => {
    if (oldPath === newPath) return;
    const list = out.get(oldPath) ?? [];
    if (!list.includes(newPath)) list.push(newPath);
    out.set(oldPath, list);
  };
  const byId = new Map<string, ParsedSpec>();
  for (const s of specs) if (s.meta.id) byId.set(s.meta.id, s);
  for (const s of specs) {
    for (const ref of s.refs) {
      if (ref.kind !== 'fm' || !ref.resolved) continue;
      if (ref.via === 'supersedes' && !INACTIVE.has(s.meta.status ?? '')) add(ref.resolved, s.path);
      if (ref.via === 'superseded_by') add(s.path, ref.resolved);
    }
    if (s.meta.supersededBy && !s.refs.some((r) => r.via === 'superseded_by' && r.resolved)) {
      const hit = byId.get(s.meta.supersededBy);
      if (hit) add(s.path, hit.path);
    }
  }
  return out;
}

/** Change-proposal ids by target path, to say which proposal a requirement change came from. */
function proposalsByTarget(specs: readonly ParsedSpec[], lock: LockFile | undefined): Map<string, Map<string, ProposedBy>> {
  const out = new Map<string, Map<string, ProposedBy>>();
  for (const s of specs) {
    if (s.type !== 'sprint-change-proposal' || !s.changeSet) continue;
    const by: ProposedBy = { path: s.path, ...(s.meta.id ? { id: s.meta.id } : {}), implemented: lock?.entries.has(s.path) ?? false };
    const ids = [...s.changeSet.added, ...s.changeSet.modified, ...s.changeSet.removed].map(canonicalIdOf);
    for (const t of s.changeSet.targets) {
      if (!t.resolved) continue;
      const map = out.get(t.resolved) ?? new Map<string, ProposedBy>();
      for (const id of [...ids, ...t.ids.map(canonicalIdOf)]) {
        // An implemented proposal explains a change better than a pending one.
        const prior = map.get(id);
        if (!prior || (!prior.implemented && by.implemented)) map.set(id, by);
      }
      out.set(t.resolved, map);
    }
  }
  return out;
}

function compareRequirements(spec: ParsedSpec, entry: LockEntry, proposals: Map<string, ProposedBy> | undefined): Pick<SpecDrift, 'added' | 'removed' | 'changed'> {
  const recorded = new Map<string, { id: string; hash: string }>();
  for (const [id, hash] of Object.entries(entry.requirements)) recorded.set(canonicalIdOf(id), { id, hash });
  const current = new Map<string, ParsedSpec['requirements'][number]>();
  for (const r of spec.requirements) if (!current.has(r.canonicalId)) current.set(r.canonicalId, r);
  const hashes = requirementHashes(spec);
  const withProposal = (c: RequirementChange): RequirementChange => {
    const by = proposals?.get(c.canonicalId);
    return by ? { ...c, proposedBy: by } : c;
  };
  const added: RequirementChange[] = [];
  const changed: RequirementChange[] = [];
  for (const [key, r] of current) {
    const before = recorded.get(key);
    if (!before) added.push(withProposal({ id: r.id, canonicalId: key, line: r.line }));
    else if (before.hash !== hashes.get(key)?.hash) changed.push(withProposal({ id: r.id, canonicalId: key, line: r.line }));
  }
  const removed: RequirementChange[] = [];
  for (const [key, before] of recorded) if (!current.has(key)) removed.push(withProposal({ id: before.id, canonicalId: key }));
  return { added, removed, changed };
}

function pendingChange(spec: ParsedSpec, byPath: Map<string, ParsedSpec>): SpecDrift['change'] {
  const cs = spec.changeSet;
  if (!cs) return { added: [], modified: [], removed: [], targets: [] };
  const targets: PendingTarget[] = cs.targets.map((t) => {
    const target = t.resolved ? byPath.get(t.resolved) : undefined;
    const defined = new Set(target?.requirements.map((r) => r.canonicalId) ?? []);
    const adds = t.action === 'add' && t.ids.length > 0 ? t.ids : cs.added;
    const removes = t.action === 'remove' && t.ids.length > 0 ? t.ids : cs.removed;
    return {
      doc: t.doc,
      ...(t.resolved ? { path: t.resolved } : {}),
      missing: target ? adds.filter((id) => !defined.has(canonicalIdOf(id))) : [...adds],
      stillDefined: target ? removes.filter((id) => defined.has(canonicalIdOf(id))) : [],
    };
  });
  return { added: [...cs.added], modified: [...cs.modified], removed: [...cs.removed], targets };
}

/**
 * Classifies every spec against the lock file.
 * @param input specs, lock, files and the status policy
 */
export function classifyDrift(input: DriftInput): DriftReport {
  const entries = input.lock?.entries ?? new Map<string, LockEntry>();
  const executable = new Set(input.executableStatuses);
  const byPath = new Map(input.specs.map((s) => [s.path, s]));
  const supersededBy = supersessions(input.specs);
  const proposals = proposalsByTarget(input.specs, input.lock);

  const specs: SpecDrift[] = input.specs.map((spec): SpecDrift => {
    const entry = entries.get(spec.path);
    const status = spec.meta.status ?? '';
    const replacedBy = (supersededBy.get(spec.path) ?? []).filter((p) => byPath.has(p));
    const replaces = spec.refs.filter((r) => r.kind === 'fm' && r.via === 'supersedes' && r.resolved && entries.has(r.resolved)).map((r) => r.resolved!);
    if (entry) {
      if (entry.id && spec.meta.id && entry.id !== spec.meta.id && spec.meta.supersedes.includes(entry.id)) {
        return noChanges(spec.path, 'superseded', { entry, implementedId: entry.id, supersededBy: [spec.path] });
      }
      if (INACTIVE.has(status) || replacedBy.length > 0) {
        const replacementDone = replacedBy.length > 0 && replacedBy.every((p) => entries.has(p));
        return noChanges(spec.path, replacementDone ? 'retired' : 'superseded', { entry, supersededBy: replacedBy });
      }
      const same = entry.contentHash === spec.contentHash || entry.contentHash === input.lfHashes?.get(spec.path);
      if (same) return noChanges(spec.path, 'implemented', { entry });
      const diff = compareRequirements(spec, entry, proposals.get(spec.path));
      const all = [...diff.added, ...diff.removed, ...diff.changed];
      const state: DriftState = all.length > 0 ? 'changed' : 'edited';
      return { ...noChanges(spec.path, state, { entry }), ...diff, explained: all.length > 0 && all.every((c) => c.proposedBy?.implemented === true) };
    }
    if (spec.type === 'sprint-change-proposal') {
      if (executable.has(status)) return noChanges(spec.path, 'change-pending', { change: pendingChange(spec, byPath) });
      if (status === 'done') return noChanges(spec.path, 'untracked');
      return noChanges(spec.path, INACTIVE.has(status) ? 'inactive' : 'not-ready');
    }
    if (INACTIVE.has(status)) return noChanges(spec.path, 'inactive', { supersededBy: replacedBy });
    if (executable.has(status)) return noChanges(spec.path, 'never-implemented', { replaces });
    if (status === 'done') return noChanges(spec.path, 'untracked');
    return noChanges(spec.path, 'not-ready');
  });

  const byId = new Map<string, string>();
  for (const s of input.specs) if (s.meta.id && !INACTIVE.has(s.meta.status ?? '')) byId.set(s.meta.id, s.path);
  const orphaned: OrphanedEntry[] = [];
  for (const [path, entry] of entries) {
    if (byPath.has(path)) continue;
    const movedTo = entry.id ? byId.get(entry.id) : undefined;
    if (input.files.has(path)) orphaned.push({ entry, reason: 'not-a-spec' });
    else if (movedTo) orphaned.push({ entry, reason: 'moved', movedTo });
    else orphaned.push({ entry, reason: 'deleted' });
  }
  orphaned.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));
  return { specs, orphaned };
}
