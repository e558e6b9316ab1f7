// `partnership check` output formats: exact text for stylish and github, exact JSON, SARIF that
// validates against the official SARIF 2.1.0 schema.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { repositoryDocsBase, RULE_META, ruleDocsUrl } from '../../server/src/service';
import { informationUri } from '../../server/src/cli/version';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { assertBuilt, cleanup, packageVersion, read, run, TODAY, workspace, write } from './cliHelpers';

const GLOBEX = 'problems/globex-rollout.partnership.yaml';
const INITECH = 'warnings/initech-billing.partnership.yaml';

const GLOBEX_STYLISH = [
  'problems/globex-rollout.partnership.yaml',
  '  29:18  information  No contact with Marta Garcia for 14 days (last 2026-11-09); agreed weekly, so the next contact was due 2026-11-16                    contact-stale',
  '  40:15  warning      The weekly status report is 7 days overdue: last sent 2026-11-09, next was due 2026-11-16                                            status-report-overdue',
  "  55:10  warning      C-1 'Pilot the picking app in the Springfield warehouse', promised to Hank Smith, is 22 days overdue (due 2026-11-01)                commitment-overdue",
  "  62:10  information  C-2 'Barcode scanner integration', promised to Marta Garcia, is due in 3 days (2026-11-26)                                           commitment-due-soon",
  "  66:12  error        Unknown person 'bsmth' in owner                                                                                                      unknown-reference",
  "  77:13  error        'opne' is not a valid status (did you mean 'open'?); expected one of: open, in-progress, done, dropped                               schema",
  "  80:9   warning      K-1 'Pickers cannot see stock levels on the handhelds', raised by Marta Garcia, has had no response for 13 days (raised 2026-11-10)  concern-unanswered",
];

const INITECH_STYLISH = [
  'warnings/initech-billing.partnership.yaml',
  '  11:9   information  Bill Lumbergh, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch           contact-stale',
  '  21:1   warning      Nobody at Initech has signed off the communication plan: agree it with a customer decision maker and record signedOff  communication-plan-unsigned',
  "  35:10  warning      C-1 'Cut over the invoice run to the new ledger', promised to Bill Lumbergh, is 10 days overdue (due 2026-11-13)       commitment-overdue",
  "  39:9   information  Goal G-1 'No invoice run fails at month end' has no metric and no target: say how Initech will measure it              goal-without-metric",
];

const INITECH_JSON = [
  {
    filePath: INITECH,
    messages: [
      {
        ruleId: 'contact-stale',
        severity: 'information',
        message: 'Bill Lumbergh, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch',
        line: 11,
        column: 9,
        endLine: 11,
        endColumn: 18,
      },
      {
        ruleId: 'communication-plan-unsigned',
        severity: 'warning',
        message: 'Nobody at Initech has signed off the communication plan: agree it with a customer decision maker and record signedOff',
        line: 21,
        column: 1,
        endLine: 21,
        endColumn: 14,
      },
      {
        ruleId: 'commitment-overdue',
        severity: 'warning',
        message: "C-1 'Cut over the invoice run to the new ledger', promised to Bill Lumbergh, is 10 days overdue (due 2026-11-13)",
        line: 35,
        column: 10,
        endLine: 35,
        endColumn: 20,
      },
      {
        ruleId: 'goal-without-metric',
        severity: 'information',
        message: "Goal G-1 'No invoice run fails at month end' has no metric and no target: say how Initech will measure it",
        line: 39,
        column: 9,
        endLine: 39,
        endColumn: 12,
      },
    ],
    errorCount: 0,
    warningCount: 2,
    infoCount: 2,
  },
];

/**
 * The official SARIF 2.1.0 schema as shipped by Microsoft's SARIF SDK (@microsoft/jest-sarif).
 * It is written as draft-04, whose only keyword Ajv 8 lacks here is `id` (no boolean
 * exclusiveMinimum is used), so it is re-declared as draft-07 with `$id`. Its `language` pattern
 * is not a valid unicode regexp, hence `unicodeRegExp: false`.
 */
function sarifValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = raw;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const compiled = ajv.compile({ $schema: 'http://json-schema.org/draft-07/schema#', $id: id as string, ...rest });
  const validate = (data: unknown): boolean => {
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = undefined as unknown;
  return validate;
}

