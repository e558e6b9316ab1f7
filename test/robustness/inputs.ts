// Hostile inputs, built by name so a child process can make its own copy (a 20 MB text is not an
// argument). Each is what a user or a repository could put in a *.partnership.yaml file.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** A valid, realistic file: the start of every hostile file that pretends to be one. */
export function validFile(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'acme-analytics.partnership.yaml'), 'utf8');
}

const HEAD = 'version: 1\npartnership:\n  name: Hostile\n  customer: Mallory Inc\n';

/** "Billion laughs": nine levels of nine aliases, 9^9 strings once expanded. */
export function billionLaughs(): string {
  const lines = [HEAD.trimEnd(), 'lol0: &lol0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &lol${i} [${Array(9).fill(`*lol${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

/** Real commitments, repeated with fresh ids until the text reaches `chars`. */
export function repeatedCommitments(chars: number): string {
  const parts = [HEAD, 'commitments:\n'];
  let length = parts.join('').length;
  for (let i = 1; length < chars; i++) {
    const item = `  - id: C-${i}\n    summary: Deliver the audit dashboard, part ${i}\n    due: 2026-11-01\n    status: done\n`;
    parts.push(item);
    length += item.length;
  }
  return parts.join('');
}

export const HOSTILE: Record<string, () => string> = {
  'billion laughs': billionLaughs,
  'an alias bomb through mapping keys': () => `${HEAD}a: &a {x: 1, y: 2, z: 3, w: 4}\n` + Array.from({ length: 8 }, (_, i) => `k${i}: &k${i} {? *${i === 0 ? 'a' : `k${i - 1}`} : 1, ? [*${i === 0 ? 'a' : `k${i - 1}`}] : 2, ? [[*${i === 0 ? 'a' : `k${i - 1}`}]] : 3}`).join('\n') + '\n',
  '10,000-deep flow sequences': () => `${HEAD}notes: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  '10,000-deep flow mappings': () => `${HEAD}notes: ${'{a: '.repeat(10_000)}x${'}'.repeat(10_000)}\n`,
  '10,000-deep block sequences on one line': () => `${HEAD}notes:\n  ${'- '.repeat(10_000)}x\n`,
  '10,000-deep block mappings (one more space per level)': () => HEAD + Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n',
  '100,000-deep flow sequences': () => `${HEAD}notes: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  'a 20 MB file': () => repeatedCommitments(20 * 1024 * 1024),
  'a 1 MB single line: the summary of an overdue commitment': () => `${HEAD}commitments:\n  - id: C-1\n    summary: ${'Deliver the audit dashboard '.repeat(35_000)}now\n    due: 2026-11-01\n    status: open\n`,
  'a 1 MB single line: a flow list of 490,000 values': () => `${HEAD}notes: [${'a,'.repeat(490_000)}a]\n`,
  'a 1 MB single line of YAML punctuation': () => `${HEAD}notes: ${': - [ { } ] , # & * ! | > \' " % @ ` '.repeat(27_000)}\n`,
  '50,000 keys in one mapping': () => HEAD + Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n',
  '50,000 copies of one key': () => HEAD + 'people:\n  - id: x\n' + '    name: again\n'.repeat(50_000),
  'a million values on 2 MB (over the limit)': () => `${HEAD}notes: [${'a,'.repeat(1024 * 1024)}a]\n`,
  '300,000 empty commitments (under the limit)': () => `${HEAD}commitments: [${'{},'.repeat(300_000)}{}]\n`,
  '200,000 unknown people referenced': () => `${HEAD}people: [{id: a, name: A, side: customer, decisionMaker: true}]\ncommunication:\n  statusReport: {cadence: weekly, lastSent: 2026-11-20, audience: [${'zz,'.repeat(200_000)}zz]}\n`,
};
