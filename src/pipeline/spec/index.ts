/**
 * The spec pipeline: find, detect, parse and validate spec documents
 * (shared/reference/spec-formats.md). Pure: it reads files through a {@link SpecSource}.
 */
export type { SpecSource } from './source.js';
export { parseSpec, type ParseOptions } from './parse.js';
export { validateRepository, type RepositoryValidation, type ValidateOptions } from './repository.js';
export { discoverSpecs, type Discovery } from './discovery.js';
export { RULES, ruleInfo, ruleCodes, closeRules, type RuleInfo, type RuleCode } from './rules.js';
export { SPEC_SOURCE } from './sink.js';
export * from './model.js';
