// Evaluates the spec validator on a corpus of real documents kept OUTSIDE the repository
// (they belong to other projects and are never committed). Usage:
//   npm run build:lib && node bench/spec-corpus.js /work/corpus
// The corpus folder holds one sub-folder per repository (or per stand-alone document) and a
// `reading.json`: a careful human reading of each document — its type, how many requirements,
// acceptance criteria and tasks it has, the change set of a change proposal, and the errors a
// reader agrees with. The script validates every sub-folder as a whole repository and prints,
// per document: type right, false errors, warnings, counts against the reading, change set.
// Errors on files the reading does not list (discovery picking up non-specs) are false errors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createFsSpecSource } from '../lib/adapters/fs-spec-source.js';
import { specsSchema } from '../lib/pipeline/config/schema.js';
import { validateRepository } from '../lib/pipeline/spec/index.js';

const root = process.argv[2];
if (!root) {
  console.error('usage: node bench/spec-corpus.js <corpus-dir>');
  process.exit(2);
}
const reading = JSON.parse(readFileSync(join(root, 'reading.json'), 'utf8'));
const verbose = process.argv.includes('--verbose');
const config = specsSchema.parse(reading.config ?? {});

const sortIds = (list) => [...new Set(list)].sort();
const same = (a, b) => JSON.stringify(sortIds(a ?? [])) === JSON.stringify(sortIds(b ?? []));

const rows = [];
const totals = { docs: 0, typeRight: 0, falseErrors: 0, trueErrors: 0, warnings: 0, countsRight: 0, changeSets: 0, changeSetsRight: 0, strayErrors: 0, strayFiles: 0 };
for (const repo of readdirSync(root).sort()) {
  const dir = join(root, repo);
  if (!statSync(dir).isDirectory()) continue;
  const expected = reading.documents.filter((d) => d.repo === repo);
  if (expected.length === 0) continue;
  const result = await validateRepository(createFsSpecSource(dir), config);
  const byPath = new Map(result.specs.flatMap((s) => [s.path, ...s.companions].map((p) => [p, s])));
  const diagsOf = (path) => result.diagnostics.filter((d) => d.path === path);
  const listed = new Set(expected.flatMap((d) => [d.path, ...(d.companions ?? [])]));
  for (const d of expected) {
    const spec = byPath.get(d.path);
    const diags = [d.path, ...(d.companions ?? [])].flatMap(diagsOf);
    const errors = diags.filter((x) => x.severity === 'error');
    const agreed = new Set(d.errors ?? []);
    const falseErrors = errors.filter((e) => !agreed.has(e.rule));
    const warnings = diags.filter((x) => x.severity === 'warning');
    const got = {
      type: spec?.type ?? 'none',
      requirements: spec?.requirements.length ?? 0,
      criteria: spec?.acceptanceCriteria.length ?? 0,
      tasks: spec?.tasks.length ?? 0,
    };
    const countKeys = ['requirements', 'criteria', 'tasks'].filter((k) => d[k] !== undefined);
    const countsRight = countKeys.every((k) => d[k] === got[k]);
    let changeSet = '';
    if (d.changeSet) {
      const cs = spec?.changeSet ?? { added: [], modified: [], removed: [], targets: [] };
      const targets = cs.targets.map((t) => t.resolved ?? t.doc);
      const ok = same(cs.added, d.changeSet.added) && same(cs.modified, d.changeSet.modified) && same(cs.removed, d.changeSet.removed) && same(targets, d.changeSet.targets);
      totals.changeSets++;
      if (ok) totals.changeSetsRight++;
      changeSet = ok ? 'right' : `WRONG +${cs.added.join(',')} ~${cs.modified.join(',')} -${cs.removed.join(',')} → ${targets.join(',')}`;
    }
    totals.docs++;
    if (got.type === d.type) totals.typeRight++;
    totals.falseErrors += falseErrors.length;
    totals.trueErrors += errors.length - falseErrors.length;
    totals.warnings += warnings.length;
    if (countsRight) totals.countsRight++;
    rows.push({
      doc: `${repo}/${d.path}`,
      type: got.type === d.type ? 'right' : `WRONG ${got.type}`,
      falseErrors: falseErrors.length,
      warnings: warnings.length,
      counts: countsRight ? 'right' : countKeys.map((k) => `${k} ${got[k]}/${d[k]}`).join(' '),
      changeSet,
      detail: [...falseErrors, ...(verbose ? warnings : [])].map((e) => `${e.severity[0]} ${e.rule}:${e.range.start.line} ${e.message.slice(0, 110)}`),
    });
  }
  // Errors on files the reading does not list: discovery took a non-spec for a spec.
  const stray = result.diagnostics.filter((x) => x.severity === 'error' && !listed.has(x.path));
  const strayFiles = new Set(stray.map((x) => x.path));
  totals.strayErrors += stray.length;
  totals.strayFiles += strayFiles.size;
  const summary = result.skipped.filter((s) => s.reason.startsWith('untyped')).length;
  rows.push({ doc: `${repo} (other files)`, type: `${result.specs.length} validated`, falseErrors: stray.length, warnings: result.diagnostics.filter((x) => x.severity === 'warning' && !listed.has(x.path)).length, counts: `${strayFiles.size} files with errors`, changeSet: summary ? `${summary} untyped` : '', detail: verbose ? stray.map((e) => `e ${e.path}:${e.range.start.line} ${e.rule}`) : [...strayFiles].slice(0, 5) });
}

const cols = ['doc', 'type', 'falseErrors', 'warnings', 'counts', 'changeSet'];
console.log(`| ${cols.join(' | ')} |`);
console.log(`| ${cols.map(() => '---').join(' | ')} |`);
for (const r of rows) {
  console.log(`| ${cols.map((c) => String(r[c])).join(' | ')} |`);
  for (const line of r.detail) console.log(`|   ↳ ${line.replace(/\|/g, '\\|')} |`);
}
console.log('');
console.log(`documents ${totals.docs}: types right ${totals.typeRight}/${totals.docs}, false errors ${totals.falseErrors} (+${totals.strayErrors} on ${totals.strayFiles} non-spec files), true errors ${totals.trueErrors}, warnings ${totals.warnings}, counts right ${totals.countsRight}/${totals.docs}, change sets right ${totals.changeSetsRight}/${totals.changeSets}`);
