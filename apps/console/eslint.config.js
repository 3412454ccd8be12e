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
          // The contracts' main entry runs in the browser (lists, problem catalogue): the console
          // imports its values. Its Temporal definitions load the workflow runtime: never here.
          paths: [
            {
              name: '@genq/contracts/temporal',
              message: 'The Temporal definitions load the workflow runtime, which has no place in a browser bundle: use @genq/contracts.',
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
