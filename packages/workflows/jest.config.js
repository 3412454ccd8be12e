module.exports = { preset: '@genq/jest-preset', testTimeout: 60_000 };
