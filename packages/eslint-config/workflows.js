// Workflow code runs in Temporal's deterministic sandbox and is replayed for years:
// it may not touch Node builtins, the ORM, NestJS or reflect-metadata.
const base = require('./index.js');

const nodeBuiltins = require('module').builtinModules.filter((m) => !m.startsWith('_'));

module.exports = [
  ...base,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...[...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)].map((name) => ({
              name,
              message: 'Workflow code must be deterministic: no Node builtins.',
            })),
            {
              // The sandbox evaluates every imported module once per cached workflow: the main
              // entry's message catalogues would be held by each of them (docs/benchmarks.md).
              name: '@genq/contracts',
              message: 'Workflows take values from @genq/contracts/temporal; the main entry is for types only here.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'reflect-metadata', 'pg', 'better-sqlite3'], message: 'Workflow code must not import NestJS, TypeORM, databases or reflect-metadata.' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflows use @temporalio/workflow only; activities are imported as types.' },
            { group: ['@genq/*/src/*', '@genq/*/dist/*'], message: 'Import packages through their public entry.' },
          ],
        },
      ],
    },
  },
];
