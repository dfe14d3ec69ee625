/** Sprint-change-proposal checks that need only the document (spec-formats.md §6). */
import { hasSection, isApproved, titleLine, type DocFacts } from '../facts.js';

const SCOPES = new Set(['minor', 'moderate', 'major']);
export function checkChangeProposal(facts: DocFacts): void {
  const { sink, meta } = facts;
  const at = titleLine(facts);
  if (!hasSection(facts, 'issue')) sink.add('scp.section.issue', at, 'No issue summary (Issue Summary, Change Trigger, Problem Statement…).');
  if (!hasSection(facts, 'changes')) sink.add('scp.section.changes', at, 'No proposed changes section (Proposed Changes, Detailed Change Proposals…).');
  if (!hasSection(facts, 'impact')) sink.add('scp.section.impact', at, 'No Impact Analysis.');
  if (!hasSection(facts, 'recommended-path')) sink.add('scp.section.path', at, 'No Recommended Path Forward.');
  if (!hasSection(facts, 'handoff')) sink.add('scp.section.handoff', at, 'No Implementation Handoff or Action Plan.');
  if (!hasSection(facts, 'mvp-impact') && !hasSection(facts, 'impact')) sink.add('scp.section.mvp-impact', at, 'No MVP Impact.');
  if (!hasSection(facts, 'success-criteria')) sink.add('scp.section.success', at, 'No Success Criteria.');

  const scp = facts.scp!;
  const explicit = scp.targets.some((t) => t.explicit);
  if (!explicit && scp.targets.length === 0 && scp.editIds.length === 0) {
    // A bug-fix proposal can change code only ("Appendix A: File Change Summary" of .py files);
    // that is a proposal without document edits, not a broken one.
    const code = facts.sourceFiles;
    if (code.length > 0) sink.add('scp.target.none', at, `No target document: the proposal changes code only (${code.length} file${code.length === 1 ? '' : 's'}, e.g. ${code[0]}).`, { severity: 'info' });
    else sink.add('scp.target.none', at, 'No target document: no `changes:` in front matter and nothing to infer.');
  }
  else if (!explicit) {
    const named = scp.targets.map((t) => (t.doc.startsWith('type:') ? `the ${t.doc.slice(5)} documents` : t.doc));
    sink.add('scp.target.inferred', at, `Targets inferred from the text (${named.join(', ') || `documents defining ${scp.editIds.join(', ')}`}).`, { severity: facts.config.strict ? 'warning' : 'info' });
  }
  for (const e of scp.edits) {
    if (e.unpaired === 'old') sink.add('scp.edit.unpaired', e.line, 'OLD block without a NEW block.', { hint: 'Add the NEW block (write "NEW: (removed)" for a deletion).' });
    if (e.unpaired === 'new') sink.add('scp.edit.unpaired', e.line, 'NEW block without an OLD block.', { hint: 'Add the OLD block it replaces (for a pure addition, quote the text it goes after).' });
  }
  const scopeKey = ['scope', 'scope_classification'].find((k) => k in meta.extra);
  if (scopeKey) {
    const scope = String(meta.extra[scopeKey]).trim().toLowerCase().split(/[\s(—–-]/)[0] ?? '';
    if (!SCOPES.has(scope)) sink.add('scp.scope.unknown', meta.lines[scopeKey] ?? at, `Scope "${String(meta.extra[scopeKey])}" is not minor, moderate or major.`);
  }
  const executable = isApproved(facts);
  if (!executable) sink.add('scp.approval.missing', meta.lines.status ?? at, `Status is ${meta.statusRaw ?? 'missing'}, so the change proposal is not applied.`);
  if (facts.fm) {
    const approvedFields = ['approved_at', 'approved_by'].filter((k) => k in facts.fm!);
    const approvedStatus = meta.status === 'approved' || meta.status === 'implementing' || meta.status === 'done';
    if (approvedFields.length > 0 && !approvedStatus) {
      sink.add('scp.approval.inconsistent', facts.keyLines[approvedFields[0]!] ?? at, `\`${approvedFields[0]}\` is set but the status is ${meta.statusRaw ?? 'missing'}.`);
    } else if (approvedFields.length === 0 && meta.status === 'approved') {
      sink.add('scp.approval.inconsistent', meta.lines.status ?? at, 'Status is approved but there is no `approved_by` or `approved_at`.', { severity: facts.config.strict ? 'warning' : 'info' });
    }
  }
  for (const item of facts.checklist) {
    if (item.state === 'action-needed') sink.add('scp.checklist.open', item.line, `Open action: ${item.text.slice(0, 120)}`);
  }
}
