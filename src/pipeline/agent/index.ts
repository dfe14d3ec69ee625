/**
 * The dev agent's public surface, for the orchestrators (CLI `run`, the app) and the
 * adapters. See loop.ts for the loop, change-set.ts for the workspace model.
 */
export * from './budgets.js';
export * from './change-set.js';
export * from './clock.js';
export * from './failures.js';
export * from './guards.js';
export * from './loop.js';
export type * from './model-port.js';
export * from './prompts.js';
export * from './self-check.js';
export * from './tools.js';
export * from './untrusted.js';
export * from './usage.js';
export type * from './workspace-port.js';
