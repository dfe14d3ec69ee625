/**
 * `validateRepository`: discovery, parsing, bundles and the repository-level checks
 * (duplicate ids, dangling references, change-proposal targets and change sets,
 * traceability from technical specs to their requirements) and the status policy.
 */
import type { SpecsConfig } from '../config/schema.js';
import { assignFingerprints, type Diagnostic } from '../diagnostic.js';
import { inRepository, normalizePrefix, normalizeRelative } from '../repo-path.js';
import { bundleRoleOf, isTaskList } from './dialect.js';
import { discoverNormalized } from './discovery.js';
import { canonicalIdOf } from './ids.js';
import type { ChangeTarget, DocType, ParsedSpec } from './model.js';
import { githubSlug } from './normalize.js';
import { parseSpec } from './parse.js';
import type { RuleCode } from './rules.js';
import { EPICS_FILE } from './scp.js';
import { RepoIndex } from './repo-index.js';
import { findShardGroups, orderShards, parseSharded } from './shards.js';
import { DiagnosticSink, type AddOptions } from './sink.js';
import type { SpecSource } from './source.js';
import { decodeSpecBytes, splitLines } from './text.js';
import { checkCoverage } from './traceability.js';
import { appendAll } from '../arrays.js';

/** The outcome of validating a repository (or some of its paths). */
export interface RepositoryValidation {
  /** Parsed spec documents (bundle companions are folded into their document). */
  specs: ParsedSpec[];
  /** Every diagnostic: per document and repository-level, fingerprinted, sorted by path and line. */
  diagnostics: Diagnostic[];
  /** Markdown files not validated, and why. */
  skipped: Array<{ path: string; reason: string }>;
  /** With a selection (`paths`): how many files were context candidates (indexed), and how many of them were parsed. */
  context?: { candidates: number; parsed: number };
}

export interface ValidateOptions {
  /** Files or folders to validate instead of the configured globs. */
  paths?: string[];
  /**
   * Where the source's root lies in the repository when it is a folder of it (the
   * action's `working-directory`), e.g. `app`: the paths the validation reports (its
   * diagnostics, the skipped files, each document's `path` and `companions`) start with
   * it, so they are repository-relative, as GitHub wants them. Everything else is of the
   * project: the globs, `paths`, links, a document's items and the fingerprints (which
   * so match a run at the project's root).
   */
  pathPrefix?: string;
}

const INACTIVE = new Set(['superseded', 'deprecated', 'rejected']);
const STRONG_FM_KEYS = new Set(['supersedes', 'superseded_by', 'implements', 'prd', 'parent']);

/** Everything the repository checks need, indexed once. */
class Registry {
  readonly byId = new Map<string, ParsedSpec[]>();
  readonly byPath = new Map<string, ParsedSpec>();

  constructor(
    readonly specs: readonly ParsedSpec[],
    readonly files: ReadonlySet<string>,
  ) {
    for (const s of specs) {
      if (s.meta.id) {
        const list = this.byId.get(s.meta.id) ?? [];
        list.push(s);
        this.byId.set(s.meta.id, list);
      }
      this.byPath.set(s.path, s);
      for (const c of s.companions) if (!this.byPath.has(c)) this.byPath.set(c, s);
    }
  }

