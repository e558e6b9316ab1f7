// The Markdown snippet for a reset-meeting agenda has the generated agenda's sections, in the same
// order, so a hand-written agenda and a generated one read alike.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIR, generate, headings } from './util';

const ROOT = path.join(__dirname, '../../..');

function snippetBody(name: string): string {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/markdown.json'), 'utf8')) as Record<string, { body: string | string[] }>;
  const body = file[name].body;
  return Array.isArray(body) ? body.join('\n') : body;
}

describe('markdown snippets follow the generators', () => {
  it("the reset-meeting agenda snippet's headings are the generated agenda's, in order", () => {
    // A file with every section filled, so no heading is left out for being empty.
    const text = fs.readFileSync(path.join(ROOT, 'examples/brightwater-utilities.partnership.yaml'), 'utf8');
    const generated = headings(generate('agenda', text, { today: '2026-11-23', file: path.join(DIR, 'b.partnership.yaml') }).content);
    const snippet = headings(snippetBody('Reset-meeting agenda'));
    assert.strictEqual(snippet[0], '# Reset meeting: ${1:Partnership} with ${2:Customer}');
    assert.strictEqual(generated[0], '# Reset meeting: Brightwater meter data platform with Brightwater Water & Power');
    assert.deepStrictEqual(snippet.slice(1), generated.slice(1));
  });
});
