// The GitHub Action (action.yml) run as a runner runs it: its step's command with the inputs
// mapped into the environment as action.yml says, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
// GITHUB_BASE_REF and GITHUB_EVENT_PATH set, in a temporary git repository with a pull request's
// two branches; the sticky comment goes to a stand-in for the GitHub API on 127.0.0.1. And the
// pre-commit hook's command on staged files.
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { parse } from 'yaml';
import { assertBuilt, cleanup, emptyDir, ROOT, TODAY } from './cliHelpers';

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { id: string; shell: string; run: string; env: Record<string, string> }[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
const NORTHWIND = fs.readFileSync(path.join(ROOT, 'examples/northwind-logistics.partnership.yaml'), 'utf8');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `${{ inputs.x }}` and `${{ github.token }}` as the runner expands them. */
function expand(template: string, inputs: Record<string, string>): string {
  return template.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.token)\s*\}\}/g, (_, whole: string, name?: string) => {
    if (whole === 'github.token') return 'ghs_test_token';
    // A default may itself be an expression (github-token's is `${{ github.token }}`).
    return inputs[name!] ?? expand(action.inputs[name!]?.default ?? '', {});
  });
}

interface StepResult {
  status: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

function runStep(repo: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<StepResult> {
  const [step] = action.runs.steps;
  const runnerTemp = fs.mkdtempSync(path.join(repo, '..', 'runner-'));
  const summaryFile = path.join(runnerTemp, 'summary.md');
  const outputFile = path.join(runnerTemp, 'output.txt');
  const eventFile = path.join(runnerTemp, 'event.json');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(eventFile, JSON.stringify({ pull_request: { number: 7 } }));
  const stepEnv = Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expand(String(v), inputs)]));
  const env = {
    ...process.env,
    ...stepEnv,
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'acme/accounts',
    GITHUB_SHA: git(repo, 'rev-parse', 'HEAD').trim(),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_BASE_REF: 'main',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(step.shell, ['-e', '-c', step.run], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      const outputs = Object.fromEntries(
        fs
          .readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      resolve({ status, stdout, summary: fs.readFileSync(summaryFile, 'utf8'), outputs });
      fs.rmSync(runnerTemp, { recursive: true, force: true });
    });
  });
}

