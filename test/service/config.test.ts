import * as assert from 'assert';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { checkShown, day, memFs, show, yaml } from '../helpers';
import { withLines } from './fixture';

describe('.partnershiprc.yaml', () => {
  const overdue = withLines({ 50: '    due: 2026-11-01', 36: '    lastSent: 2026-11-07' });

  it('changes severities and turns rules off', () => {
    assert.deepStrictEqual(checkShown(overdue, '2026-11-23', { rules: { 'commitment-overdue': 'error', 'status-report-overdue': 'off' } }), [
      "50:10-50:20 commitment-overdue error C-12 'Pilot the audit dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)",
    ]);
    assert.deepStrictEqual(checkShown(overdue, '2026-11-23', { rules: { 'commitment-overdue': 'hint' } }).map((d) => d.split(' ').slice(1, 3).join(' ')), [
      'status-report-overdue warning',
      'commitment-overdue hint',
    ]);
  });

  it('is found in the file folder or the nearest parent, and parsed', () => {
    const fs = memFs({
      [path.resolve('/repo/.partnershiprc.yaml')]: yaml('rules:', '  commitment-overdue: error', 'dueSoonDays: 14', 'concernResponseDays: 2'),
      [path.resolve('/repo/customers/acme/.partnershiprc.yaml')]: yaml('dueSoonDays: 3'),
    });
    const service = createLanguageService({ fs });
    const top = service.configFor('/repo/customers/globex/globex.partnership.yaml');
    assert.deepStrictEqual(top, { path: path.resolve('/repo/.partnershiprc.yaml'), config: { rules: { 'commitment-overdue': 'error' }, dueSoonDays: 14, concernResponseDays: { high: 2, medium: 2, low: 2 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 }, problems: [] });
    const near = service.configFor('/repo/customers/acme/acme.partnership.yaml');
    assert.deepStrictEqual(near.config, { rules: {}, dueSoonDays: 3, concernResponseDays: { high: 2, medium: 5, low: 10 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 });
    assert.deepStrictEqual(service.configFor('/elsewhere/x.partnership.yaml'), { config: { rules: {}, dueSoonDays: 7, concernResponseDays: { high: 2, medium: 5, low: 10 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 }, problems: [] });
  });

  it('reports every problem of an invalid config at its position, and applies the valid parts', () => {
    const service = createLanguageService({ fs: memFs() });
    const result = service.parseConfig(
      yaml('rules:', '  commitment-overdu: error', '  contact-stale: warn', '  no-decision-maker: off', 'dueSoonDays: soon', 'concernResponsDays: 3'),
      '/repo/.partnershiprc.yaml',
    );
    assert.deepStrictEqual(result.problems.map(show), [
      "2:3-2:20 schema error Unknown rule 'commitment-overdu' (did you mean 'commitment-overdue'?)",
      "3:18-3:22 schema error 'warn' is not a severity for contact-stale (did you mean 'warning'?); expected one of: error, warning, information, hint, off",
      "5:14-5:18 schema error 'dueSoonDays' must be a whole number of days between 0 and 3650",
      "6:1-6:19 schema error Unknown config key 'concernResponsDays' (did you mean 'concernResponseDays'?); expected one of: rules, dueSoonDays, concernResponseDays, workingDays, reliabilityWindowDays",
    ]);
    assert.deepStrictEqual(result.config, { rules: { 'no-decision-maker': 'off' }, dueSoonDays: 7, concernResponseDays: { high: 2, medium: 5, low: 10 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 });
  });

  it('reports a config that is not YAML', () => {
    const service = createLanguageService({ fs: memFs() });
    assert.deepStrictEqual(service.parseConfig('rules: [\n', '/r/.partnershiprc.yaml').problems.map(show).map((s) => s.split(' ').slice(1, 3).join(' ')), ['yaml-syntax error']);
  });

  it('an empty config is the default', () => {
    const service = createLanguageService({ fs: memFs() });
    assert.deepStrictEqual(service.parseConfig('', '/r/.partnershiprc.yaml'), { path: '/r/.partnershiprc.yaml', config: { rules: {}, dueSoonDays: 7, concernResponseDays: { high: 2, medium: 5, low: 10 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 }, problems: [] });
  });

  it('validate never reads the clock: the same text and today give the same result', () => {
    const service = createLanguageService({ fs: memFs() });
    const a = service.validate(overdue, '/r/a.partnership.yaml', { today: day('2026-11-23') });
    const b = service.validate(overdue, '/r/a.partnership.yaml', { today: day('2026-11-23') });
    assert.deepStrictEqual(a, b);
    assert.notDeepStrictEqual(service.validate(overdue, '/r/a.partnership.yaml', { today: day('2026-11-24') }), a);
  });
});

describe('.partnershiprc.yaml: wave 2 settings', () => {
  const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
  it('reads concernResponseDays by severity, workingDays and reliabilityWindowDays', () => {
    const parsed = service.parseConfig('concernResponseDays:\n  high: 1\n  low: 20\nworkingDays: [sun, mon, tue, wed, thu]\nreliabilityWindowDays: 30\n', '/r/.partnershiprc.yaml');
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.config.concernResponseDays, { high: 1, medium: 5, low: 20 });
    assert.deepStrictEqual(parsed.config.workingDays, [0, 1, 2, 3, 4]);
    assert.strictEqual(parsed.config.reliabilityWindowDays, 30);
  });
  it('reports a bad severity, a bad weekday and a bad window at their positions', () => {
    const parsed = service.parseConfig('concernResponseDays:\n  hgh: 1\nworkingDays: [monday]\nreliabilityWindowDays: -1\n', '/r/.partnershiprc.yaml');
    assert.deepStrictEqual(
      parsed.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
      [
        "2:3 Unknown severity 'hgh' (did you mean 'high'?); expected high, medium or low",
        '3:14 \'workingDays\' must be a list of weekdays: sun, mon, tue, wed, thu, fri, sat',
        "4:24 'reliabilityWindowDays' must be a whole number of days between 0 and 3650",
      ],
    );
  });
});
