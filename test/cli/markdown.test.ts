// `check --format markdown`: a pull-request comment or job summary. Golden files (UPDATE_GOLDEN=1
// rewrites them: read every changed line before committing, they are the spec), plus the folding,
// the limit and the escaping that no golden file shows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cell, FOLD_ROWS, formatMarkdown, githubLinks, MARKDOWN_LIMIT } from '../../server/src/cli/formatters/markdown';
import { assertBuilt, cleanup, ROOT, run, TODAY, workspace, write } from './cliHelpers';

const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'markdown');
const GITHUB_ENV = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/accounts', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' };

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `differs from ${path.relative(ROOT, file)}`);
}

/** A partnership file whose commitments name `n` people nobody defined: n unknown-reference errors. */
function manyUnknown(n: number): string {
  const lines = [
    'version: 1',
    'partnership:',
    '  name: Umbrella research',
    '  customer: Umbrella',
    'people:',
    '  - id: alee',
    '    name: Alex Lee',
    '    side: ours',
    '  - id: awesker',
    '    name: Albert Wesker',
    '    side: customer',
    '    decisionMaker: true',
    '    contactEvery: monthly',
    `    lastContact: ${TODAY}`,
    'communication:',
    '  statusReport:',
    '    cadence: monthly',
    `    lastSent: ${TODAY}`,
    '  signedOff:',
    '    by: awesker',
    `    on: ${TODAY}`,
    'commitments:',
  ];
  for (let i = 1; i <= n; i++) lines.push(`  - id: C-${i}`, `    summary: Deliverable ${i}`, `    owner: ghost${i}`, '    due: 2027-06-01', '    status: open');
  return lines.join('\n') + '\n';
}

describe('cli: check --format markdown', () => {
  let dir: string;
  before(assertBuilt);
  beforeEach(() => {
    dir = workspace();
  });
  afterEach(() => cleanup(dir));

  it('a heading with the counts, then one table per file with relative line links', () => {
    const r = run(['check', '--format', 'markdown', '--today', TODAY, 'problems', 'warnings', 'clean'], dir, { GITHUB_REPOSITORY: '', GITHUB_SHA: '' });
    assert.strictEqual(r.status, 1, r.stderr);
    golden('check.md', r.stdout);
  });

  it('in a GitHub Actions run, line links point at the file in the repository at that commit', () => {
    const r = run(['check', '--format', 'markdown', '--today', TODAY, 'problems', 'warnings'], dir, { ...GITHUB_ENV, GITHUB_WORKSPACE: dir });
    assert.strictEqual(r.status, 1, r.stderr);
    golden('check-github.md', r.stdout);
    assert.match(r.stdout, /\[66:12\]\(https:\/\/github\.com\/acme\/accounts\/blob\/0123456789abcdef0123456789abcdef01234567\/problems\/globex-rollout\.partnership\.yaml#L66\)/);
  });

  it('says so when there is nothing to report', () => {
    const r = run(['check', '--format', 'markdown', '--today', TODAY, 'clean'], dir);
    assert.deepStrictEqual([r.status, r.stdout], [0, '## Partnership check: ✔ no problems\n\n1 file checked.\n']);
  });

  it(`folds a file's table in <details> when it has more than ${FOLD_ROWS} problems`, () => {
    write(dir, 'umbrella.partnership.yaml', manyUnknown(FOLD_ROWS + 1));
    write(dir, 'small/umbrella-small.partnership.yaml', manyUnknown(FOLD_ROWS));
    const r = run(['check', '--format', 'markdown', '--today', TODAY, 'umbrella.partnership.yaml', 'small'], dir);
    assert.strictEqual(r.status, 1, r.stderr);
    golden('folded.md', r.stdout);
    assert.strictEqual(r.stdout.match(/<details>/g)?.length, 1, 'only the file above the threshold is folded');
  });

  it("stays under GitHub's 65,536 characters and says how many problems it left out", () => {
    write(dir, 'huge.partnership.yaml', manyUnknown(2_000));
    const r = run(['check', '--format', 'markdown', '--today', TODAY, 'huge.partnership.yaml'], dir);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.ok(r.stdout.length <= MARKDOWN_LIMIT, `${r.stdout.length} characters`);
    assert.ok(r.stdout.length > MARKDOWN_LIMIT - 2_000, 'it uses the room it has');
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ❌ error |')).length;
    assert.ok(rows > 100, `${rows} rows shown`);
    assert.ok(r.stdout.endsWith(`> **${2_000 - rows} more problems not shown**: this report stops before GitHub's limit of 65,536 characters. Run \`partnership check\` for the full list.\n`), r.stdout.slice(-300));
    assert.match(r.stdout, /^## Partnership check: ❌ 2000 problems \(2000 errors, 0 warnings, 0 infos\)$/m);
    assert.strictEqual(r.stdout.match(/<details>/g)?.length, 1);
    assert.strictEqual(r.stdout.match(/<\/details>/g)?.length, 1, 'the fold is closed where the report stops');
  });

  it('escapes what a message could smuggle into the table: pipes, HTML, emphasis, links, line breaks', () => {
    assert.strictEqual(cell('a | b <script>x</script> *em* _u_ `c` [l](u) ~s~ #h !i \\ & \nnext'), 'a \\| b &lt;script&gt;x&lt;/script&gt; \\*em\\* \\_u\\_ \\`c\\` \\[l\\](u) \\~s\\~ \\#h \\!i \\\\ &amp; next');
    const report = formatMarkdown(
      { cwd: '/w', files: [{ absPath: '/w/a|b.partnership.yaml', diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 2, code: 'schema', source: 'partnership', codeDescription: { href: 'https://example.invalid/schema' }, message: "Unknown key '<img src=x>|' here" }] }] },
      {},
    );
    assert.match(report, /^### \[a\\\|b\.partnership\.yaml\]\(a%7Cb\.partnership\.yaml\): 1 warning$/m);
    assert.match(report, /\| Unknown key '&lt;img src=x&gt;\\\|' here \|/);
  });

  it('reads the line-link base of a GitHub Actions run from its environment, and nothing outside one', () => {
    assert.deepStrictEqual(githubLinks({ ...GITHUB_ENV, GITHUB_WORKSPACE: '/home/runner/work/accounts' }, '/x'), {
      base: 'https://github.com/acme/accounts/blob/0123456789abcdef0123456789abcdef01234567',
      root: '/home/runner/work/accounts',
    });
    assert.strictEqual(githubLinks({}, '/x'), undefined);
    assert.strictEqual(githubLinks({ GITHUB_REPOSITORY: 'acme/accounts' }, '/x'), undefined, 'no commit, no link');
  });

  it('when the check cannot run (exit 2), the summary says why', () => {
    const r = run(['check', '--format', 'markdown', 'missing.partnership.yaml'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stdout, /^## Partnership check: could not run\n\n- .*missing\.partnership\.yaml.*\n$/);
  });
});
