/**
 * Array helpers that take any number of items. `target.push(...items)` and
 * `Math.max(...items)` pass every item as a function argument, and V8 throws
 * "Maximum call stack size exceeded" somewhere past ~100k of them (issue 11: ~175k IDs in
 * one spec). Spec contents are unbounded, so the pipeline uses these instead.
 */

/** Appends every item of `items` to `target`, in order. Returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max: number | undefined;
  for (const v of values) if (max === undefined || v > max) max = v;
  return max ?? empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min: number | undefined;
  for (const v of values) if (min === undefined || v < min) min = v;
  return min ?? empty;
}
