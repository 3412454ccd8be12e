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
          // The contracts' main entry runs in the browser (the problem catalogue, shapes and
          // constants); its Temporal definitions, which load the workflow runtime, do not.
          paths: [
            {
              name: '@genq/contracts/temporal',
              message: 'The Temporal definitions load the workflow runtime, which has no place in a browser bundle: import from @genq/contracts.',
              allowTypeImports: true,
            },
            {
              // Its "save current query" keeps a second kind of saved view in the browser's storage.
              name: 'react-admin',
              importNames: ['FilterButton', 'SavedQueriesList'],
              message: 'Use FilterButton of src/savedViews/FilterButton (saved views are the server\'s, see SavedViewsButton).',
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
