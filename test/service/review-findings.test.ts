// Regression tests for problems a reviewer met trying the tool on files of their own: each is
// one problem that must give exactly one clear diagnostic.
import * as assert from 'assert';
import { checkShown, yaml } from '../helpers';
import { HEALTHY, withLines } from './fixture';

describe('one problem, one diagnostic (review findings)', () => {
  it('misspelt required keys are reported as unknown keys only, not also as missing', () => {
    assert.deepStrictEqual(checkShown(withLines({ 50: '    duee: 2026-12-15', 51: '    stauts: in-progress' })), [
      "50:5-50:9 schema error Unknown key 'duee' in commitment C-12 (did you mean 'due'?)",
      "51:5-51:11 schema error Unknown key 'stauts' in commitment C-12 (did you mean 'status'?)",
    ]);
  });

  it('a quoted version is one type error, not also "version 1 is not version 1"', () => {
    assert.deepStrictEqual(checkShown(withLines({ 1: 'version: "1"' })), ["1:10-1:13 schema error 'version' must be a whole number, not the text '1'"]);
  });

  it('a misspelt side is a schema error only: no-decision-maker and the sign-off rule do not guess', () => {
    assert.deepStrictEqual(checkShown(withLines({ 17: '    side: costumer' })), [
      "17:11-17:19 schema error 'costumer' is not a valid side (did you mean 'customer'?); expected one of: customer, ours",
    ]);
  });

  it('an empty people section is a schema error only', () => {
    const text = withLines({ 14: 'people:', 15: null, 16: null, 17: null, 18: null, 19: null, 20: null, 21: null, 22: null, 23: null, 24: null, 25: null, 26: null, 27: null, 28: null, 29: null, 30: null });
    assert.deepStrictEqual(checkShown(text).filter((d) => !d.includes('unknown-reference')), ["14:8-14:8 schema error 'people' must be a list, not nothing (null)"]);
  });

  it('a reset meeting with an invalid date or kind keeps relationship-strained quiet', () => {
    assert.deepStrictEqual(checkShown(withLines({ 79: '  status: strained', 86: '  - date: 2026-11-31', 87: '    kind: reset' })), [
      "86:11-86:21 schema error '2026-11-31' is not a real calendar date ('date' must be a date YYYY-MM-DD)",
    ]);
    // The meeting still took place: Jane Doe attended it (record-outdated), whatever its kind.
    assert.deepStrictEqual(checkShown(withLines({ 79: '  status: strained', 86: '  - date: 2026-11-20', 87: '    kind: Reset' })), [
      "22:18-22:28 record-outdated information Jane Doe's lastContact says 2026-11-17, but they attended a meeting held on 2026-11-20",
      "87:11-87:16 schema error 'Reset' is not a valid kind (did you mean 'reset'?); expected one of: kickoff, status, review, steering, reset",
    ]);
  });

  it('a multi-line summary is one line in the message', () => {
    assert.deepStrictEqual(checkShown(withLines({ 46: ['    summary: |', '      Pilot the audit', '      dashboard'], 50: '    due: 2026-11-01' })), [
      "52:10-52:20 commitment-overdue warning C-12 'Pilot the audit dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)",
    ]);
  });

  it('a plan without a status report is also reported unsigned when nobody signed it', () => {
    assert.deepStrictEqual(checkShown(withLines({ 32: null, 33: null, 34: null, 35: null, 36: null, 41: null, 42: null, 43: null })), [
      '31:1-31:14 communication-plan-missing warning The communication plan has no statusReport: agree with Acme Corp how often status is reported and to whom',
      '31:1-31:14 communication-plan-unsigned warning Nobody at Acme Corp has signed off the communication plan: agree it with a customer decision maker and record signedOff',
    ]);
  });

  it('an empty metric or target counts as missing', () => {
    assert.deepStrictEqual(checkShown(withLines({ 10: '    metric: ""', 11: '    target: "  "' })), [
      "8:9-8:12 goal-without-metric information Goal G-1 'Halve audit preparation time' has no metric and no target: say how Acme Corp will measure it",
    ]);
  });

  it('an empty list item is named as an item, not as the list', () => {
    assert.deepStrictEqual(checkShown(withLines({ 52: '  -', 53: null, 54: null, 55: null, 56: null, 57: null, 58: null, 59: null })), [
      "52:4-52:4 schema error Item 2 of 'commitments' must be a mapping of keys, not nothing (null)",
    ]);
  });

  it('a merge key gets one message saying merge keys are not supported', () => {
    const text = yaml(
      'version: 1',
      'partnership:',
      '  name: Merged',
      '  customer: Initech',
      'people:',
      '  - &customer',
      '    id: pg',
      '    name: Peter Gibbons',
      '    side: customer',
      '    decisionMaker: true',
      '  - <<: *customer',
      '    id: sn',
      '    name: Samir N',
    );
    assert.deepStrictEqual(checkShown(text).filter((d) => !d.includes('communication-plan-missing')), [
      '7:9-7:11 contact-stale information Peter Gibbons, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch',
      "11:5-11:7 schema error Merge keys ('<<') are not part of the partnership format: write the keys out in full",
    ]);
  });

  it('a file that reuses an anchored date hundreds of times is not an alias bomb', () => {
    const lines = ['version: 1', 'partnership:', '  name: Reuse', '  customer: Initech', '  since: &d 2026-01-05', 'people:', '  - id: p', '    name: P', '    side: customer', '    decisionMaker: true', 'milestones:'];
    for (let i = 0; i < 300; i++) lines.push(`  - id: M-${i}`, `    name: Milestone ${i}`, '    due: *d', '    status: delivered', '    delivered: *d');
    assert.deepStrictEqual(checkShown(yaml(...lines)).map((d) => d.split(' ')[1]), ['communication-plan-missing', 'contact-stale']);
  });
});

describe('review findings: config and hostile text', () => {
  it('yaml-syntax cannot be turned off', () => {
    const { createLanguageService } = require('../../server/src/service') as typeof import('../../server/src/service');
    const { memFs, show } = require('../helpers') as typeof import('../helpers');
    const result = createLanguageService({ fs: memFs() }).parseConfig('rules:\n  yaml-syntax: off\n  schema: warning\n', '/r/.partnershiprc.yaml');
    assert.deepStrictEqual(result.problems.map(show), [
      '2:16-2:19 schema error yaml-syntax cannot be turned off: a file that does not parse cannot be checked (its severity can be changed)',
    ]);
    assert.deepStrictEqual(result.config.rules, { schema: 'warning' });
  });

  it('control characters in a message are escaped, not printed raw', () => {
    const ds = checkShown(withLines({ 46: '    summary: "Pilot \\u0007 dashboard"', 50: '    due: 2026-11-01' }));
    assert.deepStrictEqual(ds, ["50:10-50:20 commitment-overdue warning C-12 'Pilot \\u0007 dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)"]);
  });
});
