// The GitHub Action's one step (action.yml runs it with the runner's Node): checks the partnership
// files, writes the job summary, annotations and SARIF, optionally a sticky pull-request comment
// with the relationship diff, and fails the job as `fail-on` says. Plain Node, no dependencies:
// the CLI does every judgement; this file only calls it and moves its outputs where GitHub reads them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '<!-- partnership-diff -->';
const env = process.env;
const input = (name, fallback = '') => (env[`INPUT_${name.toUpperCase().replace(/ /g, '_')}`] ?? '').trim() || fallback;

function fail(message) {
  process.stdout.write(`::error title=partnership::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exit(2);
}

/** The CLI to run: PARTNERSHIP_CLI, else the bundle beside this action (a checkout that built it), else the npm package at this version. */
function cliCommand() {
  if (env.PARTNERSHIP_CLI) return [process.execPath, env.PARTNERSHIP_CLI];
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, '..', 'dist', 'cli.js');
  if (fs.existsSync(bundled)) return [process.execPath, bundled];
  const version = JSON.parse(fs.readFileSync(path.join(here, '..', 'package.json'), 'utf8')).version;
  const prefix = path.join(env.RUNNER_TEMP || fs.mkdtempSync(path.join(process.cwd(), '.partnership-')), 'partnership-cli');
  const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `partnership@${version}`], { stdio: 'inherit' });
  if (install.status !== 0) fail(`could not install partnership@${version} from npm`);
  return [process.execPath, path.join(prefix, 'node_modules', 'partnership', 'dist', 'cli.js')];
}

function run(cli, args) {
  // The CLI reads files a pull request brought: it gets no token.
  const { 'INPUT_GITHUB-TOKEN': _token, GITHUB_TOKEN: _ghToken, ...cliEnv } = env;
  const r = spawnSync(cli[0], [...cli.slice(1), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...cliEnv, NO_COLOR: '1' } });
  if (r.error) fail(`partnership ${args[0]} did not run: ${r.error.message}`);
  return r;
}

function git(args) {
  return spawnSync('git', args, { encoding: 'utf8' });
}

/** The base to compare with: the `new-since` input, else the pull request's base branch (fetched when missing). */
function baseRevision() {
  const given = input('new-since');
  if (given) return given;
  const branch = env.GITHUB_BASE_REF;
  if (!branch) return '';
  for (const candidate of [`origin/${branch}`, branch]) {
    if (git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]).status === 0) return candidate;
  }
  git(['fetch', '--no-tags', '--depth=1', 'origin', branch]);
  if (git(['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}']).status === 0) return git(['rev-parse', 'FETCH_HEAD']).stdout.trim();
  fail(`the pull request's base '${branch}' is not in the checkout: use actions/checkout with fetch-depth: 0`);
}

function appendFile(file, text) {
  if (file) fs.appendFileSync(file, text);
}

function setOutput(name, value) {
  appendFile(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

async function stickyComment(body) {
  const token = input('github-token');
  const repo = env.GITHUB_REPOSITORY;
  const event = env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH) ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  const number = event.pull_request?.number;
  if (!token || !repo || !number) {
    process.stdout.write('partnership: no pull request (or no token): the diff stays in the job summary\n');
    return;
  }
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', 'user-agent': 'partnership-action' };
  const list = await fetch(`${api}/repos/${repo}/issues/${number}/comments?per_page=100`, { headers });
  if (!list.ok) fail(`could not list the pull request's comments: HTTP ${list.status}`);
  const existing = (await list.json()).find((c) => typeof c.body === 'string' && c.body.includes(MARKER));
  const url = existing ? `${api}/repos/${repo}/issues/comments/${existing.id}` : `${api}/repos/${repo}/issues/${number}/comments`;
  const sent = await fetch(url, { method: existing ? 'PATCH' : 'POST', headers, body: JSON.stringify({ body: `${MARKER}\n${body}` }) });
  if (!sent.ok) fail(`could not ${existing ? 'update' : 'post'} the pull request comment: HTTP ${sent.status}`);
}

async function main() {
  const failOn = input('fail-on', 'error');
  if (!['error', 'warning', 'never'].includes(failOn)) fail(`fail-on must be error, warning or never, not '${failOn}'`);
  // One path per line (as actions/upload-artifact takes them), so a path may contain spaces; on one
  // line, paths are separated by spaces.
  const rawPaths = input('paths', '.');
  const paths = (rawPaths.includes('\n') ? rawPaths.split(/\r?\n/).map((p) => p.trim()) : rawPaths.split(/\s+/)).filter(Boolean);
  const today = input('today');
  const sarifFile = input('sarif-file', 'partnership.sarif');
  const common = [...(today ? ['--today', today] : [])];
  const cli = cliCommand();
  const base = baseRevision();
  const since = base ? ['--new-since', base] : [];

  // SARIF holds every problem: code scanning tracks what is new itself.
  const sarif = run(cli, ['check', ...paths, ...common, '--format', 'sarif', '--output', sarifFile]);
  if (sarif.status === 2) fail(`partnership check could not run: ${sarif.stderr.trim()}`);
  setOutput('sarif-file', sarifFile);

  // Annotations, the summary and the verdict: only what this change brought when there is a base.
  const annotations = run(cli, ['check', ...paths, ...common, ...since, '--format', 'github']);
  process.stdout.write(annotations.stdout);
  const summary = run(cli, ['check', ...paths, ...common, ...since, '--format', 'markdown']);
  appendFile(env.GITHUB_STEP_SUMMARY, summary.stdout + '\n');
  const json = run(cli, ['check', ...paths, ...common, ...since, '--format', 'json']);
  const files = JSON.parse(json.stdout || '[]');
  const errors = files.reduce((n, f) => n + f.errorCount, 0);
  const warnings = files.reduce((n, f) => n + f.warningCount, 0);
  setOutput('errors', errors);
  setOutput('warnings', warnings);

  if (base) {
    const diff = run(cli, ['diff', base, ...paths, ...common, '--format', 'markdown']);
    if (diff.status === 2) fail(`partnership diff could not run: ${diff.stderr.trim()}`);
    appendFile(env.GITHUB_STEP_SUMMARY, diff.stdout + '\n');
    if (input('comment', 'false') === 'true') await stickyComment(diff.stdout);
  }

  const failed = failOn === 'error' ? errors > 0 : failOn === 'warning' ? errors + warnings > 0 : false;
  process.stdout.write(`partnership: ${errors} error(s), ${warnings} warning(s)${base ? ` new since ${base}` : ''}; fail-on: ${failOn}\n`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => fail(String(err?.message ?? err)));
