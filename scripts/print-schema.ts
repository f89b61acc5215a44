import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../src/graphql/schema.ts';

const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
await writeFile(target, printedSchema());
console.log(`wrote ${target}`);
