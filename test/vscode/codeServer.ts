/**
 * Real-VS-Code test infrastructure: code-server 4.100.3 (VS Code 1.100.3 with a real Node
 * extension host) driven by Debian chromium through playwright-core. See README.md beside this
 * file, and run `bash test/vscode/setup-code-server.sh` once to install what this needs.
 *
 * Everything a run writes (HOME, XDG_*, TMPDIR, user data, extensions) goes to a fresh temp
 * folder, and code-server runs in its own process group so that stopping it also ends its file
 * watchers and extension host.
 */
import { spawn, execFile, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SETUP_HINT = 'run `bash test/vscode/setup-code-server.sh`';

/** Chromium flags from REAL-VSCODE.md: no sandbox (root), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** User settings written into every instance's user-data-dir: a quiet, deterministic workbench. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
};

// ------------------------------------------------------------------------------------ paths

function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'test', 'vscode', 'setup-code-server.sh'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The repository this module belongs to (works from `test/vscode/` and `out/test/vscode/`). */
export const REPO_ROOT = findRepoRoot();

/** Where setup-code-server.sh installs code-server (override with CODE_SERVER_DIR). */
export function codeServerDir(): string {
  return process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.cache', 'code-server');
}

/** Folder for screenshots and logs (override with TEST_RESULTS_DIR). */
export function testResultsDir(): string {
  return process.env.TEST_RESULTS_DIR || path.join(REPO_ROOT, 'test-results');
}

/**
 * Path of code-server's entry script; throws an Error telling to run the setup script when
 * code-server (at CODE_SERVER_VERSION) or chromium is missing.
 */
export function checkPrerequisites(): { entry: string; chromium: string } {
  const pkgDir = path.join(codeServerDir(), 'node_modules', 'code-server');
  const entry = path.join(pkgDir, 'out', 'node', 'entry.js');
  let version: string | undefined;
  try {
    version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    version = undefined;
  }
  if (!version || !fs.existsSync(entry)) {
    throw new Error(`code-server is not installed in ${codeServerDir()}: ${SETUP_HINT}`);
  }
  if (version !== CODE_SERVER_VERSION) {
    throw new Error(`code-server ${version} found in ${codeServerDir()}, ${CODE_SERVER_VERSION} needed: ${SETUP_HINT}`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`chromium is missing (${CHROMIUM_PATH}): ${SETUP_HINT}`);
  }
  return { entry, chromium: CHROMIUM_PATH };
}

// ------------------------------------------------------------------------------ code-server

export interface StartOptions {
  /** Folder opened when the workbench URL has no `folder` parameter. */
  workspaceFolder?: string;
  /** VSIX files to install (with --install-extension) before the server starts. */
  vsix?: string[];
  /** Extra user settings, merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Port on 127.0.0.1; default: a free one. */
  port?: number;
  /** How long to wait for /healthz (default 60 s). */
  startTimeoutMs?: number;
  /** Forward code-server's own output to stderr (also on with VSCODE_TEST_VERBOSE=1). */
  verbose?: boolean;
  /** Keep the temp folder after stop (also on with VSCODE_TEST_KEEP=1). */
  keepTempDir?: boolean;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** 127.0.0.1:PORT: the remote authority of vscode-remote:// URIs. */
  readonly authority: string;
  /** Pid of code-server, which is also its process group id. */
  readonly pid: number;
  readonly process: ChildProcess;
  /** Temp folder holding home/, config/, data/, cache/, tmp/, user-data/, extensions/. */
  readonly tempDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's stdout+stderr. */
  readonly logFile: string;
  /** Environment code-server runs with (isolated HOME, XDG_*, TMPDIR). */
  readonly env: NodeJS.ProcessEnv;
  readonly keepTempDir: boolean;
}

const running = new Set<CodeServer>();
const chromiumHomes = new Set<string>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a code-server process group behind when this process exits.
  process.on('exit', () => {
    for (const home of chromiumHomes) fs.rmSync(home, { recursive: true, force: true });
    for (const server of running) {
      killGroup(server.pid, 'SIGKILL');
      if (!server.keepTempDir) {
        try {
          fs.rmSync(server.tempDir, { recursive: true, force: true });
        } catch {
          /* best effort */
        }
      }
    }
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function isolatedEnv(tempDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI & co. (set inside a VS Code terminal) make code-server hand the
    // folder to that other instance instead of starting; ELECTRON_RUN_AS_NODE is noise too.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    // code-server reads these as its own configuration.
    if (key === 'PASSWORD' || key === 'HASHED_PASSWORD' || key === 'PORT' || key.startsWith('CODE_SERVER_')) continue;
    env[key] = value;
  }
  env.HOME = path.join(tempDir, 'home');
  env.XDG_CONFIG_HOME = path.join(tempDir, 'config');
  env.XDG_DATA_HOME = path.join(tempDir, 'data');
  env.XDG_CACHE_HOME = path.join(tempDir, 'cache');
  env.XDG_RUNTIME_DIR = path.join(tempDir, 'runtime');
  env.TMPDIR = path.join(tempDir, 'tmp');
  // No extension gallery (open-vsx.org by default): nothing to reach offline, and tests must
  // not depend on it. '{}' leaves the gallery without a serviceUrl, which disables it.
  env.EXTENSIONS_GALLERY = '{}';
  for (const dir of [env.HOME, env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.XDG_RUNTIME_DIR, env.TMPDIR]) {
    fs.mkdirSync(dir!, { recursive: true, mode: 0o700 });
  }
  return env;
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function healthz(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** Run code-server's CLI (e.g. --install-extension) with the dirs and env of `target`. */
function runCli(entry: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [entry, ...args], { env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (err) reject(new Error(`code-server ${args.join(' ')} failed: ${err.message}\n${out}`));
      else resolve(out);
    });
  });
}

/**
 * Install a VSIX into the server's extensions dir (`code-server --install-extension`). Works
 * before or while the server runs; a workbench opened afterwards sees the extension.
 */
export async function installVsix(server: Pick<CodeServer, 'userDataDir' | 'extensionsDir' | 'env'>, vsixPath: string): Promise<void> {
  const { entry } = checkPrerequisites();
  const abs = path.resolve(vsixPath);
  if (!fs.existsSync(abs)) throw new Error(`VSIX not found: ${abs}`);
  const out = await runCli(
    entry,
    ['--user-data-dir', server.userDataDir, '--extensions-dir', server.extensionsDir, '--install-extension', abs, '--force'],
    server.env,
  );
  if (/\b(failed|error)\b/i.test(out) && !/successfully installed/i.test(out)) {
    throw new Error(`installing ${abs} failed:\n${out}`);
  }
}

async function spawnOnce(entry: string, port: number, tempDir: string, env: NodeJS.ProcessEnv, opts: StartOptions): Promise<CodeServer> {
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  const logFile = path.join(tempDir, `code-server-${port}.log`);
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (opts.workspaceFolder) args.push(path.resolve(opts.workspaceFolder));
  const verbose = opts.verbose ?? process.env.VSCODE_TEST_VERBOSE === '1';
  const log = fs.createWriteStream(logFile);
  const child = spawn(process.execPath, args, { env, cwd: env.HOME, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (verbose) process.stderr.write(chunk);
    });
  }
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
    log.end();
  });
  child.on('error', (err) => (exited = `failed to start: ${err.message}`));
  const server: CodeServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    authority: `127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    process: child,
    tempDir,
    userDataDir,
    extensionsDir,
    logFile,
    env,
    keepTempDir: opts.keepTempDir ?? process.env.VSCODE_TEST_KEEP === '1',
  };
  if (child.pid) running.add(server);
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) break;
    if (await healthz(server.url)) return server;
    await sleep(100);
  }
  const reason = exited ?? `did not answer ${server.url}/healthz within ${opts.startTimeoutMs ?? 60_000} ms`;
  await stopCodeServer(server, { keepTempDir: true });
  throw new Error(`code-server ${reason}\n${tail(logFile)}`);
}

/**
 * Start code-server on a free 127.0.0.1 port with isolated HOME, XDG_* and TMPDIR under a new temp
 * folder, in its own process group; resolves once /healthz answers 200.
 */
export async function startCodeServer(opts: StartOptions = {}): Promise<CodeServer> {
  const { entry } = checkPrerequisites();
  installExitHook();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  const env = isolatedEnv(tempDir);
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2),
  );
  try {
    for (const vsix of opts.vsix ?? []) await installVsix({ userDataDir, extensionsDir, env }, vsix);
  } catch (err) {
    if (!(opts.keepTempDir ?? process.env.VSCODE_TEST_KEEP === '1')) fs.rmSync(tempDir, { recursive: true, force: true });
    throw err;
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await spawnOnce(entry, port, tempDir, env, opts);
    } catch (err) {
      lastError = err;
      // Another process took the port between freePort() and listen(): try another one.
      if (opts.port || !/EADDRINUSE/.test(String(err))) break;
    }
  }
  if (!(opts.keepTempDir ?? process.env.VSCODE_TEST_KEEP === '1')) fs.rmSync(tempDir, { recursive: true, force: true });
  throw lastError;
}

/**
 * Stop code-server: SIGTERM to its whole process group, SIGKILL after `graceMs` (default 3 s),
 * then remove its temp folder unless kept.
 */
export async function stopCodeServer(server: CodeServer, opts: { keepTempDir?: boolean; graceMs?: number } = {}): Promise<void> {
  running.delete(server);
  if (server.pid > 0) {
    const child = server.process;
    const exited =
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (killGroup(server.pid, 'SIGTERM')) {
      await Promise.race([exited, sleep(opts.graceMs ?? 3000)]);
    }
    // Watchers and the extension host may outlive the main process: end the rest of the group.
    killGroup(server.pid, 'SIGKILL');
    await Promise.race([exited, sleep(1000)]);
  }
  if (!(opts.keepTempDir ?? server.keepTempDir)) {
    fs.rmSync(server.tempDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

// ---------------------------------------------------------------------------------- browser

/** Launch Debian chromium headless through playwright-core (never `playwright install`). */
export async function launchChromium(opts: { headless?: boolean } = {}): Promise<Browser> {
  checkPrerequisites();
  let pw: typeof import('playwright-core');
  try {
    pw = require('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run `npm install` in the repository');
  }
  // Chromium's crashpad and dconf write under $HOME/.config and $HOME/.cache: give it its own.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-chromium-'));
  chromiumHomes.add(home);
  const removeHome = () => {
    chromiumHomes.delete(home);
    fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') });
  installExitHook();
  try {
    const browser = await pw.chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: opts.headless ?? true,
      args: CHROMIUM_ARGS,
      env,
    });
    browser.on('disconnected', removeHome);
    return browser;
  } catch (err) {
    removeHome();
    throw err;
  }
}

function remoteUri(server: Pick<CodeServer, 'authority'>, fsPath: string): string {
  const abs = path.resolve(fsPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${server.authority}${abs}`;
}

