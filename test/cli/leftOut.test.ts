// `agenda` and `report` on a file with schema errors: the document is still written, says at its
// top what it left out, and the CLI says so on stderr in one line.
import * as assert from 'assert';
import { assertBuilt, cleanup, read, run, TODAY, workspace, write } from './cliHelpers';

const FILE = 'typos/zenith.partnership.yaml';
const TEXT = [
  'version: 1',
  'partnership: {name: Zenith portal, customer: Zenith}',
  'people:',
  '  - {id: zara, name: Zara Quinn, side: customer, decisionMaker: true}',
  '  - {id: ido, name: Ido Marsh, side: ours}',
  'communication:',
  '  statusReport: {cadence: weekly, lastSent: 2026-11-02}',
  'commitments:',
  '  - {id: C-1, summary: Login page, owner: ido, due: 2026-11-10, status: open}',
  '  - {id: C-7, summary: Export, owner: ido, due: 2026-11-12, status: in-progres}',
  'health: {status: strained, assessed: 2026-11-20}',
  '',
].join('\n');

describe('cli: documents from a file with schema errors', () => {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => {
    ws = workspace();
    write(ws, FILE, TEXT);
  });
  afterEach(() => cleanup(ws));

  for (const [kind, what, name] of [
    ['agenda', 'agenda', 'typos/zenith.reset-2026-11-24.md'],
    ['report', 'status report', 'typos/zenith.status-2026-11-23.md'],
  ] as const) {
    it(`${kind}: writes the document, names what it left out at its top, and says so on stderr`, () => {
      const r = run([kind, FILE, '--today', TODAY], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, `${name}\n`);
      // The report also says that generating it recorded nothing (report --sent does).
      const notRecorded = kind === 'report' ? `partnership: note: ${FILE} was not changed: a report is recorded as sent only once it has gone out (partnership report FILE --sent, or "Mark as sent" in the editor)\n` : '';
      assert.strictEqual(r.stderr, `${notRecorded}partnership: note: ${FILE}: 1 entry left out of the ${what}; see the top of the document\n`);
      const doc = read(ws, name);
      assert.ok(
        doc.includes(`\n> - C-7 left out: 'in-progres' is not a valid status (did you mean 'in-progress'?); expected one of: open, in-progress, done, dropped\n`),
        doc,
      );
      assert.ok(doc.indexOf('left out') < doc.indexOf('\n## '), 'at the top, before the first section');
    });
  }
});
