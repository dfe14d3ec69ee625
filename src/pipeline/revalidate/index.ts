/**
 * Scheduled re-validation (pure core): validation, requirement → test traceability and
 * spec drift of every spec, combined into the Spec health report and its verdict.
 */
export * from './model.js';
export { REVALIDATE_RULES, revalidateRule, type RevalidateRule, type RevalidateRuleCode } from './rules.js';
export { buildSpecHealthReport, verdictOf, implementedBy, type ReportInput } from './build-report.js';
export { revalidateRepository, type RevalidateOptions } from './revalidate.js';