export interface WorkbenchUrlOptions {
  /** Folder to open. */
  folder?: string;
  /** Load this extension folder as under development (like --extensionDevelopmentPath). */
  extensionDevelopmentPath?: string;
  /** Run this tests module in the extension host (like --extensionTestsPath). */
  extensionTestsPath?: string;
}

/**
 * The workbench URL; development extension and tests are passed through the `payload`
 * parameter, as @vscode/test-web does (code-server has no --extensionDevelopmentPath flag).
 */
export function workbenchUrl(server: Pick<CodeServer, 'url' | 'authority'>, opts: WorkbenchUrlOptions = {}): string {
  const params = new URLSearchParams();
  if (opts.folder) params.set('folder', path.resolve(opts.folder));
  const payload: [string, string][] = [];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, opts.extensionDevelopmentPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, opts.extensionTestsPath)]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  const query = params.toString();
  return `${server.url}/${query ? `?${query}` : ''}`;
}

/** Workbench log lines of every run that say nothing about the tests (shown when verbose). */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating)/;

function formatLogArg(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg);
  } catch {
    return String(arg);
  }
}

/** Save a screenshot of `page` as test-results/<name>.png; returns its path. */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  const dir = testResultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ------------------------------------------------------------------------- extension tests

export interface RunExtensionTestsOptions {
  /** Folder of the extension under test (its package.json). */
  extensionDevelopmentPath: string;
  /** Compiled tests module exporting `run(): Promise<void>` (mocha inside). */
  extensionTestsPath: string;
  /** Folder opened in the workbench. */
  workspaceFolder: string;
  /** Whole-run limit, from starting code-server to the exit code (default 180 s). */
  timeoutMs?: number;
  /** Use this running server instead of starting (and stopping) one. */
  server?: CodeServer;
  /** VSIX files installed first (other extensions the tests need); ignored with `server`. */
  vsix?: string[];
  /** Extra user settings; ignored with `server`. */
  settings?: Record<string, unknown>;
  /** Where log lines go (default: stdout). */
  log?: (line: string) => void;
  /** Save the workbench's log files here (default test-results/vscode-logs; '' for none). */
  logsDir?: string;
  /** Forward the browser's own console output too (also on with VSCODE_TEST_VERBOSE=1). */
  verbose?: boolean;
}