  /** Resolves an id or a path (relative to `from`'s folder, then to the root). */
  resolve(target: string, from: string): ParsedSpec | undefined {
    const t = target.trim();
    const byId = this.byId.get(t);
    if (byId && byId.length > 0) return byId.find((s) => !INACTIVE.has(s.meta.status ?? '')) ?? byId[0];
    const path = t.split('#')[0]!;
    if (path === '') return this.byPath.get(from);
    for (const candidate of this.candidatePaths(path, from)) {
      const hit = this.byPath.get(candidate);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Whether a path (relative to `from`'s folder or the root) names any file of the repository. */
  exists(path: string, from: string): boolean {
    return this.candidatePaths(path, from).some((p) => this.files.has(p));
  }

  candidatePaths(path: string, from: string): string[] {
    return candidatePaths(path, from);
  }

  /** Files by lower-cased file name. */
  get names(): FileNames {
    this.#names ??= fileNames(this.files);
    return this.#names;
  }

  #names: FileNames | undefined;
}

/** Where a path written in `from` may point: relative to `from`'s folder, then to the root (URL-decoded too). */
/** The repo paths a path names: relative to `from`'s folder, then to the root (URL-decoded too). */
function plainCandidatePaths(path: string, from: string): string[] {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const decoded = safeDecode(path);
  const out = new Set<string>();
  for (const p of [path, decoded]) {
    if (p.startsWith('/')) out.add(normalizeRelative(p));
    else {
      out.add(normalizeRelative(dir ? `${dir}/${p}` : p));
      out.add(normalizeRelative(p));
    }
  }
  return [...out];
}

/**
 * {@link plainCandidatePaths}, then the same paths as BMAD shard folders: a document sharded
 * after it was cited (`docs/architecture.md` → `docs/architecture/index.md`).
 */
function candidatePaths(path: string, from: string): string[] {
  const plain = plainCandidatePaths(path, from);
  const sharded = plain.filter((c) => /\.md$/i.test(c)).map((c) => `${c.slice(0, -3)}/index.md`);
  return [...new Set([...plain, ...sharded])];
}

type FileNames = ReadonlyMap<string, readonly string[]>;

function fileNames(files: Iterable<string>): FileNames {
  const names = new Map<string, string[]>();
  for (const f of files) {
    const key = f.slice(f.lastIndexOf('/') + 1).toLowerCase();
    const list = names.get(key);
    if (list) list.push(f);
    else names.set(key, [f]);
  }
  return names;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Collects repository-level findings per path. */
class RepoSink {
  private readonly sinks = new Map<string, DiagnosticSink>();

  add(path: string, rule: RuleCode, line: number, message: string, options?: AddOptions): void {
    let sink = this.sinks.get(path);
    if (!sink) {
      sink = new DiagnosticSink(path);
      this.sinks.set(path, sink);
    }
    sink.add(rule, line, message, options);
  }

  all(): Array<Omit<Diagnostic, 'fingerprint'>> {
    return [...this.sinks.values()].flatMap((s) => s.items);
  }
}

function normalizeText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Documents a document links to through front matter (and change-proposal targets), transitively. */
function linkedClosure(spec: ParsedSpec, registry: Registry): ParsedSpec[] {
  const seen = new Set<ParsedSpec>([spec]);
  const queue = [spec];
  while (queue.length > 0) {
    const s = queue.shift()!;
    const targets = [
      ...s.refs.filter((r) => r.kind === 'fm').map((r) => r.target),
      ...(s.changeSet?.targets.map((t) => t.resolved ?? t.doc) ?? []),
    ];
    for (const t of targets) {
      const hit = registry.resolve(t, s.path);
      if (hit && !seen.has(hit)) {
        seen.add(hit);
        queue.push(hit);
      }
    }
  }
  return [...seen];
}

function definedIds(specs: readonly ParsedSpec[]): Set<string> {
  const ids = new Set<string>();
  for (const s of specs) {
    // An id a change proposal adds is an addition (applied or not), never a dangling reference.
    for (const id of s.changeSet?.added ?? []) ids.add(canonicalIdOf(id));
    for (const r of s.requirements) ids.add(r.canonicalId);
    for (const ac of s.acceptanceCriteria) if (ac.id) ids.add(ac.id);
  }
  return ids;
}

/**
 * Validates the spec documents of a repository.
 * @param source the repository's files
 * @param config the `specs` section of the configuration
 * @param options `paths`: validate these files or folders instead of the configured globs
 */
export async function validateRepository(source: SpecSource, config: SpecsConfig, options: ValidateOptions = {}): Promise<RepositoryValidation> {
  const files = (await source.list()).map(normalizeRelative);
  const fileSet = new Set(files);
  const discovery = discoverNormalized(files, config, options.paths);
  const selected = new Set(discovery.candidates);
  const selective = options.paths !== undefined && options.paths.length > 0;
  const skipped = [...discovery.skipped];
  const repo = new RepoSink();
  const documentDiagnostics: Diagnostic[] = [];

  // Validating some paths still resolves their references against the rest of the
  // repository: the configured specs and the Markdown next to the selected files may be
  // context. A cheap index of their text says which of them the selection needs (its
  // bundle, what it references, what references it); only those are parsed, and only the
  // selection is reported.
  const universe = selective ? contextCandidates(files, config, discovery.candidates) : discovery.candidates;
  const bytesOf = await readAll(source, universe, (path, error) => {
    if (!selected.has(path)) return;
    const reason = error instanceof Error ? error.message : String(error);
    repo.add(path, 'file.unreadable', 1, `The file could not be read: ${reason.slice(0, 200)}.`);
    skipped.push({ path, reason: 'unreadable' });
  });
  const named = new Set((options.paths ?? []).map(normalizeRelative));
  const parser = new DocumentParser(bytesOf, config, named);
  const toParse = selective ? selectContext([...selected].filter((p) => bytesOf.has(p)), parser, fileSet) : [...bytesOf.keys()];

  // BMAD shards fold into their index; everything else is one document per file.
  const specs: ParsedSpec[] = [];
  const untyped: string[] = [];
  const seen = new Set<ParsedSpec>();
  for (const path of parser.order(toParse)) {
    const spec = parser.documentOf(path);
    if (spec === undefined) {
      if (!parser.isUntyped(path)) continue;
      // Notes, reports, READMEs of sub-folders: not specs. One summary line, not a warning each.
      if (selected.has(path)) untyped.push(path);
      if (!selective || selected.has(path)) skipped.push({ path, reason: 'untyped Markdown (no `type:` and no spec signal)' });
      continue;
    }
    if (seen.has(spec)) continue;
    seen.add(spec);
    appendAll(documentDiagnostics, spec.diagnostics);
    specs.push(spec);
  }
  if (untyped.length > 0) {
    untyped.sort();
    const shown = untyped.slice(0, 5).join(', ');
    repo.add(untyped[0]!, 'spec.untyped', 1, `${untyped.length} Markdown file${untyped.length === 1 ? ' is' : 's are'} not a spec of a known type and ${untyped.length === 1 ? 'was' : 'were'} not validated: ${shown}${untyped.length > 5 ? ', …' : ''}.`);
  }
  specs.sort((a, b) => a.path.localeCompare(b.path));

  const documents = attachCompanions(specs, fileSet, repo, config);
  await checkSpeckitChecklists(documents, files, source, repo);
  const registry = new Registry(documents, fileSet);
  resolveChangeProposals(documents, registry, repo);
  checkDocumentIds(documents, repo);
  checkReferences(documents, registry, repo);
  checkTraceability(documents, registry, repo, config);

  const linesOf = new Map<string, string[]>();
  const lineText = (path: string, line: number): string | undefined => {
    let lines = linesOf.get(path);
    if (!lines) {
      const bytes = bytesOf.get(path);
      lines = bytes ? splitLines(decodeSpecBytes(bytes).text) : [];
      linesOf.set(path, lines);
    }
    return lines[line - 1];
  };
  const repoDiagnostics = assignFingerprints(repo.all(), lineText);
  // With a selection, keep the selected documents (a shard or companion selects its document).
  const reported = !selective ? documents : documents.filter((s) => [s.path, ...s.companions].some((p) => selected.has(p)));
  const reportedFiles = new Set(reported.flatMap((s) => [s.path, ...s.companions]));
  for (const path of selected) reportedFiles.add(path);
  const bundleDirs = reported.map((s) => bundleRoleOf(s.path)?.dir).filter((d): d is string => d !== undefined);
  const isReported = (path: string) => !selective || reportedFiles.has(path) || bundleDirs.some((dir) => path.startsWith(`${dir}/checklists/`));
  const diagnostics = [...documentDiagnostics, ...repoDiagnostics].filter((d) => isReported(d.path)).sort(byLocation);

  // Status policy: executable documents have an executable status, a type and no error (document or repository level).
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of [...documentDiagnostics, ...repoDiagnostics]) {
    const list = byPath.get(d.path) ?? [];
    list.push(d);
    byPath.set(d.path, list);
  }
  for (const s of documents) {
    const statusOk = s.meta.status !== undefined && (config.executableStatuses as readonly string[]).includes(s.meta.status);
    s.diagnostics = [s.path, ...s.companions].flatMap((f) => byPath.get(f) ?? []).sort(byLocation);
    s.executable = statusOk && s.type !== undefined && !s.diagnostics.some((d) => d.severity === 'error');
  }
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  const context = selective ? { context: { candidates: bytesOf.size, parsed: toParse.length } } : {};
  const prefix = normalizePrefix(options.pathPrefix);
  if (prefix === '') return { specs: reported, diagnostics, skipped, ...context };
  // The paths the validation reports become repository-relative here, once (see `pathPrefix`).
  const at = (path: string) => inRepository(prefix, path);
  const located = (list: readonly Diagnostic[]) => list.map((d) => ({ ...d, path: at(d.path) }));
  return {
    specs: reported.map((s) => ({ ...s, path: at(s.path), companions: s.companions.map(at), diagnostics: located(s.diagnostics) })),
    diagnostics: located(diagnostics),
    skipped: skipped.map((s) => ({ ...s, path: at(s.path) })),
    ...context,
  };
}

/**
 * The path inside a `files_to_modify` entry as quick-specs write them: `api: src/x.ts (add ROLE)`,
 * `` `src/y.py` — new helper``, `src/z.ts (NEW)`. Undefined for a file marked new (it may not exist yet)
 * or an entry with no path.
 */
export function annotatedPath(entry: string): string | undefined {
  if (/\((?:new|new file|create|created|to create|nouveau|nuevo|neu|新規|新增)\)|\bnew file\b/iu.test(entry)) return undefined;
  const words = entry.replace(/\([^)]*\)/g, ' ').replace(/[`'"]/g, ' ').split(/\s+|(?<=:)(?=\S)/u);
  const path = words.map((w) => w.replace(/^[^\w./@~-]+|[,;:]+$/gu, '')).find((w) => /[\w-]\.[A-Za-z0-9]{1,8}$|\//.test(w) && !/^https?:/i.test(w) && !w.endsWith(':'));
  return path === undefined || path === '' ? undefined : path;
}

/** No type from front matter or bundle layout, and no heuristic signal worth a guess (best score under 6). */
function isUntypedMarkdown(spec: ParsedSpec): boolean {
  if (spec.type !== undefined || spec.diagnostics.some((d) => d.rule.startsWith('fm.') || d.rule.startsWith('file.') || d.rule.startsWith('spec.'))) return false;
  return Object.values(spec.typeEvidence.scores).every((score) => score < 6);
}

function byLocation(a: Diagnostic, b: Diagnostic): number {
  return a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || (a.range.start.column ?? 0) - (b.range.start.column ?? 0) || a.rule.localeCompare(b.rule);
}

/** The selection plus the configured specs and the Markdown files in the selection's folders. */
function contextCandidates(files: readonly string[], config: SpecsConfig, selection: readonly string[]): string[] {
  const folders = [...new Set(selection.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')))];
  const around = discoverNormalized(files, config, folders).candidates;
  const configured = discoverNormalized(files, config).candidates;
  return [...new Set([...selection, ...around, ...configured])].sort();
}

/** Reads `paths` (a few at a time, in order); a file that cannot be read goes to `failed`. */
async function readAll(source: SpecSource, paths: readonly string[], failed: (path: string, error: unknown) => void): Promise<Map<string, Uint8Array>> {
  const results: Array<Uint8Array | undefined> = Array.from({ length: paths.length });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      try {
        results[i] = await source.read(paths[i]!);
      } catch (error) {
        failed(paths[i]!, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, paths.length) }, worker));
  const bytesOf = new Map<string, Uint8Array>();
  paths.forEach((p, i) => {
    if (results[i]) bytesOf.set(p, results[i]!);
  });
  return bytesOf;
}

/**
 * Parses files into documents on demand, once each: a BMAD shard folder (`prd/index.md`
 * plus its siblings) is one document, an untyped Markdown file that was not named is none.
 */
class DocumentParser {
  readonly #groups = new Map<string, ReturnType<typeof findShardGroups>[number]>();
  readonly #groupOrder: string[];
  readonly #docs = new Map<string, ParsedSpec | undefined>();
  readonly #untyped = new Set<string>();
  #texts: Map<string, string> | undefined;
  /** Files by folder. */
  readonly #folders = new Map<string, string[]>();

  constructor(
    readonly bytesOf: ReadonlyMap<string, Uint8Array>,
    readonly config: SpecsConfig,
    readonly named: ReadonlySet<string>,
  ) {
    const groups = findShardGroups([...bytesOf.keys()]);
    this.#groupOrder = groups.map((g) => g.index);
    for (const g of groups) for (const m of [g.index, ...g.members]) if (!this.#groups.has(m)) this.#groups.set(m, g);
    for (const path of bytesOf.keys()) {
      const dir = dirOf(path);
      const list = this.#folders.get(dir);
      if (list) list.push(path);
      else this.#folders.set(dir, [path]);
    }
  }

  /** The files read, as text (for the index). */
  get texts(): Map<string, string> {
    this.#texts ??= new Map([...this.bytesOf].map(([p, b]) => [p, indexText(b)]));
    return this.#texts;
  }

  /** The files a document at `path` is made of with its bundle: a spec-kit or Kiro folder, a shard folder; else the file. */
  unitOf(path: string): readonly string[] {
    const group = this.#groups.get(path);
    if (group) return [group.index, ...group.members];
    if (bundleRoleOf(path)) return this.#folders.get(dirOf(path)) ?? [path];
    return [path];
  }

  /** Shard groups first (their index order), then the other files in reading order, as the whole-repository run parses them. */
  order(paths: readonly string[]): string[] {
    const wanted = new Set(paths);
    const first = this.#groupOrder.filter((p) => wanted.has(p));
    return [...first, ...[...this.bytesOf.keys()].filter((p) => wanted.has(p) && !first.includes(p))];
  }

  isUntyped(path: string): boolean {
    this.documentOf(path);
    return this.#untyped.has(path);
  }

  /** The document `path` belongs to (a shard's is its group's), or undefined (not read, untyped). */
  documentOf(path: string): ParsedSpec | undefined {
    if (this.#docs.has(path)) return this.#docs.get(path);
    const group = this.#groups.get(path);
    let spec: ParsedSpec | undefined;
    if (group) {
      const indexBytes = this.bytesOf.get(group.index)!;
      const shards = orderShards(decodeSpecBytes(indexBytes).text, dirOf(group.index) === '' ? '' : `${dirOf(group.index)}/`, group.members);
      spec = parseSharded({ index: group.index, shards, type: group.type }, this.bytesOf, this.config);
      for (const m of [group.index, ...shards]) this.#docs.set(m, spec);
      return spec;
    }
    const bytes = this.bytesOf.get(path);
    if (bytes) {
      spec = parseSpec(path, bytes, this.config);
      if (isUntypedMarkdown(spec) && !this.named.has(path)) {
        this.#untyped.add(path);
        spec = undefined;
      }
    }
    this.#docs.set(path, spec);
    return spec;
  }
}

const UTF8 = new TextDecoder('utf-8');

/** A file's text for the index: UTF-16 and UTF-8 as {@link decodeSpecBytes} reads them, without its byte checks. */
function indexText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeSpecBytes(bytes).text;
  const text = UTF8.decode(bytes);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/**
 * The files a validation of `selection` parses so that it reports for the selection what a
 * whole-repository run reports (class 12): the selection's bundles; what their documents
 * reference, transitively through front matter and change-proposal targets (an id through
 * the documents whose metadata mentions it, a path as it resolves, a bare file name in the
 * proposal's folder tree); the targets of links (for anchors); a definition of each
 * requirement id they mention; and the documents whose metadata names a selected document
 * (a superseding document, a design that implements it, a duplicate id), as findings of
 * those land on the selection. Candidates come from a cheap index of the text; each is
 * parsed and kept only if it really is what was looked for.
 */
function selectContext(selection: readonly string[], parser: DocumentParser, files: ReadonlySet<string>): string[] {
  const index = new RepoIndex(parser.texts);
  const names = fileNames(files);
  const needed = new Set<string>();
  const expanded = new Set<ParsedSpec>();
  const queue: ParsedSpec[] = [];
  let everything = false;
  const include = (path: string, expand: boolean): void => {
    if (!parser.bytesOf.has(path)) return;
    for (const p of parser.unitOf(path)) {
      needed.add(p);
      const doc = parser.documentOf(p);
      if (doc && expand && !expanded.has(doc)) {
        expanded.add(doc);
        queue.push(doc);
      }
    }
  };
  // A target string names a document by id (its metadata mentions it) or by path.
  const includeTarget = (target: string, from: string, expand: boolean): void => {
    const t = target.trim();
    if (t === '') return;
    for (const p of index.withId(t)) include(p, expand);
    const path = t.split('#')[0]!;
    if (path !== '') for (const p of candidatePaths(path, from)) include(p, expand);
  };
  // A tasks.md with a plan.md or design.md next to it is folded into that document: not a document of its own.
  const folded = (p: string) => {
    if (!isTaskList(p)) return false;
    const dir = dirOf(p) === '' ? '' : `${dirOf(p)}/`;
    const host = [`${dir}plan.md`, `${dir}design.md`].find((h) => files.has(h));
    return host !== undefined && parser.documentOf(host) !== undefined;
  };
  const definers = (ids: Iterable<string>): ParsedSpec[] => {
    const out = new Set<ParsedSpec>();
    for (const id of ids) {
      for (const p of index.idCandidates(id)) {
        include(p, true);
        const doc = folded(p) ? undefined : parser.documentOf(p);
        if (doc) out.add(doc);
      }
    }
    return [...out];
  };
  const expand = (s: ParsedSpec): void => {
    for (const ref of s.refs) {
      if (ref.kind === 'fm') includeTarget(ref.target, s.path, true);
      else if (ref.kind === 'link' || ref.kind === 'path') {
        const path = ref.target.split('#')[0]!;
        if (path !== '') for (const p of candidatePaths(path, ref.file ?? s.path)) include(p, false);
      }
    }
    const cs = s.type === 'sprint-change-proposal' ? s.changeSet : undefined;
    if (!cs) return;
    for (const t of cs.targets) {
      if (t.doc.startsWith('type:')) continue;
      includeTarget(t.doc, s.path, true);
      const bare = bareNameTarget(t.doc, s.path, names);
      if (bare) include(bare, true);
    }
    const typed = cs.targets.filter((t) => t.doc.startsWith('type:'));
    if (typed.length === 0) {
      if (cs.targets.some((t) => t.explicit)) return;
      // A target that resolves to a document (all its candidates are parsed by now) leaves no need for the ids' definers.
      const docs = [...needed].filter((p) => !folded(p)).map((p) => parser.documentOf(p)).filter((d): d is ParsedSpec => d !== undefined);
      const registry = new Registry([...new Set(docs)].sort((a, b) => a.path.localeCompare(b.path)), files);
      const resolves = cs.targets.some((t) => {
        const hit = registry.resolve(t.doc, s.path) ?? registry.resolve(bareNameTarget(t.doc, s.path, names) ?? '', s.path);
        return hit !== undefined && hit !== s;
      });
      if (resolves) return;
    }
    // "The PRD", or no target at all: the documents that define the ids the proposal touches.
    const wanted = new Set([...cs.added, ...cs.modified, ...cs.removed, ...s.requirements.map((r) => r.id), ...s.refs.filter((r) => r.kind === 'id').map((r) => r.target)].map(canonicalIdOf));
    const defining = definers(wanted).filter((d) => d !== s && d.requirements.some((r) => wanted.has(r.canonicalId)));
    for (const t of typed) {
      const type = t.doc.slice('type:'.length);
      // With no definer of that type, "the PRD" is the only PRD of the repository, if there is one: only a full read tells.
      if (!defining.some((d) => d.type === type && !INACTIVE.has(d.meta.status ?? ''))) everything = true;
    }
  };

  for (const path of selection) include(path, true);
  const reported = [...expanded];
  // Findings of other documents that land on the selection: a document that supersedes or
  // implements it, or shares its id. They name it (its id, its file name) in their metadata.
  for (const s of reported) {
    const needles = [...new Set([s.path, ...s.companions, ...parser.unitOf(s.path)].flatMap((p) => {
      const base = p.slice(p.lastIndexOf('/') + 1);
      return [base, encodeURI(base)];
    }))];
    if (s.meta.id) needles.push(s.meta.id);
    for (const p of index.referencing(needles)) include(p, true);
    if (s.meta.id) for (const p of index.withId(s.meta.id)) include(p, false);
  }
  while (queue.length > 0 && !everything) expand(queue.shift()!);
  if (everything) return [...parser.bytesOf.keys()];

  // An id the selection mentions that its documents do not define is dangling unless some
  // document defines it: parse candidates until one does.
  const idsOf = new Map<ParsedSpec, Set<string>>();
  const defines = (p: string, id: string) => {
    const doc = folded(p) ? undefined : parser.documentOf(p);
    if (doc === undefined) return false;
    let ids = idsOf.get(doc);
    if (!ids) idsOf.set(doc, (ids = definedIds([doc])));
    return ids.has(id);
  };
  const known = new Set<string>();
  for (const s of reported) {
    for (const ref of s.refs) {
      if (ref.kind !== 'id' || ref.via === 'range') continue;
      const id = canonicalIdOf(ref.target);
      if (known.has(id)) continue;
      known.add(id);
      if ([...needed].some((p) => defines(p, id))) continue;
      for (const p of index.idCandidates(id)) {
        include(p, false);
        if (defines(p, id)) break;
      }
    }
  }
  return [...needed];
}

/**
 * spec-kit and Kiro bundles: `tasks.md` is folded into the sibling plan.md / design.md,
 * which implicitly implements the sibling spec.md / requirements.md. A tasks.md with no
 * sibling design stays a document (`bundle.orphan-tasks`).
 */
function attachCompanions(specs: ParsedSpec[], files: ReadonlySet<string>, repo: RepoSink, config: SpecsConfig): ParsedSpec[] {
  const byPath = new Map(specs.map((s) => [s.path, s]));
  const documents: ParsedSpec[] = [];
  for (const s of specs) {
    if (!isTaskList(s.path)) {
      documents.push(s);
      continue;
    }
    const dir = s.path.includes('/') ? s.path.slice(0, s.path.lastIndexOf('/') + 1) : '';
    const hostPath = [`${dir}plan.md`, `${dir}design.md`].find((p) => files.has(p));
    const host = hostPath ? byPath.get(hostPath) : undefined;
    if (!host) {
      repo.add(s.path, 'bundle.orphan-tasks', 1, `${s.path} has no plan.md or design.md next to it; it is treated as a technical spec with only tasks.`);
      documents.push(s);
      continue;
    }
    host.companions.push(s.path);
    appendAll(host.tasks, s.tasks.map((t) => ({ ...t, file: s.path })));
  }
  for (const s of documents) {
    const role = bundleRoleOf(s.path);
    if (!role || s.type !== 'technical-spec' || isTaskList(s.path)) continue;
    const specFile = [`${role.dir}/spec.md`, `${role.dir}/requirements.md`, `${role.dir}/bugfix.md`].find((p) => files.has(p));
    if (s.meta.implements.length === 0) {
      if (specFile) {
        s.meta.implements.push(specFile);
        s.refs.push({ kind: 'fm', target: specFile, via: 'implements', line: 1 });
      } else repo.add(s.path, 'ts.implements.missing', 1, `No spec.md or requirements.md next to ${s.path}, and no \`implements:\` in front matter.`, { severity: config.strict ? 'warning' : 'info' });
    }
    const hasTaskSection = s.sections.some((x) => x.canonical === 'tasks');
    if (s.tasks.length === 0 && !hasTaskSection) repo.add(s.path, 'ts.section.tasks', 1, 'No tasks: no tasks.md next to the design and no Implementation Plan section.');
  }
  return documents;
}

/** spec-kit `checklists/*.md`: every unchecked item is an open quality gate. */
async function checkSpeckitChecklists(documents: readonly ParsedSpec[], files: readonly string[], source: SpecSource, repo: RepoSink): Promise<void> {
  const dirs = new Set(documents.map((s) => bundleRoleOf(s.path)).filter((r) => r?.kind === 'speckit').map((r) => r!.dir));
  for (const dir of dirs) {
    for (const file of files.filter((f) => f.startsWith(`${dir}/checklists/`) && f.endsWith('.md'))) {
      let text: string;
      try {
        text = decodeSpecBytes(await source.read(file)).text;
      } catch {
        continue;
      }
      let inFence = false;
      splitLines(text).forEach((line, i) => {
        if (/^\s*(?:```|~~~)/.test(line)) inFence = !inFence;
        const m = !inFence && /^\s*[-*+]\s+\[ \]\s+(?<item>.{1,300})/.exec(line);
        if (m) repo.add(file, 'bundle.checklist.incomplete', i + 1, `Unchecked: ${m.groups!.item!.trim()}`);
      });
    }
  }
}

/** Two active documents with the same id. */
function checkDocumentIds(documents: readonly ParsedSpec[], repo: RepoSink): void {
  const first = new Map<string, ParsedSpec>();
  for (const s of documents) {
    if (!s.meta.id || INACTIVE.has(s.meta.status ?? '')) continue;
    const prior = first.get(s.meta.id);
    if (prior) repo.add(s.path, 'fm.id.duplicate', s.meta.lines.id ?? 1, `Id ${s.meta.id} is also used by ${prior.path}.`);
    else first.set(s.meta.id, s);
  }
}

/** Front-matter references, links, anchors, inline requirement ids, supersession. */
function checkReferences(documents: readonly ParsedSpec[], registry: Registry, repo: RepoSink): void {
  const allIds = definedIds(documents);
  for (const s of documents) {
    for (const ref of s.refs) {
      if (ref.kind === 'fm') {
        const hit = registry.resolve(ref.target, s.path);
        if (hit) {
          ref.resolved = hit.path;
          if (ref.via === 'supersedes' && hit.meta.status !== 'superseded' && hit.meta.status !== 'deprecated') {
            repo.add(hit.path, 'ref.superseded.status', hit.meta.lines.status ?? 1, `${hit.path} is superseded by ${s.path} but its status is ${hit.meta.statusRaw ?? 'missing'}.`);
          }
        } else if (!registry.exists(ref.target, s.path)) {
          // A reference to an existing file that is not a spec (a product brief, say) resolves.
          const strong = STRONG_FM_KEYS.has(ref.via ?? '');
          repo.add(ref.file ?? s.path, 'ref.fm.dangling', ref.line, `\`${ref.via}: ${ref.target}\` names no document of the repository.`, strong ? {} : { severity: 'warning' });
        }
      } else if (ref.kind === 'link' || ref.kind === 'path') {
        const [path, anchor] = ref.target.split('#') as [string, string | undefined];
        if (path !== '' && !registry.exists(path, ref.file ?? s.path)) {
          if (ref.kind === 'link') repo.add(ref.file ?? s.path, 'ref.link.dangling', ref.line, `Link target ${path} does not exist.`);
          continue;
        }
        const target = path === '' ? s : registry.resolve(path, ref.file ?? s.path);
        if (target) ref.resolved = target.path;
        if (anchor && target && ref.kind === 'link') {
          const slugs = new Set(target.sections.map((x) => githubSlug(x.text)));
          if (!slugs.has(safeDecode(anchor).toLowerCase())) repo.add(ref.file ?? s.path, 'ref.anchor.dangling', ref.line, `${target.path} has no heading for #${anchor}.`);
        }
      }
    }
    // Inline requirement ids resolve in the document or the documents it links to; with no links, anywhere.
    const idRefs = s.refs.filter((r) => r.kind === 'id');
    if (idRefs.length === 0) continue;
    const closure = linkedClosure(s, registry);
    // A change proposal is written against the project's requirements: its ids resolve anywhere.
    const known = closure.length > 1 && s.type !== 'sprint-change-proposal' ? definedIds(closure) : allIds;
    const reported = new Set<string>();
    for (const ref of idRefs) {
      if (ref.via === 'range') continue; // "FR1–FR41" names a span; a gap inside it is not a dangling id
      const canonical = canonicalIdOf(ref.target);
      if (known.has(canonical) || reported.has(canonical)) continue;
      reported.add(canonical);
      repo.add(ref.file ?? s.path, 'ref.dangling', ref.line, `${ref.target} is not defined in ${known === allIds ? 'any spec of the repository' : 'this document or the documents it links to'}.`);
    }
  }
}

function resolveTarget(t: ChangeTarget, scp: ParsedSpec, registry: Registry): ParsedSpec[] {
  const typed = /^type:(?<type>.+)$/.exec(t.doc);
  if (typed?.groups) return registry.specs.filter((s) => s.type === (typed.groups!.type as DocType) && s !== scp && !INACTIVE.has(s.meta.status ?? ''));
  const hit = registry.resolve(t.doc, scp.path) ?? registry.resolve(bareNameTarget(t.doc, scp.path, registry.names) ?? '', scp.path);
  return hit && hit !== scp ? [hit] : [];
}

/**
 * A bare file name (`prd.md`, `epics.md`) names the file of that name in the proposal's
 * folder tree: its folder first, then each parent's, the first level with exactly one such
 * file wins. Undefined when the name has a folder or is ambiguous.
 */
function bareNameTarget(name: string, from: string, names: FileNames): string | undefined {
  // A stale path (`docs/epics.md` after the file moved) falls back to its file name.
  const base = name.split('#')[0]!.trim().split('/').pop() ?? '';
  if (base === '') return undefined;
  const named = names.get(base.toLowerCase()) ?? [];
  let dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  for (;;) {
    const under = named.filter((f) => dir === '' || f.startsWith(`${dir}/`));
    if (under.length === 1) return under[0];
    if (under.length > 1 || dir === '') return undefined;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

/** Where a document a proposal creates will live: the reading of its path whose folder exists, else from the root. */
function newFilePath(doc: string, from: string, registry: Registry): string {
  const candidates = plainCandidatePaths(doc.split('#')[0]!, from);
  const folderExists = (p: string) => {
    const dir = p.includes('/') ? `${p.slice(0, p.lastIndexOf('/'))}/` : '';
    return dir === '' || [...registry.files].some((f) => f.startsWith(dir));
  };
  return candidates.find(folderExists) ?? candidates.at(-1) ?? doc;
}

/** Change-proposal targets: resolution, OLD ids that must exist, NEW ids that must not collide. */
function resolveChangeProposals(documents: readonly ParsedSpec[], registry: Registry, repo: RepoSink): void {
  for (const scp of documents) {
    if (scp.type !== 'sprint-change-proposal' || !scp.changeSet) continue;
    const cs = scp.changeSet;
    const targets: ParsedSpec[] = [];
    const editIds = [...cs.added, ...cs.modified, ...cs.removed, ...scp.requirements.map((r) => r.id), ...scp.refs.filter((r) => r.kind === 'id').map((r) => r.target)];
    const wanted = new Set(editIds.map(canonicalIdOf));
    const definesWanted = (s: ParsedSpec) => s.requirements.some((r) => wanted.has(r.canonicalId));
    for (const t of cs.targets) {
      let hits = resolveTarget(t, scp, registry);
      // "the PRD" names the PRD that defines the ids the proposal touches, or the only PRD;
      // never some document of that type.
      if (t.doc.startsWith('type:') && hits.length > 1) hits = hits.filter(definesWanted);
      hits = hits.filter((h) => h !== scp);
      if (hits.length === 0) {
        // A file that is not a validated spec (epics.md, a story) is still a target.
        const file = t.doc.startsWith('type:') ? undefined : [...registry.candidatePaths(t.doc.split('#')[0]!, scp.path), bareNameTarget(t.doc, scp.path, registry.names)].find((p) => p !== undefined && registry.files.has(p));
        if (file && file !== scp.path) t.resolved = file;
        else if (file) continue;
        else if (t.action === 'add' && !t.explicit && !t.doc.startsWith('type:')) t.resolved = newFilePath(t.doc, scp.path, registry);
        else if (t.explicit) repo.add(scp.path, 'scp.target.dangling', t.line, `Target ${t.doc} names no document of the repository.`);
        else if (!t.doc.startsWith('type:') && t.doc !== EPICS_FILE) {
          repo.add(scp.path, 'scp.target.dangling', t.line, `Inferred target ${t.doc} names no document of the repository.`, { severity: 'warning' });
        }
        continue;
      }
      t.resolved = hits[0]!.path;
      for (const h of hits) if (!targets.includes(h)) targets.push(h);
    }
    if (targets.length === 0 && !cs.targets.some((t) => t.explicit)) {
      // Nothing named: the documents that define the ids the proposal touches. When it names a
      // file that is not a validated spec (`epics.md`, a story), the ids it only cites ("NFR005
      // violated, no PRD change") do not add their definers; the ids it edits still do.
      const named = cs.targets.some((t) => t.resolved !== undefined);
      const edited = new Set([...cs.added, ...cs.modified, ...cs.removed, ...scp.requirements.map((r) => r.id)].map(canonicalIdOf));
      const definesTouched = named ? (s: ParsedSpec) => s.requirements.some((r) => edited.has(r.canonicalId)) : definesWanted;
      for (const s of documents) {
        if (s === scp || s.type === 'sprint-change-proposal' || !definesTouched(s)) continue;
        targets.push(s);
        cs.targets.push({ doc: s.meta.id ?? s.path, sections: [], ids: [], explicit: false, resolved: s.path, line: 1 });
      }
    }
    // Artifact words that resolved to nothing are not part of the change set.
    const seenTargets = new Set<string>();
    cs.targets = cs.targets.filter((t) => (t.explicit || t.resolved !== undefined) && !seenTargets.has(t.resolved ?? t.doc) && seenTargets.add(t.resolved ?? t.doc));
    if (targets.length === 0) continue;
    const targetNames = [...new Set(targets.map((t) => t.meta.id ?? t.path))].join(', ');
    const collided = new Set<string>();
    const defined = new Map<string, string>();
    for (const t of targets) for (const r of t.requirements) if (!defined.has(r.canonicalId)) defined.set(r.canonicalId, r.text);
    const modifiedIds = new Set([...cs.modified, ...cs.removed].map(canonicalIdOf));
    for (const id of modifiedIds) {
      if (!defined.has(id)) {
        const line = cs.targets.find((t) => t.ids.some((x) => canonicalIdOf(x) === id))?.line ?? cs.edits.find((e) => e.old && e.old.includes(id.split(':')[0]!))?.line ?? 1;
        repo.add(scp.path, 'scp.edit.old-not-found', line, `${id.replace(':', '-')} is edited but ${targetNames} does not define it.`);
      }
    }
    for (const r of scp.requirements) {
      const existing = defined.get(r.canonicalId);
      if (existing === undefined || modifiedIds.has(r.canonicalId)) continue;
      if (normalizeText(existing) !== normalizeText(r.text)) {
        collided.add(r.canonicalId);
        repo.add(scp.path, 'scp.id.collision', r.line, `${r.id} already exists in ${targetNames} with different text.`);
      }
    }
    for (const t of cs.targets) {
      if (t.action !== 'add') continue;
      for (const id of t.ids) {
        const key = canonicalIdOf(id);
        if (collided.has(key)) continue;
        const newReq = scp.requirements.find((r) => r.canonicalId === key);
        const existing = defined.get(key);
        if (existing !== undefined && (!newReq || normalizeText(existing) !== normalizeText(newReq.text))) {
          collided.add(key);
          repo.add(scp.path, 'scp.id.collision', t.line, `\`action: add\` for ${id}, but ${id} already exists in ${t.resolved ?? t.doc}.`);
        }
      }
    }
  }
}

/** Technical specs: task refs must exist in the linked spec; every linked requirement needs a task. */
function checkTraceability(documents: readonly ParsedSpec[], registry: Registry, repo: RepoSink, config: SpecsConfig): void {
  for (const ts of documents) {
    if (ts.type !== 'technical-spec') continue;
    const linked = linkedClosure(ts, registry).filter((s) => s !== ts && (s.type === 'functional-spec' || s.type === 'prd'));
    for (const key of ['files_to_modify']) {
      const list = ts.meta.extra[key];
      if (!Array.isArray(list)) continue;
      for (const entry of list.map(String)) {
        const f = annotatedPath(entry);
        if (f === undefined) continue; // a file the spec creates, or no path at all
        if (!registry.files.has(normalizeRelative(f))) repo.add(ts.path, 'ts.files.missing', ts.meta.lines[key] ?? 1, `\`${key}\` lists ${f}, which does not exist.`);
      }
    }
    if (linked.length === 0 || ts.tasks.length === 0) continue;
    // Coverage is owed to the documents the spec implements directly, not to their parents.
    const direct = ts.meta.implements.map((t) => registry.resolve(t, ts.path)).filter((s): s is ParsedSpec => s !== undefined && s !== ts);
    checkCoverage({ ts, direct, linked, config, add: (path, rule, line, message, severity) => repo.add(path, rule, line, message, severity ? { severity } : {}) });
  }
}
