/** A run step that cannot go on, with what to do about it. */
export class RunError extends Error {
  override readonly name = 'RunError';
}
