// The entry point `@genq/contracts/temporal` (see src/temporal.ts), for resolvers that ignore "exports".
module.exports = require('./dist/temporal');
