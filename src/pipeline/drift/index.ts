/**
 * Spec drift (pure): the lock file that records what each spec looked like when its
 * implementation merged, and the comparison of the specs on the default branch with it.
 */
export * from './lock-file.js';
export * from './classify.js';
