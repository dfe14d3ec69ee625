/**
 * Page-number pagination over `octokit.request`, so it works the same with any
 * Octokit (Probot's, the action's, a bare @octokit/core) and stops at a hard cap:
 * GitHub data is untrusted and a list must never grow without bound.
 */

export interface Page<T> {
  data: T[];
  headers: { link?: string | undefined };
}

/**
 * Fetches pages 1, 2, … until a page says it is the last (no `rel="next"` in Link;
 * without a Link header, a short page), or `maxItems` are collected.
 *
 * @param fetchPage requests one page (1-based) with `per_page: perPage`
 */
export async function paginate<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: { perPage: number; maxItems: number },
): Promise<{ items: T[]; truncated: boolean; requests: number }> {
  const items: T[] = [];
  let requests = 0;
  for (let page = 1; items.length < options.maxItems; page++) {
    const response = await fetchPage(page);
    requests += 1;
    const data = Array.isArray(response.data) ? response.data : [];
    items.push(...data);
    const link = response.headers.link;
    const hasNext = link !== undefined ? /rel="next"/.test(link) : data.length >= options.perPage;
    if (!hasNext || data.length === 0) return { items: items.slice(0, options.maxItems), truncated: false, requests };
  }
  return { items: items.slice(0, options.maxItems), truncated: true, requests };
}
