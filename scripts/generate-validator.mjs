// Writes the schema's standalone validator (server/src/build/schemaValidator.ts explains it) before
// tsc runs: bundles the generator with esbuild, runs it, and rewrites the file only when it changed.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.cache', 'schemaValidator.cjs');
mkdirSync(dirname(bundle), { recursive: true });
await esbuild.build({ entryPoints: [join(root, 'server/src/build/schemaValidator.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
const { validatorSource, GENERATED_PATH } = createRequire(import.meta.url)(bundle);
const target = join(root, GENERATED_PATH);
const source = validatorSource();
let old;
try {
  old = readFileSync(target, 'utf8');
} catch {
  old = undefined;
}
if (old !== source) writeFileSync(target, source);
