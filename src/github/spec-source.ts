/**
 * A commit's tree on GitHub as the spec pipeline's {@link SpecSource}: the listing and
 * the blobs come from the same lazily read, cached {@link GitHubTree} the agent uses.
 */
import type { SpecSource } from '../pipeline/spec/source.js';
import type { GitHubTree } from './workspace.js';

export function gitHubSpecSource(tree: GitHubTree): SpecSource {
  return {
    list: () => tree.listFiles(),
    async read(path: string): Promise<Uint8Array> {
      const bytes = await tree.readRaw(path);
      if (!bytes) throw new Error(`${path} is not in the tree of ${tree.commitSha.slice(0, 7)}`);
      return bytes;
    },
  };
}
