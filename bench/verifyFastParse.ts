// `node out/bench/verifyFastParse.js [--seed=N] [--count=N]`: the fast parse path against
// parseDocument over generated and mutated texts (see test/service/fastParseCheck.ts). Exit 1 on a difference.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatePartnership } from './generate';
import { run } from '../test/service/fastParseCheck';

const arg = (name: string, fallback: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const seed = arg('seed', 1);
const count = arg('count', 20000);
const root = path.resolve(__dirname, '..', '..');
const texts: string[] = [];
for (const dir of ['examples', 'docs/rules', 'test/fixtures']) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) continue;
  for (const f of fs.readdirSync(full, { recursive: true }) as string[]) {
    if (f.endsWith('.yaml')) texts.push(fs.readFileSync(path.join(full, f), 'utf8'));
  }
}
for (const n of [10, 100]) texts.push(generatePartnership({ commitments: n, seed: n }).text);
const t0 = Date.now();
const result = run(seed, count, texts);
console.log(`seed ${seed}: ${result.same} read the same (${result.sameWithBlockScalar} with a block scalar), ${result.declined} declined, ${result.failures.length} different (${Date.now() - t0} ms; ${texts.length} files and their mutations, ${count} generated)`);
for (const f of result.failures.slice(0, 5)) console.log(`--- ${f.detail}\n${JSON.stringify(f.text)}`);
process.exit(result.failures.length > 0 ? 1 : 0);
