#!/usr/bin/env node
/**
 * Generates the JSON Schemas of every response body from the TypeScript types the handlers
 * return (`ResponseTypes` in src/openapi/response-types.ts, mostly interfaces of
 * @genq/contracts) into src/openapi/response-schemas.json, which the OpenAPI document puts
 * under components.schemas. One source of truth: change a DTO, rebuild, the document follows.
 *
 *   node scripts/response-schemas.js           write the file
 *   node scripts/response-schemas.js --check   exit 1 if the committed file is stale
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { createGenerator } = require('ts-json-schema-generator');

const root = join(__dirname, '..');
const out = join(root, 'src/openapi/response-schemas.json');

/** Component names must match ^[a-zA-Z0-9._-]+$: `Page<GoalsWorkshopDto>` becomes `Page_GoalsWorkshopDto`. */
const safeName = (name) =>
  name
    .replace(/[<>,|&\s"'()[\]{}:;=]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_');

function generate() {
  const schema = createGenerator({
    path: join(root, 'src/openapi/response-types.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'ResponseTypes',
    expose: 'export',
    topRef: false,
    jsDoc: 'basic',
    skipTypeCheck: true,
    additionalProperties: true,
  }).createSchema('ResponseTypes');

  const names = new Map(Object.keys(schema.definitions ?? {}).map((n) => [n, safeName(n)]));
  const text = JSON.stringify({ properties: schema.properties, definitions: schema.definitions }).replace(
    /"\$ref":"#\/definitions\/([^"]+)"/g,
    (_, ref) => `"$ref":"#/components/schemas/${names.get(decodeURIComponent(ref)) ?? safeName(decodeURIComponent(ref))}"`,
  );
  const { properties, definitions } = JSON.parse(text);
  const schemas = {};
  for (const [name, def] of Object.entries(definitions ?? {})) schemas[names.get(name)] = def;
  // Each response name is a component: the named type itself, or the (generic, aliased) shape.
  for (const [name, def] of Object.entries(properties)) {
    if (def.$ref === `#/components/schemas/${name}`) continue;
    schemas[name] = def;
  }
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

const text = generate();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(out, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (committed !== text) {
    console.error(`${out} is stale: run npm run schemas -w @genq/gateway`);
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