/** A stand-in for the GitHub REST API's issue comments. */
function fakeGithub(): Promise<{ url: string; requests: { method: string; url: string; body?: { body: string }; auth?: string }[]; close(): Promise<void> }> {
  const comments: { id: number; body: string }[] = [{ id: 1, body: 'Looks good to me' }];
  const requests: { method: string; url: string; body?: { body: string }; auth?: string }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as { body: string }) : undefined;
      requests.push({ method: req.method!, url: req.url!, body, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && req.url!.startsWith('/repos/acme/accounts/issues/7/comments')) return res.end(JSON.stringify(comments));
      if (req.method === 'POST' && req.url === '/repos/acme/accounts/issues/7/comments') {
        comments.push({ id: 42, body: body!.body });
        res.statusCode = 201;
        return res.end(JSON.stringify({ id: 42 }));
      }
      const patch = /^\/repos\/acme\/accounts\/issues\/comments\/(\d+)$/.exec(req.url!);
      if (req.method === 'PATCH' && patch) {
        comments.find((c) => c.id === Number(patch[1]))!.body = body!.body;
        return res.end(JSON.stringify({ id: Number(patch[1]) }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe('the GitHub Action and the pre-commit hook', function () {
  this.timeout(120_000);
  let repo: string;
  before(assertBuilt);
  beforeEach(() => {
    repo = path.join(emptyDir(), 'accounts');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, 'northwind.partnership.yaml'), NORTHWIND);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-gpg-sign', '-m', 'northwind as it was');
    git(repo, 'checkout', '-q', '-b', 'feature');
    // The pull request: C-3 delivered (an old warning fixed), C-4 now owned by someone nobody defined (a new error).
    fs.writeFileSync(
      path.join(repo, 'northwind.partnership.yaml'),
      NORTHWIND.replace('    due: 2026-11-13\n    status: open\n', '    due: 2026-11-13\n    status: done\n    completed: 2026-11-20\n').replace('    owner: lmartin\n    to: bcarter\n', '    owner: lmartinez\n    to: bcarter\n'),
    );
    git(repo, 'commit', '-q', '-a', '--no-gpg-sign', '-m', 'a week of changes');
  });
  afterEach(() => cleanup(path.dirname(repo)));

  it('is a composite action whose step runs action/run.mjs, with a default for every optional input', () => {
    assert.strictEqual(action.runs.using, 'composite');
    assert.deepStrictEqual(Object.keys(action.inputs), ['paths', 'today', 'fail-on', 'new-since', 'sarif-file', 'comment', 'github-token']);
    assert.strictEqual(action.runs.steps[0].run, 'node "$GITHUB_ACTION_PATH/action/run.mjs"');
  });

  it('in a pull request: annotations and summary of what is new, the relationship diff, SARIF of everything, outputs, exit 1 on a new error', async () => {
    const r = await runStep(repo, { today: TODAY });
    assert.strictEqual(r.status, 1, r.stdout);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.deepStrictEqual(annotations, [
      "::error file=northwind.partnership.yaml,line=114,col=12,endLine=114,endColumn=21,title=unknown-reference::Unknown person 'lmartinez' in owner (did you mean 'lmartin'?)",
    ]);
    assert.match(r.summary, /^## Partnership check: ❌ 1 problem \(1 error, 0 warnings, 0 infos\)$/m);
    assert.match(r.summary, /^## Partnership diff since `main`$/m);
    assert.match(r.summary, /\| • \| \[\d+\]\(https:\/\/github\.com\/acme\/accounts\/blob\/[0-9a-f]{40}\/northwind\.partnership\.yaml#L\d+\) \| C-3 'Driver shift and rest-break rules in the planner' done on 2026-11-20 \(due 2026-11-13\) \|/);
    assert.deepStrictEqual(r.outputs, { 'sarif-file': 'partnership.sarif', errors: '1', warnings: '0' });
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'partnership.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    const rules = sarif.runs[0].results.map((x) => x.ruleId);
    assert.ok(rules.includes('unknown-reference') && rules.includes('commitment-overdue'), `SARIF holds old and new problems: ${rules.join(', ')}`);
  });

  it('fail-on never passes the job; fail-on warning fails on a new warning; an invalid fail-on is refused', async () => {
    assert.strictEqual((await runStep(repo, { today: TODAY, 'fail-on': 'never' })).status, 0);
    // Against the base itself, nothing is new: even fail-on warning passes.
    assert.strictEqual((await runStep(repo, { today: TODAY, 'fail-on': 'warning', 'new-since': 'HEAD' })).status, 0);
    // Without a base (a push, not a pull request), every warning of northwind counts.
    const push = await runStep(repo, { today: TODAY, 'fail-on': 'warning' }, { GITHUB_BASE_REF: '' });
    assert.strictEqual(push.status, 1, push.stdout);
    assert.ok(Number(push.outputs.warnings) >= 4, JSON.stringify(push.outputs));
    assert.doesNotMatch(push.summary, /Partnership diff/);
    const bad = await runStep(repo, { today: TODAY, 'fail-on': 'sometimes' });
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stdout, /^::error title=partnership::fail-on must be error, warning or never, not 'sometimes'$/m);
  });

  it('paths: one per line, a path with spaces kept whole; on one line, separated by spaces', async () => {
    fs.mkdirSync(path.join(repo, 'key accounts'));
    fs.writeFileSync(path.join(repo, 'key accounts', 'globex.partnership.yaml'), 'version: 1\npartnership: [\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-gpg-sign', '-m', 'a broken file in a folder with a space');
    const lines = await runStep(repo, { today: TODAY, 'fail-on': 'never', paths: 'key accounts\nnorthwind.partnership.yaml\n' }, { GITHUB_BASE_REF: '' });
    assert.strictEqual(lines.status, 0, lines.stdout);
    assert.match(lines.summary, /key accounts\/globex\.partnership\.yaml/);
    assert.doesNotMatch(lines.stdout, /not found|No such file/i);
    // On one line, 'key accounts' is two paths, neither of which exists: the CLI says so (exit 2).
    const spaces = await runStep(repo, { today: TODAY, 'fail-on': 'never', paths: 'key accounts northwind.partnership.yaml' }, { GITHUB_BASE_REF: '' });
    assert.strictEqual(spaces.status, 2, spaces.stdout);
  });

  it('keeps one sticky pull-request comment with the relationship diff', async () => {
    const api = await fakeGithub();
    try {
      await runStep(repo, { today: TODAY, comment: 'true' }, { GITHUB_API_URL: api.url });
      await runStep(repo, { today: TODAY, comment: 'true' }, { GITHUB_API_URL: api.url });
      assert.deepStrictEqual(
        api.requests.map((q) => `${q.method} ${q.url.replace(/\?.*/, '')}`),
        ['GET /repos/acme/accounts/issues/7/comments', 'POST /repos/acme/accounts/issues/7/comments', 'GET /repos/acme/accounts/issues/7/comments', 'PATCH /repos/acme/accounts/issues/comments/42'],
      );
      assert.ok(api.requests.every((q) => q.auth === 'Bearer ghs_test_token'));
      assert.match(api.requests[1].body!.body, /^<!-- partnership-diff -->\n## Partnership diff since `main`\n/);
    } finally {
      await api.close();
    }
  });

  it('the pre-commit hook runs the installed CLI on the staged partnership files only', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string; pass_filenames: boolean }[];
    assert.deepStrictEqual(hooks.map((h) => h.id), ['partnership-check']);
    const [hook] = hooks;
    const staged = ['northwind.partnership.yaml', 'README.md'].filter((f) => new RegExp(hook.files).test(f));
    assert.deepStrictEqual(staged, ['northwind.partnership.yaml']);
    // What pre-commit runs: the entry and the file names, in a project that has the package (here, its bin).
    const bin = path.join(repo, 'node_modules', '.bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'dist', 'cli.js'), path.join(bin, 'partnership'));
    fs.chmodSync(path.join(ROOT, 'dist', 'cli.js'), 0o755);
    fs.writeFileSync(path.join(repo, 'package.json'), '{ "name": "accounts", "private": true }');
    let status = 0;
    let stdout = '';
    try {
      stdout = execFileSync('sh', ['-c', `${hook.entry} --today ${TODAY} "$@"`, 'hook', ...staged], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true' } });
    } catch (err) {
      status = (err as { status: number }).status;
      stdout = (err as { stdout: string }).stdout;
    }
    assert.strictEqual(status, 1, 'the new error blocks the commit');
    assert.match(stdout, /^ {2}114:12 +error +Unknown person 'lmartinez' in owner \(did you mean 'lmartin'\?\) +unknown-reference$/m);
  });
});
