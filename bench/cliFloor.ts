// The CLI's floor: one Node process that finds the *.partnership.yaml files under a folder, parses
// each with `yaml` and validates it with Ajv against the same schema (compiled once, same options
// as the product), and prints how many files and schema errors it saw. Nothing else: no rules, no
// positions, no messages, no report. The benchmark bundles it with esbuild like dist/cli.js.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseDocument } from 'yaml';
import schema from '../schemas/partnership.schema.json';

const ANNOTATIONS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];

function files(folder: string, out: string[]): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const full = join(folder, e.name);
    if (e.isDirectory()) files(full, out);
    else if (e.isFile() && e.name.endsWith('.partnership.yaml')) out.push(full);
  }
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
addFormats(ajv, ['date']);
const validate = ajv.compile(schema as object);

let errors = 0;
const list = files(process.argv[2] ?? '.', []);
for (const file of list) {
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
  errors += doc.errors.length;
  if (!validate(doc.toJS())) errors += validate.errors?.length ?? 0;
}
process.stdout.write(`${list.length} files, ${errors} schema errors\n`);
