module.exports = { preset: '@genq/jest-preset' };
