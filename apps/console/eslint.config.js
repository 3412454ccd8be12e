// The package has no "type" field, so this file is CommonJS like the shared config.
const base = require('@genq/eslint-config');
const globals = require('globals');

module.exports = [
  ...base,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
];
