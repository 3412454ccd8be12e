/**
 * Jest preset shared by every Node package and app. Specs live beside the code
 * (`*.spec.ts`); cross-process tests live in `test/` and are named `*.e2e-spec.ts`.
 * Type checking is the build's job (`tsc`), so ts-jest only transpiles each file
 * (isolatedModules), with the decorator flags NestJS needs: tests start fast.
 */
const compilerOptions = {
  isolatedModules: true,
  target: 'ES2022',
  module: 'commonjs',
  esModuleInterop: true,
  resolveJsonModule: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  sourceMap: true,
};
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: compilerOptions, diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: ['default'],
};
