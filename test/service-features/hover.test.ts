import * as assert from 'assert';
import { createLanguageService, PartnershipConfig } from '../../server/src/service';
import { defaultConfig } from '../../server/src/service/config';
import { at, fixture, lines, r, TODAY } from './util';

/** The features, from one language service (its methods need no `this`). */
const { hover } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const text = fixture('initech.partnership.yaml');
const hoverAt = (t: string, needle: string, delta: number, after?: string) => hover(t, at(t, needle, delta, after), { today: TODAY });
const value = (t: string, needle: string, delta: number, after?: string) => hoverAt(t, needle, delta, after)?.contents.value;

const DUE_DOC = 'The date by which the promise must be kept. To move it, renegotiate with the person it was promised to and add an entry to `history`.\n\nExample:\n\n```yaml\ndue: 2026-11-01\n```';
const OWNER_DOC = 'The `id` of the person responsible for delivering. An open or in-progress commitment with no owner is flagged: a promise nobody owns tends not to be kept.\n\nExample:\n\n```yaml\nowner: alee\n```';

describe('hover', () => {
  it("on a key shows the field's documentation, over the key", () => {
    const h = hoverAt(text, 'due: 2026-11-01', 1);
    assert.strictEqual(h?.contents.kind, 'markdown');
    assert.strictEqual(h?.contents.value, DUE_DOC);
    assert.strictEqual(r(h!.range), '63:4-63:7');
  });

  it("on a late commitment's due date says how overdue it is", () => {
    const h = hoverAt(text, 'due: 2026-11-01', 8);
    assert.strictEqual(h?.contents.value, `\`2026-11-01\` — 22 days overdue\n\n---\n\n${DUE_DOC}`);
    assert.strictEqual(r(h!.range), '63:9-63:19');
  });

  it('on a due date ahead says when', () => {
    assert.strictEqual(value(text, 'due: 2026-11-26', 8), `\`2026-11-26\` — due in 3 days\n\n---\n\n${DUE_DOC}`);
  });

  it('on other dates gives the distance from today', () => {
    assert.match(value(text, 'lastContact: 2026-11-17', 15)!, /^`2026-11-17` — 6 days ago\n\n---\n\nWhen we last had real contact/);
    assert.match(value(text, 'made: 2026-09-01', 8)!, /^`2026-09-01` — 83 days ago\n/);
    const done = text.replace('    status: open\n', '    status: done\n');
    assert.match(value(done, 'due: 2026-11-01', 8)!, /^`2026-11-01` — 22 days ago\n/, 'a done commitment is not overdue');
    const soon = lines('version: 1', 'health:', '  status: watch', '  assessed: 2026-11-26');
    assert.match(value(soon, 'assessed: 2026', 11)!, /^`2026-11-26` — in 3 days\n/);
  });

  it("on an enum value shows the value's description and the field's", () => {
    assert.strictEqual(
      value(text, 'status: open', 9),
      '`open` — **Open**: promised, work not started yet.\n\n---\n\nWhere the commitment stands. Only `open` and `in-progress` commitments can be overdue.',
    );
    assert.match(value(text, 'severity: high', 11)!, /^`high` — \*\*High\*\*: needs attention now; raise it at the next status report or with senior management\.\n\n---\n\n/);
  });

  it('on a person reference names the person, role and side', () => {
    const h = hoverAt(text, 'owner: rnair', 8);
    assert.strictEqual(h?.contents.value, `**Ravi Nair** (\`rnair\`) — Tech lead, our side\n\n---\n\n${OWNER_DOC}`);
    assert.strictEqual(r(h!.range), '60:11-60:16');
  });

  it('on a person in a flow list uses the list field for the documentation', () => {
    const v = value(text, 'mwaddams]', 2, 'audience:');
    assert.strictEqual(
      v,
      "**Milton Waddams** (`mwaddams`) — Claims Operations Lead, customer side (Initech Insurance)\n\n---\n\nWho receives the report, as a list of person ids. Include the customer's decision makers, not only the day-to-day contacts.\n\nExample:\n\n```yaml\naudience: [jdoe]\n```",
    );
  });

  it('marks decision makers and sponsors, and on the id under people describes that person', () => {
    assert.match(value(text, 'bporter', 2, 'people:')!, /^\*\*Bill Porter\*\* \(`bporter`\) — Head of Claims, customer side \(Initech Insurance\) · decision maker · sponsor\n\n---\n\nThe handle used everywhere else/);
  });

  it('says when a reference names nobody', () => {
    const typo = text.replace('    owner: rnair\n    to: bporter', '    owner: rnar\n    to: bporter');
    assert.match(value(typo, 'owner: rnar', 8)!, /^`rnar` is not defined under `people`\n\n---\n\n/);
  });

  it('has nothing to say on a comment, an unknown key or free text without documentation', () => {
    assert.strictEqual(hoverAt(text, '# Initech', 3), null);
    assert.strictEqual(hover(lines('version: 1', 'colour: red'), { line: 1, character: 2 }, { today: TODAY }), null);
  });

  it("judges the reliability figures by the file's config (its reliability window), as validate does", () => {
    const window10 = { ...defaultConfig(), reliabilityWindowDays: 10 };
    const first = (t: string, needle: string, delta: number, config?: PartnershipConfig, after?: string) => hover(t, at(t, needle, delta, after), { today: TODAY, config })?.contents.value.split('\n')[0];
    // C-7, due 2026-11-01, is 22 days late: inside the default 90-day window, outside a 10-day one.
    assert.strictEqual(first(text, 'commitments:', 2), '**Reliability** (commitments due or completed in the window): on time as first promised 0/1 (0%) · kept as agreed 0/1 (0%) · 1 late, slip median 22 d, max 22 d · 0 moves');
    assert.strictEqual(first(text, 'commitments:', 2, window10), '**Reliability** (commitments due or completed in the window): no commitments due or completed in the window');
    const owner = (config?: PartnershipConfig) => hover(text, at(text, 'rnair', 2, 'people:'), { today: TODAY, config })?.contents.value.split('\n\n')[1];
    assert.strictEqual(owner(), '**Reliability of Ravi Nair** (commitments due or completed in the window): on time as first promised 0/1 (0%) · kept as agreed 0/1 (0%) · 1 late, slip median 22 d, max 22 d · 0 moves');
    assert.strictEqual(owner(window10), '**Reliability of Ravi Nair** (commitments due or completed in the window): no commitments due or completed in the window');
  });

  it('works on a file that does not parse', () => {
    const broken = text.replace('    status: in-progress\n', '    status: in-progress\n    sta\n');
    assert.strictEqual(value(broken, 'due: 2026-11-01', 8)?.split('\n')[0], '`2026-11-01` — 22 days overdue');
  });
});
