module.exports = require('@genq/eslint-config/workflows.js');
