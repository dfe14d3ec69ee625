import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests spawn real tools (basedpyright, pytest, git, the bundled action);
    // on a 2-core runner they need more than vitest's 5 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // lib/ compiled once for the tests that run the CLI, the app or the action as a process.
    globalSetup: ['test/setup/build-lib.ts'],
    setupFiles: ['test/setup/no-network.ts', 'test/setup/cache-home.ts'],
  },
});
