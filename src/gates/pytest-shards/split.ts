/**
 * Splitting a collected pytest suite into shards of about equal run time (pure).
 *
 * A test file is the unit by default: its tests stay in one process, so class- and
 * module-scoped fixtures run once, as they would in a single run. Each file weighs the
 * sum of its tests' durations from the last run; a test with no known duration weighs
 * the mean of the known ones (1 when nothing is known, which splits by test count). Only
 * a file heavier than a whole shard's share is split into its node ids. The units go
 * longest-first onto the least loaded shard (LPT), which is within 4/3 of the optimum.
 */

export interface ShardPlan {
  /** The pytest arguments of each shard: whole files, or node ids of a split file. */
  args: string[][];
  /** Node ids of each shard, in collection order. */
  ids: string[][];
  /** Estimated run time of each shard, in ms (relative units when nothing is known). */
  estimatesMs: number[];
}

/** The file part of a node id: `tests/test_a.py::TestA::test_x[1]` → `tests/test_a.py`. */
export function fileOf(nodeId: string): string {
  const at = nodeId.indexOf('::');
  return at < 0 ? nodeId : nodeId.slice(0, at);
}

/**
 * The id the JUnit parser gives a node id's test case: xunit1 reports nested classes
 * joined by dots (`file::Outer.Inner::test`), pytest's node id by `::`.
 */
export function junitId(nodeId: string): string {
  const parts = nodeId.split('::');
  if (parts.length <= 3) return nodeId;
  return [parts[0], parts.slice(1, -1).join('.'), parts.at(-1)].join('::');
}

interface Unit {
  args: string[];
  ids: string[];
  weight: number;
  /** Position of the unit's first test in the collection, to keep the order stable. */
  first: number;
}

/**
 * Splits `nodeIds` (in collection order) into at most `count` non-empty shards.
 *
 * @param durations past durations in ms, by JUnit id (see {@link junitId})
 * @param partialFiles files some of whose tests run elsewhere (the failures-first shard):
 *   their tests stay together but are passed as node ids, never as the whole file
 * @param options.wholeFiles never split a file, however heavy (ids remembered from the
 *   last run, not collected now: a file path is always right, an id may not be)
 */
export function splitShards(
  nodeIds: readonly string[],
  count: number,
  durations: Readonly<Record<string, number>> = {},
  partialFiles: ReadonlySet<string> = new Set(),
  options: { wholeFiles?: boolean } = {},
): ShardPlan {
  const known = nodeIds.map((id) => durations[junitId(id)]).filter((d): d is number => typeof d === 'number' && Number.isFinite(d) && d >= 0);
  const fallback = known.length > 0 ? Math.max(1, known.reduce((a, b) => a + b, 0) / known.length) : 1;
  // A test that took 0 ms still costs its setup: never weigh a test nothing.
  const weightOf = (id: string): number => Math.max(1, durations[junitId(id)] ?? fallback);

  const byFile = new Map<string, { ids: string[]; first: number }>();
  nodeIds.forEach((id, index) => {
    const file = fileOf(id);
    const entry = byFile.get(file) ?? { ids: [], first: index };
    entry.ids.push(id);
    byFile.set(file, entry);
  });
  const total = nodeIds.reduce((sum, id) => sum + weightOf(id), 0);
  const shardCount = Math.max(1, Math.min(Math.floor(count), nodeIds.length));
  const share = total / shardCount;

  const units: Unit[] = [];
  for (const [file, { ids, first }] of byFile) {
    const weight = ids.reduce((sum, id) => sum + weightOf(id), 0);
    if (weight > share && ids.length > 1 && !options.wholeFiles) {
      ids.forEach((id) => units.push({ args: [id], ids: [id], weight: weightOf(id), first: nodeIds.indexOf(id) }));
    } else {
      units.push({ args: partialFiles.has(file) ? ids : [file], ids, weight, first });
    }
  }
  // Longest first; ties in collection order, so the same input always gives the same plan.
  units.sort((a, b) => b.weight - a.weight || a.first - b.first);
  const shards = Array.from({ length: Math.min(shardCount, units.length) }, () => ({ units: [] as Unit[], load: 0 }));
  for (const unit of units) {
    let target = shards[0]!;
    for (const shard of shards) if (shard.load < target.load) target = shard;
    target.units.push(unit);
    target.load += unit.weight;
  }
  const ordered = shards.map((s) => [...s.units].sort((a, b) => a.first - b.first));
  const position = new Map(nodeIds.map((id, i) => [id, i]));
  return {
    args: ordered.map((us) => us.flatMap((u) => u.args)),
    ids: ordered.map((us) => us.flatMap((u) => u.ids).sort((a, b) => position.get(a)! - position.get(b)!)),
    estimatesMs: shards.map((s) => Math.round(s.load)),
  };
}
