/**
 * The shards of a test gate as one short detail, for every report that shows the gate
 * (CLI table, check run, job summary): the gate stays one row, its shards a note. Pure.
 */
import type { ShardsDetail, TestSummary } from '../pipeline/gate-result.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * `2 shards, slowest 6.1s, balance 1.03`; for a gate that ran as one process for a reason
 * the user should know (declared `shards: 1`, a fallback), `1 process: <why>`. A choice
 * `auto` made (a small suite, no free core) stays in the JSON only: it is not news.
 */
export function shardsNote(detail: ShardsDetail | undefined): string | undefined {
  if (!detail) return undefined;
  if (detail.count <= 1) return detail.reason && !detail.reason.startsWith('auto:') ? `1 process: ${detail.reason}` : undefined;
  const first = detail.failedFirst ? ' (last failures first)' : '';
  const remembered = detail.remembered ? ', from the last collection' : '';
  const cancelled = detail.cancelled ? `; ${detail.cancelled} cancelled (fail fast)` : '';
  return `${detail.count} shards${first}, slowest ${seconds(detail.slowestMs)}, balance ${detail.balance.toFixed(2)}${remembered}${cancelled}`;
}

/** What the failures-first shard found: `2 of 3 tests that failed last time still fail`. */
export function failedFirstNote(tests: TestSummary): string {
  const failing = tests.failed + tests.errored;
  if (failing === 0) return `the ${tests.total} test${tests.total === 1 ? '' : 's'} that failed last time ${tests.total === 1 ? 'passes' : 'pass'} now`;
  return `${failing} of ${tests.total} test${tests.total === 1 ? '' : 's'} that failed last time still fail`;
}
