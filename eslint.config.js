// ESLint flat config. Besides the usual TypeScript rules it enforces DESIGN.md's
// boundaries: arrows point inward, and SDKs stay in adapters.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SDKS = ['@octokit/*', '@actions/*', '@anthropic-ai/sdk', 'probot', 'execa'];
const ENTRY_POINTS = ['**/app/**', '**/action/**', '**/cli/**'];

/** @param {string[]} groups @param {string} message */
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'examples/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/pipeline/**/*.ts'],
    rules: restrict(
      [...SDKS, ...ENTRY_POINTS, '**/gates/**', '**/reporting/**', '**/github/**', '**/adapters/**', 'node:child_process', 'node:fs', 'node:fs/*'],
      'src/pipeline is the pure core: it talks to the outside world only through its ports (DESIGN.md, Layout and boundaries).',
    ),
  },
  {
    files: ['src/reporting/**/*.ts'],
    rules: restrict(
      [...SDKS, ...ENTRY_POINTS, '**/github/**', '**/adapters/**', 'node:child_process', 'node:fs', 'node:fs/*'],
      'src/reporting holds pure renderers: data in, text or request bodies out (DESIGN.md).',
    ),
  },
  {
    files: ['src/gates/**/*.ts'],
    rules: restrict(
      ['@octokit/*', '@actions/*', '@anthropic-ai/sdk', 'probot', ...ENTRY_POINTS, '**/github/**', '**/reporting/**'],
      'src/gates runs tools and parses their output; it never reports or talks to GitHub (DESIGN.md).',
    ),
  },
  {
    // src/github is the one place that talks to GitHub's REST API (DESIGN.md): everything
    // else calls its typed operations, which map errors and name the permission needed.
    files: ['src/**/*.ts'],
    ignores: ['src/github/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // `octokit.request(…)`, `octokit['request'](…)`, and the same of `paginate` and `graphql`.
          selector: "CallExpression[callee.property.name=/^(?:request|paginate|graphql)$/], CallExpression[callee.property.value=/^(?:request|paginate|graphql)$/]",
          message: 'Raw Octokit requests live in src/github/: add or use a typed operation there.',
        },
      ],
    },
  },
  {
    files: ['src/github/**/*.ts'],
    rules: restrict(['@anthropic-ai/sdk', 'probot', 'execa', ...ENTRY_POINTS], 'src/github is the GitHub REST adapter only.'),
  },
);
