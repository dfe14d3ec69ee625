/**
 * The clock port: the loop reads time only through it, so the wall-time budget is
 * testable with a fake clock.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
