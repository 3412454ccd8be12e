module.exports = { preset: '@genq/jest-preset', testTimeout: 120_000 };
