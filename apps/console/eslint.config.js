// The package has no "type" field, so this file is CommonJS like the shared config.
const base = require('@genq/eslint-config');
const globals = require('globals');

module.exports = [
  ...base,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The typed variant replaces the core rule, so it repeats the shared config's patterns.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // The contracts entry loads the Temporal workflow runtime, which has no place in a
          // browser bundle: the console takes its shapes as types only (erased at build time).
          paths: [
            {
              name: '@genq/contracts',
              message: 'Use `import type` from @genq/contracts: its runtime entry pulls in Temporal. Keep runtime constants in the console.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            { group: ['@genq/*/src/*', '@genq/*/dist/*', '@temporalio/*/src/*', '@temporalio/*/lib/*'], message: 'Import packages through their public entry.' },
            { group: ['@temporalio/*'], message: 'The console runs in the browser: no Temporal code.' },
          ],
        },
      ],
    },
  },
];
