module.exports = require('@genq/eslint-config');
