/**
 * `5,000`: counts people read, grouped by thousands with commas, whatever the machine's
 * locale (reports must read the same on every runner).
 *
 * Not `toLocaleString('en-US')`: the first call loads ICU's number-format data, about
 * 6 MB of the orchestrator's resident memory for a comma (issue #17's memory target).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