describe('cli: check output formats', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  describe('stylish', () => {
    it('prints a header per file, aligned rows and a summary, and exits 1 on errors', () => {
      const r = run(['check', 'problems', 'warnings', '--today', TODAY], ws);
      assert.strictEqual(r.stdout, [...GLOBEX_STYLISH, '', ...INITECH_STYLISH, '', '✖ 11 problems (2 errors, 5 warnings, 4 infos)', ''].join('\n'));
      assert.strictEqual(r.stderr, '');
      assert.strictEqual(r.status, 1);
    });

    it('is the default format and exits 0 with only warnings and information', () => {
      const r = run(['check', INITECH, '--today', TODAY], ws);
      assert.strictEqual(r.stdout, [...INITECH_STYLISH, '', '✖ 4 problems (0 errors, 2 warnings, 2 infos)', ''].join('\n'));
      assert.strictEqual(r.status, 0);
    });

    it('says so in one short line when everything is clean', () => {
      const r = run(['check', 'clean', '--today', TODAY], ws);
      assert.deepStrictEqual(r, { status: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
    });

    it('uses colours only when asked (TTY without NO_COLOR), with the same alignment', () => {
      const diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        severity: 1 as const,
        code: 'schema' as const,
        source: 'partnership' as const,
        message: 'Bad',
        codeDescription: { href: ruleDocsUrl('schema') },
      };
      const report = { cwd: ws, files: [{ absPath: path.join(ws, 'a.partnership.yaml'), diagnostics: [diagnostic] }] };
      const plain = formatStylish(report, { color: false, quiet: false });
      const colored = formatStylish(report, { color: true, quiet: false });
      assert.strictEqual(plain, 'a.partnership.yaml\n  1:1  error  Bad  schema\n\n✖ 1 problem (1 error, 0 warnings, 0 infos)\n');
      assert.ok(colored.includes('\u001b[31merror\u001b[0m'));
      assert.strictEqual(colored.replace(/\u001b\[\d+m/g, ''), plain);
      // A child process's stdout is a pipe: never coloured, whatever NO_COLOR says.
      assert.ok(!/\u001b\[/.test(run(['check', 'problems', '--today', TODAY], ws, { NO_COLOR: undefined }).stdout));
    });
  });

  describe('json', () => {
    it('is an array of files with 1-based messages and counts', () => {
      const r = run(['check', 'warnings', '--format', 'json', '--today', TODAY], ws);
      assert.deepStrictEqual(JSON.parse(r.stdout), INITECH_JSON);
      assert.strictEqual(r.status, 0);
    });

    it('lists clean files too, in sorted order, and the severities of errors', () => {
      const r = run(['check', '.', '--format=json', '--today', TODAY], ws);
      assert.strictEqual(r.status, 1);
      const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: string; line: number; column: number }[]; errorCount: number; warningCount: number; infoCount: number }[];
      assert.deepStrictEqual(
        files.map((f) => [f.filePath, f.errorCount, f.warningCount, f.infoCount]),
        [
          ['clean/acme-analytics.partnership.yaml', 0, 0, 0],
          [GLOBEX, 2, 3, 2],
          ['strained/hooli-search.partnership.yaml', 0, 2, 0],
          ['syntax/broken.partnership.yaml', 1, 0, 0],
          [INITECH, 0, 2, 2],
        ],
      );
      assert.deepStrictEqual(
        files[1].messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`),
        [
          '29:18 information contact-stale',
          '40:15 warning status-report-overdue',
          '55:10 warning commitment-overdue',
          '62:10 information commitment-due-soon',
          '66:12 error unknown-reference',
          '77:13 error schema',
          '80:9 warning concern-unanswered',
        ],
      );
      assert.deepStrictEqual(files[3].messages, [
        { ruleId: 'yaml-syntax', severity: 'error', message: 'Missing closing double quote: this string is never closed', line: 4, column: 13, endLine: 4, endColumn: 28 },
      ]);
    });
  });

  describe('sarif', () => {
    it("names the tool's home page only when package.json names a repository", () => {
      assert.strictEqual(informationUri(repositoryDocsBase({ type: 'git', url: 'git+https://github.com/acme/partnership.git' })!), 'https://github.com/acme/partnership');
      assert.strictEqual(informationUri(repositoryDocsBase('github:acme/partnership')!), 'https://github.com/acme/partnership');
      assert.strictEqual(informationUri('docs/rules/'), undefined, 'no repository: the bundled pages, no home page');
    });

    it('validates against the SARIF 2.1.0 schema and describes all 24 rules', () => {
      const r = run(['check', '--format', 'sarif', '--today', TODAY], ws);
      assert.strictEqual(r.status, 1);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.strictEqual(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.strictEqual(log.version, '2.1.0');
      assert.strictEqual(log.runs.length, 1);
      const run0 = log.runs[0];
      // No informationUri: package.json names no repository (the unit test below derives one).
      assert.deepStrictEqual(Object.keys(run0.tool.driver).sort(), ['name', 'rules', 'version']);
      assert.strictEqual(run0.tool.driver.name, 'partnership');
      assert.strictEqual(run0.tool.driver.version, packageVersion());
      assert.strictEqual(run0.tool.driver.rules.length, 24);
      assert.deepStrictEqual(
        run0.tool.driver.rules.map((rule: { id: string }) => rule.id),
        RULE_META.map((m) => m.id),
      );
      const overdueRule = run0.tool.driver.rules.find((rule: { id: string }) => rule.id === 'commitment-overdue');
      assert.deepStrictEqual(overdueRule, {
        id: 'commitment-overdue',
        shortDescription: { text: 'An open commitment is past its due date.' },
        fullDescription: { text: RULE_META.find((m) => m.id === 'commitment-overdue')!.full },
        helpUri: `${pathToFileURL(path.resolve(__dirname, '../../../docs/rules')).href}/commitment-overdue.md`, // the pages bundled with the CLI: package.json names no repository
        defaultConfiguration: { level: 'warning' },
      });
      assert.deepStrictEqual(
        run0.tool.driver.rules.map((rule: { defaultConfiguration: { level: string } }) => rule.defaultConfiguration.level),
        RULE_META.map((m) => (m.defaultSeverity === 1 ? 'error' : m.defaultSeverity === 2 ? 'warning' : 'note')),
      );
      assert.deepStrictEqual(run0.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(ws).href + '/' } });

      const results = run0.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
      assert.strictEqual(results.length, 14);
      const overdue = results.find((x) => x.ruleId === 'commitment-overdue' && x.locations[0].physicalLocation.artifactLocation.uri === GLOBEX)!;
      assert.deepStrictEqual(overdue, {
        ruleId: 'commitment-overdue',
        ruleIndex: RULE_META.findIndex((m) => m.id === 'commitment-overdue'),
        level: 'warning',
        message: { text: "C-1 'Pilot the picking app in the Springfield warehouse', promised to Hank Smith, is 22 days overdue (due 2026-11-01)" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: GLOBEX, uriBaseId: '%SRCROOT%' },
              // `due: 2026-11-01` on line 55: the value spans columns 10..19, so the exclusive end is 20.
              region: { startLine: 55, startColumn: 10, endLine: 55, endColumn: 20 },
            },
          },
        ],
      });
      const levels = results.map((x) => `${x.ruleId}:${x.level}`);
      assert.ok(levels.includes('unknown-reference:error'));
      assert.ok(levels.includes('commitment-due-soon:note'));
      assert.ok(levels.includes('yaml-syntax:error'));
      for (const x of results) assert.strictEqual(run0.tool.driver.rules[x.ruleIndex].id, x.ruleId);
    });

    it('stays valid with no results and with odd file names, and gives hints the note level', () => {
      write(ws, 'cfg/.partnershiprc.yaml', 'rules:\n  commitment-overdue: hint\n');
      fs.copyFileSync(path.join(ws, INITECH), path.join(ws, 'cfg', 'a b,c#d.partnership.yaml'));
      const validate = sarifValidator();
      const clean = JSON.parse(run(['check', 'clean', '--format', 'sarif', '--today', TODAY], ws).stdout);
      assert.ok(validate(clean), JSON.stringify(validate.errors));
      assert.deepStrictEqual(clean.runs[0].results, []);
      const odd = JSON.parse(run(['check', 'cfg', '--format', 'sarif', '--today', TODAY], ws).stdout);
      assert.ok(validate(odd), JSON.stringify(validate.errors));
      const result = odd.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'commitment-overdue');
      assert.strictEqual(result.level, 'note');
      assert.strictEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'cfg/a%20b%2Cc%23d.partnership.yaml');
    });
  });

  describe('github', () => {
    it('prints one workflow command per diagnostic', () => {
      const r = run(['check', 'problems', '--format', 'github', '--today', TODAY], ws);
      const f = `file=${GLOBEX}`;
      assert.strictEqual(
        r.stdout,
        [
          `::notice ${f},line=29,col=18,endLine=29,endColumn=28,title=contact-stale::No contact with Marta Garcia for 14 days (last 2026-11-09); agreed weekly, so the next contact was due 2026-11-16`,
          `::warning ${f},line=40,col=15,endLine=40,endColumn=25,title=status-report-overdue::The weekly status report is 7 days overdue: last sent 2026-11-09, next was due 2026-11-16`,
          `::warning ${f},line=55,col=10,endLine=55,endColumn=20,title=commitment-overdue::C-1 'Pilot the picking app in the Springfield warehouse', promised to Hank Smith, is 22 days overdue (due 2026-11-01)`,
          `::notice ${f},line=62,col=10,endLine=62,endColumn=20,title=commitment-due-soon::C-2 'Barcode scanner integration', promised to Marta Garcia, is due in 3 days (2026-11-26)`,
          `::error ${f},line=66,col=12,endLine=66,endColumn=17,title=unknown-reference::Unknown person 'bsmth' in owner`,
          `::error ${f},line=77,col=13,endLine=77,endColumn=17,title=schema::'opne' is not a valid status (did you mean 'open'?); expected one of: open, in-progress, done, dropped`,
          `::warning ${f},line=80,col=9,endLine=80,endColumn=12,title=concern-unanswered::K-1 'Pickers cannot see stock levels on the handhelds', raised by Marta Garcia, has had no response for 13 days (raised 2026-11-10)`,
          '',
        ].join('\n'),
      );
      assert.strictEqual(r.status, 1);
    });

    it('escapes properties and messages as the actions toolkit does', () => {
      assert.strictEqual(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
      assert.strictEqual(escapeProperty('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext%3A a%2C b');
      fs.copyFileSync(path.join(ws, 'syntax', 'broken.partnership.yaml'), path.join(ws, 'odd,name:100%.partnership.yaml'));
      const r = run(['check', 'odd,name:100%.partnership.yaml', '--format', 'github', '--today', TODAY], ws);
      assert.strictEqual(r.stdout, '::error file=odd%2Cname%3A100%25.partnership.yaml,line=4,col=13,endLine=4,endColumn=28,title=yaml-syntax::Missing closing double quote: this string is never closed\n');
      assert.strictEqual(run(['check', 'clean', '--format', 'github', '--today', TODAY], ws).stdout, '');
    });
  });

  describe('--quiet and --output', () => {
    it('--quiet reports errors only, in every format', () => {
      const r = run(['check', 'problems', 'warnings', '--quiet', '--today', TODAY], ws);
      assert.strictEqual(
        r.stdout,
        [GLOBEX_STYLISH[0], "  66:12  error  Unknown person 'bsmth' in owner                                                                         unknown-reference", "  77:13  error  'opne' is not a valid status (did you mean 'open'?); expected one of: open, in-progress, done, dropped  schema", '', '✖ 2 problems (2 errors, 0 warnings, 0 infos)', ''].join('\n'),
      );
      assert.strictEqual(r.status, 1);
      const json = JSON.parse(run(['check', 'problems', '--quiet', '--format', 'json', '--today', TODAY], ws).stdout);
      assert.deepStrictEqual(json[0].messages.map((m: { ruleId: string }) => m.ruleId), ['unknown-reference', 'schema']);
      assert.deepStrictEqual([json[0].errorCount, json[0].warningCount, json[0].infoCount], [2, 0, 0]);
      const quietWarnings = run(['check', 'warnings', '--quiet', '--today', TODAY], ws);
      assert.deepStrictEqual(quietWarnings, { status: 0, stdout: '', stderr: '' });
    });

    it('--output writes the report to a file (folders created) instead of stdout', () => {
      const expected = run(['check', 'problems', '--format', 'json', '--today', TODAY], ws).stdout;
      const r = run(['check', 'problems', '--format', 'json', '--output', 'reports/partnership.json', '--today', TODAY], ws);
      assert.deepStrictEqual(r, { status: 1, stdout: '', stderr: '' });
      assert.strictEqual(read(ws, 'reports/partnership.json'), expected);
      // Stylish into a file: never coloured.
      run(['check', 'problems', '-o', 'out.txt', '--today', TODAY], ws);
      assert.strictEqual(read(ws, 'out.txt'), [...GLOBEX_STYLISH, '', '✖ 7 problems (2 errors, 3 warnings, 2 infos)', ''].join('\n'));
    });
  });
});
