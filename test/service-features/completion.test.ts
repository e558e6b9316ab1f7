import * as assert from 'assert';
import { completion, CompletionItem } from '../../server/src/service';
import { at, fixture, lines, r, TODAY } from './util';

const complete = (text: string, line: number, character: number, triggerCharacter?: string) =>
  completion(text, { line, character }, { today: TODAY, triggerCharacter }).items;
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string) => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no completion '${label}' in ${labels(items).join(', ')}`);
  return found;
};

/** A commitment half typed: line 17 is `    sta`, which does not parse. */
const HALF_TYPED = lines(
  'version: 1',
  'partnership:',
  '  name: Initech claims platform',
  '  customer: Initech Insurance',
  'people:',
  '  - id: bporter',
  '    name: Bill Porter',
  '    side: customer',
  '    role: Head of Claims',
  '  - id: rnair',
  '    name: Ravi Nair',
  '    side: ours',
  '    role: Tech lead',
  'commitments:',
  '  - id: C-7',
  '    summary: Automate intake of scanned claim forms',
  '    owner: rnair',
  '    sta',
  '  - id: C-8',
  '    summary: Weekly export of settlement metrics',
  '    due: 2026-11-26',
  '    status: open',
);

/** HALF_TYPED with line 17 replaced. */
const withLine17 = (text: string) => HALF_TYPED.replace('    sta\n', `${text}\n`);

describe('completion', () => {
  describe('keys', () => {
    it('offers the keys a commitment does not have yet on a half-typed line that does not parse', () => {
      const items = complete(HALF_TYPED, 17, 7);
      assert.deepStrictEqual(labels(items), ['to', 'made', 'due', 'status', 'completed', 'history']);
      const status = item(items, 'status');
      assert.strictEqual(r(status.textEdit.range), '17:4-17:7');
      assert.strictEqual(status.textEdit.newText, 'status: ${1|open,in-progress,done,dropped|}');
      assert.strictEqual(status.insertTextFormat, 2);
      assert.strictEqual(status.detail, 'open | in-progress | done | dropped (required)');
      assert.match(status.documentation!.value, /^Where the commitment stands\. Only `open` and `in-progress` commitments can be overdue\./);
      assert.strictEqual(item(items, 'due').textEdit.newText, 'due: ${1:YYYY-MM-DD}');
      assert.strictEqual(item(items, 'to').detail, 'person id');
      // Required keys sort first.
      assert.deepStrictEqual(
        [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label),
        ['due', 'status', 'to', 'made', 'completed', 'history'],
      );
    });

    it('writes a list key as the list with its first item from the schema snippet', () => {
      const history = item(complete(HALF_TYPED, 17, 7), 'history');
      assert.strictEqual(
        history.textEdit.newText,
        'history:\n      - on: ${1:YYYY-MM-DD}\n        from: ${2:YYYY-MM-DD}\n        to: ${3:YYYY-MM-DD}\n        reason: ${4:why the date moved}',
      );
      assert.strictEqual(history.insertTextMode, 1, 'the text carries its own indentation');
    });

    it('replaces only the key name when the line already has its colon', () => {
      const text = withLine17('    stat: open');
      const items = complete(text, 17, 6);
      const status = item(items, 'status');
      assert.strictEqual(status.textEdit.newText, 'status');
      assert.strictEqual(r(status.textEdit.range), '17:4-17:8');
      assert.strictEqual(status.insertTextFormat, 1);
    });

    it('offers the top-level sections the file does not have, on an empty line at column 0', () => {
      const text = HALF_TYPED.replace('    sta\n', '') + '\n';
      const items = complete(text, 21, 0);
      assert.deepStrictEqual(labels(items), ['goals', 'communication', 'concerns', 'risks', 'health', 'meetings', 'milestones']);
      assert.strictEqual(item(items, 'communication').textEdit.newText, 'communication:\n  $0');
      assert.strictEqual(item(items, 'health').textEdit.newText, 'health:\n  status: ${1|healthy,watch,strained,broken|}\n  assessed: ${2:YYYY-MM-DD}');
    });

    it('counts keys below the cursor in the same mapping as present', () => {
      // A blank line at the top of C-8's mapping: summary, due and status follow it.
      const text = HALF_TYPED.replace('  - id: C-8\n', '  - id: C-8\n    \n');
      assert.deepStrictEqual(labels(complete(text, 19, 4)), ['owner', 'to', 'made', 'completed', 'history']);
    });

    it('completes nested keys from the indentation of the lines above', () => {
      const text = lines('version: 1', 'communication:', '  statusReport:', '    cadence: weekly', '    ', 'commitments: []');
      assert.deepStrictEqual(labels(complete(text, 4, 4)), ['channel', 'audience', 'lastSent']);
      assert.deepStrictEqual(labels(complete(text, 4, 2)), ['reviewMeeting', 'escalation', 'signedOff']);
    });

    it('does not open the key list on a space typed in the indentation', () => {
      assert.deepStrictEqual(complete(withLine17('    '), 17, 4, ' '), []);
      assert.deepStrictEqual(labels(complete(withLine17('    '), 17, 4)), ['to', 'made', 'due', 'status', 'completed', 'history']);
    });
  });

  describe('values', () => {
    it('offers person ids for owner after "owner: ", with name, role and side', () => {
      const items = complete(withLine17('    to: '), 17, 8);
      assert.deepStrictEqual(labels(items), ['bporter', 'rnair']);
      const bill = item(items, 'bporter');
      assert.strictEqual(bill.detail, 'Bill Porter · Head of Claims · customer');
      assert.strictEqual(bill.documentation!.value, '**Bill Porter** (`bporter`) — Head of Claims, customer side (Initech Insurance)');
      assert.strictEqual(r(bill.textEdit.range), '17:8-17:8');
      assert.strictEqual(bill.textEdit.newText, 'bporter');
    });

    it('adds the space when the colon was just typed', () => {
      const items = complete(withLine17('    to:'), 17, 7);
      assert.strictEqual(item(items, 'rnair').textEdit.newText, ' rnair');
    });

    it('replaces the half-typed id', () => {
      const items = complete(withLine17('    to: bp'), 17, 10);
      assert.strictEqual(r(item(items, 'bporter').textEdit.range), '17:8-17:10');
    });

    it('offers enum values with their descriptions', () => {
      const items = complete(withLine17('    status: '), 17, 12);
      assert.deepStrictEqual(labels(items), ['open', 'in-progress', 'done', 'dropped']);
      const done = item(items, 'done');
      assert.strictEqual(done.documentation!.value, '**Done**: delivered. Set `completed` to the date.');
      assert.strictEqual(done.kind, 20);
    });

    it("offers today's date for a date", () => {
      const items = complete(withLine17('    made: '), 17, 10);
      assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [['2026-11-23', 'today']]);
    });

    it('offers the next free id in the section', () => {
      const text = HALF_TYPED.replace('    sta\n', '') + '  - id: \n';
      assert.deepStrictEqual(labels(complete(text, 21, 8)), ['C-9']);
    });

    it('offers person ids inside a flow list, leaving out those already listed', () => {
      const text = lines(
        'version: 1',
        'people:',
        '  - {id: bporter, name: Bill Porter, side: customer}',
        '  - {id: mwaddams, name: Milton Waddams, side: customer}',
        '  - {id: rnair, name: Ravi Nair, side: ours}',
        'meetings:',
        '  - date: 2026-11-17',
        '    kind: review',
        '    attendees: [bporter, r]',
      );
      const items = complete(text, 8, 26);
      assert.deepStrictEqual(labels(items), ['mwaddams', 'rnair']);
      assert.strictEqual(r(item(items, 'rnair').textEdit.range), '8:25-8:26');
    });

    it('offers person ids for a block list item', () => {
      const text = lines('version: 1', 'people:', '  - {id: skim, name: Sun Kim, side: ours}', 'communication:', '  escalation:', '    - ');
      const items = complete(text, 5, 6);
      assert.deepStrictEqual(labels(items), ['skim']);
      assert.strictEqual(items[0].textEdit.newText, 'skim');
    });

    it('writes a flow list for a list of people started on the key line', () => {
      const text = lines('version: 1', 'people:', '  - {id: skim, name: Sun Kim, side: ours}', 'communication:', '  escalation: ');
      assert.deepStrictEqual(complete(text, 4, 14).map((i) => i.textEdit.newText), ['[skim]']);
    });

    it('offers nothing for free text', () => {
      assert.deepStrictEqual(complete(withLine17('    summary: Automate'), 17, 21), []);
    });
  });

  describe('list items', () => {
    it('after "- " offers the item snippet and the item keys', () => {
      const text = HALF_TYPED.replace('    sta\n', '') .replace('commitments:\n', '  - \ncommitments:\n');
      const items = complete(text, 13, 4);
      assert.deepStrictEqual(labels(items), ['id', 'name', 'side', 'role', 'decisionMaker', 'sponsor', 'email', 'contactEvery', 'lastContact', 'Person']);
      const person = item(items, 'Person');
      assert.strictEqual(person.textEdit.newText, 'id: ${1:jdoe}\n    name: ${2:Full Name}\n    side: ${3|customer,ours|}\n    role: ${4:role}');
      assert.strictEqual(r(person.textEdit.range), '13:4-13:4');
      assert.strictEqual(person.kind, 15);
      assert.strictEqual(person.detail, "Someone on the customer's side or ours");
    });

    it("at a list's dash column with no dash yet offers whole items", () => {
      const text = HALF_TYPED.replace('    sta\n', '') + '  \n';
      const items = complete(text, 21, 2);
      assert.deepStrictEqual(labels(items), ['- Commitment']);
      assert.strictEqual(
        items[0].textEdit.newText,
        '- id: ${1:C-1}\n    summary: ${2:What was promised}\n    owner: ${3:person-id}\n    to: ${4:person-id}\n    made: ${5:YYYY-MM-DD}\n    due: ${6:YYYY-MM-DD}\n    status: ${7|open,in-progress,done,dropped|}',
      );
    });

    it('in a compact list (dashes at the key column) offers a new item or the next section', () => {
      const text = lines('version: 1', 'goals:', '- id: G-1', '  statement: Settle a claim in five days', '', 'people: []');
      assert.deepStrictEqual(labels(complete(text, 4, 0)), ['- Goal', 'partnership', 'communication', 'commitments', 'concerns', 'risks', 'health', 'meetings', 'milestones']);
      assert.deepStrictEqual(labels(complete(text.replace('\n\npeople', '\n  \npeople'), 4, 2)), ['metric', 'target', 'current', 'definedBy']);
    });

    it('under a list key with no items yet offers whole items', () => {
      const text = lines('version: 1', 'risks:', '  ');
      assert.deepStrictEqual(labels(complete(text, 2, 2)), ['- Risk']);
    });

    it('indents snippets with the indentation the file uses', () => {
      const text = ['version: 1', 'people:', '    - id: skim', '      name: Sun Kim', '      side: ours', 'commitments:', '    - '].join('\n');
      const c = item(complete(text, 6, 6), 'Commitment');
      assert.strictEqual(c.textEdit.newText.split('\n')[1], '      summary: ${2:What was promised}');
      const goals = item(complete(text.replace('commitments:\n    - ', ''), 5, 0), 'goals');
      assert.strictEqual(goals.textEdit.newText.split('\n').slice(0, 2).join('|'), 'goals:|    - id: ${1:G-1}');
    });
  });

  describe('where nothing fits', () => {
    it('offers nothing inside a comment or a block scalar', () => {
      assert.deepStrictEqual(complete(withLine17('    # sta'), 17, 9), []);
      const text = lines('version: 1', 'health:', '  note: |', '    Two late deliveries', '    sta');
      assert.deepStrictEqual(complete(text, 4, 7), []);
    });

    it('on the realistic fixture, completes a key on a line typed into a parsed file', () => {
      const text = fixture('initech.partnership.yaml');
      const p = at(text, '    status: in-progress\n', 24);
      const typed = text.slice(0, text.indexOf('    status: in-progress\n') + 24) + '    com\n' + text.slice(text.indexOf('    status: in-progress\n') + 24);
      assert.deepStrictEqual(labels(complete(typed, p.line, 7)), ['completed', 'history']);
    });
  });
});
