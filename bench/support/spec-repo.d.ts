export interface SpecRepoOptions {
  /** spec-kit bundles (default 450). */
  speckit?: number;
  /** Kiro bundles (default 16). */
  kiro?: number;
  /** Markdown files in all, filled up with non-spec Markdown (default 4000). */
  markdownFiles?: number;
}
export function generateSpecRepo(options?: SpecRepoOptions): Record<string, string>;
export function specFiles(files: Record<string, string>): string[];
export function writeSpecRepo(dir: string, options?: SpecRepoOptions): Record<string, string>;