/**
 * Run extension integration tests in code-server's real extension host and resolve with their
 * exit code (0 = all passed). Rejects on timeout, with the last lines of code-server's log.
 */
export async function runExtensionTests(opts: RunExtensionTestsOptions): Promise<number> {
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const verbose = opts.verbose ?? process.env.VSCODE_TEST_VERBOSE === '1';
  for (const [name, p] of [
    ['extensionDevelopmentPath', opts.extensionDevelopmentPath],
    ['extensionTestsPath', opts.extensionTestsPath],
    ['workspaceFolder', opts.workspaceFolder],
  ] as const) {
    if (!path.isAbsolute(p)) throw new Error(`${name} must be an absolute path: ${p}`);
    if (!fs.existsSync(p)) throw new Error(`${name} does not exist: ${p}`);
  }
  if (!fs.existsSync(path.join(opts.extensionDevelopmentPath, 'package.json'))) {
    throw new Error(`no package.json in extensionDevelopmentPath ${opts.extensionDevelopmentPath}`);
  }
  checkPrerequisites();

  const started = Date.now();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  const ownServer = !opts.server;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(
        new Error(
          `extension tests timed out after ${timeoutMs} ms (no codeAutomationExit): the tests module ` +
            `${opts.extensionTestsPath} did not finish, or the extension host never ran it` +
            (server ? `\n--- last lines of code-server's log:\n${tail(server.logFile)}` : ''),
        ),
      );
    }, timeoutMs);
  });

  const run = async (): Promise<number> => {
    const started_ = opts.server ?? (await startCodeServer({ vsix: opts.vsix, settings: opts.settings }));
    if (timedOut) {
      // The timeout already rejected and cleaned up: don't leave this late server behind.
      if (ownServer) await stopCodeServer(started_);
      throw new Error('timed out');
    }
    server = started_;
    log(`[vscode-test] code-server ${CODE_SERVER_VERSION} up at ${server.url} after ${Date.now() - started} ms`);
    browser = await launchChromium();
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    let finish!: (code: number) => void;
    const exitCode = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // args are console arguments, often printf-style ('%s (%dms)', title, ms) from mocha.
      const list = Array.isArray(args) ? args : [args];
      const text = typeof list[0] === 'string' ? util.format(...list) : list.map(formatLogArg).join(' ');
      if (!verbose && WORKBENCH_NOISE.test(text)) return;
      log(`[vscode ${type}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => {
      const dir = opts.logsDir ?? path.join(testResultsDir(), 'vscode-logs');
      if (dir && Array.isArray(logs)) {
        for (const file of logs) {
          const target = path.join(dir, file.relativePath);
          if (!target.startsWith(path.resolve(dir))) continue;
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, file.contents);
        }
      }
      finish(typeof code === 'number' ? code : 1);
    });
    // The extension host's console (the tests' console.log, mocha's reporter) arrives through
    // codeAutomationLog; the page's own console is workbench chatter, shown only when verbose.
    if (verbose) page.on('console', (msg) => log(`[browser ${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => log(`[browser pageerror] ${err.message}`));
    const url = workbenchUrl(server, {
      folder: opts.workspaceFolder,
      extensionDevelopmentPath: opts.extensionDevelopmentPath,
      extensionTestsPath: opts.extensionTestsPath,
    });
    log(`[vscode-test] opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    const code = await exitCode;
    log(`[vscode-test] tests exited with code ${code} after ${Date.now() - started} ms`);
    return code;
  };

  try {
    return await Promise.race([run(), timeout]);
  } catch (err) {
    if (server && fs.existsSync(server.logFile)) {
      // The temp folder goes away with the server: keep its log beside the screenshot.
      const kept = path.join(testResultsDir(), path.basename(server.logFile));
      fs.mkdirSync(testResultsDir(), { recursive: true });
      fs.copyFileSync(server.logFile, kept);
      log(`[vscode-test] code-server log: ${kept}`);
    }
    if (page && !page.isClosed()) {
      try {
        const shot = await takeScreenshot(page, `extension-tests-failure-${Date.now()}`);
        log(`[vscode-test] screenshot of the workbench: ${shot}`);
      } catch {
        /* the page may be gone */
      }
    }
    throw err;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    if (ownServer && server) await stopCodeServer(server);
  }
}

// ------------------------------------------------------------------------------- UI tests

const workbenchCleanups = new WeakMap<Page, () => Promise<void>>();

export interface OpenWorkbenchOptions {
  /** Use this running server instead of starting one (closeWorkbench won't stop it). */
  server?: CodeServer;
  /** VSIX files installed before start (ignored with `server`). */
  vsix?: string[];
  /** Load an extension folder as under development. */
  extensionDevelopmentPath?: string;
  /** Extra user settings (ignored with `server`). */
  settings?: Record<string, unknown>;
  /** How long to wait for `.monaco-workbench` (default 60 s). */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

/**
 * Open `folder` in the workbench as a person would see it and return the playwright Page once
 * `.monaco-workbench` is shown. Starts code-server (unless given) and chromium; close both with
 * closeWorkbench(page).
 */
export async function openWorkbench(folder: string, opts: OpenWorkbenchOptions = {}): Promise<Page> {
  const server = opts.server ?? (await startCodeServer({ vsix: opts.vsix, settings: opts.settings }));
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const url = workbenchUrl(server, { folder, extensionDevelopmentPath: opts.extensionDevelopmentPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeoutMs ?? 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: opts.timeoutMs ?? 60_000 });
    const b = browser;
    workbenchCleanups.set(page, async () => {
      await b.close().catch(() => undefined);
      if (!opts.server) await stopCodeServer(server);
    });
    return page;
  } catch (err) {
    await browser?.close().catch(() => undefined);
    if (!opts.server) await stopCodeServer(server);
    throw err;
  }
}

/** Close a page from openWorkbench: its browser, and its code-server unless one was passed. */
export async function closeWorkbench(page: Page): Promise<void> {
  const cleanup = workbenchCleanups.get(page);
  workbenchCleanups.delete(page);
  if (cleanup) await cleanup();
  else await page.context().browser()?.close();
}

// --------------------------------------------------------------- driving the UI (helpers)

/** Pick the first quick-input row containing `text` once it is listed, then press Enter. */
async function acceptQuickInput(page: Page, text: string, timeoutMs: number): Promise<void> {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
  // Enter before the row is listed does nothing (file search and the command list fill in late).
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
}

/** Open a workspace file with Ctrl+P as a person would; resolves when its editor tab is active. */
export async function quickOpen(page: Page, fileName: string, timeoutMs = 20_000): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(fileName);
  await acceptQuickInput(page, path.basename(fileName), timeoutMs);
  await page
    .locator('.tabs-container .tab.active', { hasText: path.basename(fileName) })
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Run a command by its title through the command palette (F1). */
export async function runCommand(page: Page, title: string, timeoutMs = 20_000): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(title);
  await acceptQuickInput(page, title, timeoutMs);
}

/** Show the Problems panel (Ctrl+Shift+M) and return the text of its rows. */
export async function problems(page: Page, timeoutMs = 20_000): Promise<string[]> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: timeoutMs });
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}
