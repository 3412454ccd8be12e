// Shared flat config for every TypeScript package. No deep imports into another
// package's sources: a package is used through its public entry only.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const base = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'test-artifacts/**', '**/*.cjs', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: with emitDecoratorMetadata, NestJS needs constructor
      // parameter types as value imports, and the rule's fix would silently break injection.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@genq/*/src/*', '@genq/*/dist/*', '@temporalio/*/src/*', '@temporalio/*/lib/*'], message: 'Import packages through their public entry.' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);

module.exports = base;
