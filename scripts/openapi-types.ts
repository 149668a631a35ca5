// Regenerates server/api/schema.d.ts (the client types) from the OpenAPI document:
//   npx tsx scripts/openapi-types.ts          write it
//   npx tsx scripts/openapi-types.ts --check  fail when the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import { openApiDocument } from '../server/api/openapi';

export const SCHEMA_FILE = 'server/api/schema.d.ts';

export async function generatedTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as never);
  const text = `// Generated from the OpenAPI document by scripts/openapi-types.ts; do not edit.\n${astToString(ast)}`;
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(text, { ...options, filepath: SCHEMA_FILE });
}

if (process.argv[1]?.endsWith('openapi-types.ts')) {
  const text = await generatedTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_FILE, 'utf8') !== text) {
      console.error(`${SCHEMA_FILE} 已过期，请运行 npx tsx scripts/openapi-types.ts`);
      process.exit(1);
    }
    console.log(`${SCHEMA_FILE} 与 OpenAPI 文档一致`);
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`已写入 ${SCHEMA_FILE}`);
  }
}
