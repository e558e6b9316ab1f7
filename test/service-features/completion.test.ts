import * as assert from 'assert';
import { CompletionItem, createLanguageService } from '../../server/src/service';
import { at, fixture, lines, r, TODAY } from './util';

/** The features, from one language service (its methods need no `this`). */
const { completion } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

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
      assert.strictEqual(item(items, 'due').textEdit.newText, 'due: ${1:2026-11-23}', "today's date, selected");
      assert.strictEqual(item(items, 'to').detail, 'person id');
      assert.strictEqual(item(items, 'to').textEdit.newText, 'to: ${1:bporter}', 'the one person on the customer side');
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
        'history:\n      - on: ${1:2026-11-23}\n        from: ${2:2026-11-23}\n        to: ${3:2026-11-23}\n        reason: ${4:why the date moved}',
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
      assert.strictEqual(item(items, 'health').textEdit.newText, 'health:\n  status: ${1|healthy,watch,strained,broken|}\n  assessed: ${2:2026-11-23}');
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
        '- id: ${1:C-9}\n    summary: ${2:What was promised}\n    owner: ${3:rnair}\n    to: ${4:bporter}\n    made: ${5:2026-11-23}\n    due: ${6:2026-11-23}\n    status: ${7|open,in-progress,done,dropped|}',
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

  describe('snippets filled from the file', () => {
    /** Two people on each side, commitments C-1 … C-12 (C-3 missing), a goal G-1 and a risk R-2. */
    const TEAM = lines(
      'version: 1',
      'partnership:',
      '  name: Acme compliance analytics',
      '  customer: Acme Corp',
      'people:',
      '  - id: jdoe',
      '    name: Jane Doe',
      '    side: customer',
      '  - id: alee',
      '    name: Alex Lee',
      '    side: ours',
      '  - id: bcarter',
      '    name: Bo Carter',
      '    side: customer',
      '  - id: mkhan',
      '    name: Mina Khan',
      '    side: ours',
      'goals:',
      '  - id: G-1',
      '    statement: Halve audit preparation time',
      'commitments:',
      '  - id: C-1',
      '    summary: Pilot the audit dashboard',
      '    due: 2026-11-01',
      '    status: open',
      '  - id: C-12',
      '    summary: Export to the archive',
      '    due: 2026-12-04',
      '    status: open',
      'risks:',
      '  - id: R-2',
      '    summary: Data-feed contract not signed',
    );
    const LAST = TEAM.split('\n').length - 1; // the empty line after the text

    /** The one whole-item snippet offered on a new line at column 2 under `section:` appended to TEAM. */
    const newItem = (section: string, before = TEAM): string => {
      const text = `${before}${section}:\n  \n`;
      const line = text.split('\n').length - 2;
      const items = complete(text, line, 2);
      assert.strictEqual(items.length, 1, `one item for ${section}: ${labels(items).join(', ')}`);
      return items[0].textEdit.newText;
    };

    it('a commitment: the next free id, owner among ours, to among the customer, dates today', () => {
      // TEAM without its risks, so that commitments is the list at column 2 of the last line.
      const c = TEAM.replace('risks:\n  - id: R-2\n    summary: Data-feed contract not signed\n', '');
      const list = complete(c + '  \n', c.split('\n').length - 1, 2);
      assert.deepStrictEqual(labels(list), ['- Commitment']);
      assert.strictEqual(
        list[0].textEdit.newText,
        '- id: ${1:C-13}\n    summary: ${2:What was promised}\n    owner: ${3|alee,mkhan|}\n    to: ${4|jdoe,bcarter|}\n    made: ${5:2026-11-23}\n    due: ${6:2026-11-23}\n    status: ${7|open,in-progress,done,dropped|}',
      );
    });

    it('after "- " in commitments, the same filled snippet without the dash', () => {
      const c = TEAM.replace('risks:\n  - id: R-2\n    summary: Data-feed contract not signed\n', '') + '  - \n';
      const snippet = item(complete(c, c.split('\n').length - 2, 4), 'Commitment');
      assert.strictEqual(snippet.textEdit.newText.split('\n').slice(0, 4).join('|'), 'id: ${1:C-13}|    summary: ${2:What was promised}|    owner: ${3|alee,mkhan|}|    to: ${4|jdoe,bcarter|}');
    });

    it('a concern: K-1, raised today, by the customer, no owner field in the snippet', () => {
      assert.strictEqual(
        newItem('concerns'),
        '- id: ${1:K-1}\n    summary: ${2:What the customer is unhappy about}\n    raised: ${3:2026-11-23}\n    by: ${4|jdoe,bcarter|}\n    severity: ${5|low,medium,high|}\n    status: ${6|open,addressed,closed|}',
      );
    });

    it('a risk: the number after R-2, owned on our side', () => {
      const text = TEAM + '  \n';
      const items = complete(text, LAST, 2);
      assert.deepStrictEqual(labels(items), ['- Risk']);
      assert.strictEqual(
        items[0].textEdit.newText,
        '- id: ${1:R-3}\n    summary: ${2:What might go wrong}\n    owner: ${3|alee,mkhan|}\n    likelihood: ${4|low,medium,high|}\n    impact: ${5|low,medium,high|}\n    mitigation: ${6:What we do about it}\n    status: ${7|open,mitigated,closed|}',
      );
    });

    it('a meeting: today, attendees from both sides', () => {
      assert.strictEqual(
        newItem('meetings'),
        '- date: ${1:2026-11-23}\n    kind: ${2|kickoff,status,review,steering,reset|}\n    attendees: [${3|jdoe,alee,bcarter,mkhan|}]\n    notes: ${4:What was agreed}',
      );
    });

    it('a milestone: M-1, due today', () => {
      assert.strictEqual(newItem('milestones'), '- id: ${1:M-1}\n    name: ${2:What is reached}\n    due: ${3:2026-11-23}\n    status: ${4|planned,delivered,slipped|}');
    });

    it('a goal: the next id, defined by the customer', () => {
      const text = TEAM.replace('commitments:', '  \ncommitments:');
      const line = text.split('\n').indexOf('  ');
      const goal = complete(text, line, 2);
      assert.deepStrictEqual(labels(goal), ['- Goal']);
      assert.match(goal[0].textEdit.newText, /^- id: \$\{1:G-2\}\n/);
      assert.match(goal[0].textEdit.newText, /\n {4}definedBy: \$\{6\|jdoe,bcarter\|\}$/);
    });

    it('an id is free across the whole file, not only in its list', () => {
      // A person took the id the milestone snippet would start at.
      const text = TEAM.replace('  - id: mkhan', '  - id: M-1');
      assert.match(newItem('milestones', text), /^- id: \$\{1:M-2\}\n/);
    });

    it('a renegotiation starts from the commitment\'s current due date', () => {
      const text = TEAM.replace('    due: 2026-12-04\n    status: open\n', '    due: 2026-12-04\n    status: open\n    \n');
      const line = text.split('\n').indexOf('    ');
      const history = item(complete(text, line, 4), 'history');
      assert.strictEqual(history.textEdit.newText, 'history:\n      - on: ${1:2026-11-23}\n        from: ${2:2026-12-04}\n        to: ${3:2026-11-23}\n        reason: ${4:why the date moved}');
    });

    it('single keys: a person of the right side, a flow list of people, the customer signs off today', () => {
      const text = TEAM.replace('    summary: Data-feed contract not signed', '    summary: Data-feed contract not signed\n    ') + 'communication:\n  \n';
      const riskLine = text.split('\n').indexOf('    ');
      assert.strictEqual(item(complete(text, riskLine, 4), 'owner').textEdit.newText, 'owner: ${1|alee,mkhan|}');
      const planLine = text.split('\n').lastIndexOf('  ');
      const plan = complete(text, planLine, 2);
      assert.strictEqual(item(plan, 'escalation').textEdit.newText, 'escalation: [${1|alee,mkhan|}]');
      const signed = TEAM + 'communication:\n  signedOff:\n    \n';
      const signedItems = complete(signed, signed.split('\n').length - 2, 4);
      assert.strictEqual(item(signedItems, 'by').textEdit.newText, 'by: ${1|jdoe,bcarter|}');
      assert.strictEqual(item(signedItems, 'on').textEdit.newText, 'on: ${1:2026-11-23}');
    });

    it('with nobody on the right side offers everyone; with nobody at all keeps the placeholder', () => {
      const oursOnly = lines('version: 1', 'people:', '  - id: alee', '    name: Alex Lee', '    side: ours', 'concerns:', '  ');
      assert.match(complete(oursOnly, 6, 2)[0].textEdit.newText, /\n {4}by: \$\{4:alee\}\n/);
      const nobody = lines('version: 1', 'concerns:', '  ');
      assert.match(complete(nobody, 2, 2)[0].textEdit.newText, /\n {4}by: \$\{4:person-id\}\n/);
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
