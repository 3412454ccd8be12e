/**
 * Jest preset shared by every Node package and app. Specs live beside the code
 * (`*.spec.ts`); cross-process tests live in `test/` and are named `*.e2e-spec.ts`.
 * Type checking is the build's job (`tsc`), so ts-jest only transpiles: tests start fast.
 */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: ['default'],
};
