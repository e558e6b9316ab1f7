// The npm package reviewers install: `npm pack` gives a tarball holding only what runs, and an
// empty project that installs it (offline: nothing else is fetched) runs the README's CI lines,
// `partnership --version` and the language server over stdio.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertBuilt, ROOT } from './cliHelpers';

/** What the tarball may hold, and must: the bundles, the schema, the rule pages, and npm's own three. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/(cli|server)\.js$/, /^dist\/warmUpSample\.yaml$/, /^schemas\/[\w.-]+\.json$/, /^docs\/rules\/[\w-]+\.md$/];
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/server.js', 'schemas/partnership.schema.json', 'docs/rules/commitment-overdue.md'];
/** A budget, not a measurement: today the tarball is about 0.45 MB. */
const MAX_TARBALL_BYTES = 1_000_000;

function sh(command: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  // npm_config_offline: npm and npx may use the cache and the tarball only, never the registry.
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The `- run: npx partnership …` lines of the README's CI section, in order. */
function readmeCiCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### In CI'), readme.indexOf('## Configuration'));
  assert.ok(section.includes('npm install --save-dev partnership'), 'README tells how to install the package');
  return [...section.matchAll(/^- run: (npx partnership .*)$/gm)].map((m) => m[1].trim());
}

/** Send one LSP message (Content-Length framing) and read the first response with that id. */
function initializeOverStdio(bin: string, cwd: string): Promise<{ serverInfo?: { name: string; version?: string }; capabilities: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('no answer to initialize within 20 s'));
    }, 20_000);
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString('ascii'))?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1) {
          clearTimeout(timer);
          child.kill();
          if (message.error) reject(new Error(JSON.stringify(message.error)));
          else resolve(message.result);
        }
      }
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

describe('the npm package', function () {
  this.timeout(180_000);
  let scratch: string;
  let tarball: string;
  let files: string[];
  let size: number;
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  before(() => {
    assertBuilt();
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-pack-')));
    const packed = sh(`npm pack --json --pack-destination "${scratch}"`, ROOT);
    assert.strictEqual(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; files: { path: string }[] }[];
    tarball = path.join(scratch, info.filename);
    files = info.files.map((f) => f.path).sort();
    size = info.size;
  });

  after(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('holds only what runs: the bundles, the schema, the rule pages, within its size budget', () => {
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepStrictEqual(stray, [], 'no sources, tests, source maps or fixtures');
    for (const f of REQUIRED) assert.ok(files.includes(f), `${f} is packed`);
    assert.ok(size < MAX_TARBALL_BYTES, `the tarball is ${size} bytes (budget ${MAX_TARBALL_BYTES})`);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(manifest.private, undefined, 'publishable: not private');
    assert.deepStrictEqual(manifest.dependencies, undefined, 'nothing to install with it: every dependency is bundled');
  });

  it('installs into an empty project offline, and runs the README CI lines, --version and the language server', async () => {
    const project = path.join(scratch, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'accounts', version: '1.0.0', private: true }));
    const install = sh(`npm install --save-dev "${tarball}"`, project);
    assert.strictEqual(install.status, 0, install.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['partnership'], 'only the package itself is installed');
    fs.mkdirSync(path.join(project, 'accounts'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/cli/problems/globex-rollout.partnership.yaml'), path.join(project, 'accounts', 'globex.partnership.yaml'));

    const versionRun = sh('npx partnership --version', project);
    assert.deepStrictEqual([versionRun.status, versionRun.stdout], [0, `${version}\n`]);

    const commands = readmeCiCommands();
    assert.deepStrictEqual(commands, ['npx partnership check --format sarif --output partnership.sarif', 'npx partnership check --format github']);
    // The fixture has an unknown person (an error): check exits 1, and still writes its report.
    const sarifRun = sh(commands[0], project);
    assert.strictEqual(sarifRun.status, 1, sarifRun.stderr);
    const sarif = JSON.parse(fs.readFileSync(path.join(project, 'partnership.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.strictEqual(sarif.version, '2.1.0');
    const unknown = sarif.runs[0].results.find((r) => r.ruleId === 'unknown-reference');
    assert.ok(unknown, 'the error is in the SARIF');
    assert.strictEqual(unknown.locations[0].physicalLocation.artifactLocation.uri, 'accounts/globex.partnership.yaml');

    const githubRun = sh(commands[1], project);
    assert.strictEqual(githubRun.status, 1, githubRun.stderr);
    assert.match(githubRun.stdout, /^::error file=accounts\/globex\.partnership\.yaml,line=66,col=12,endLine=66,endColumn=17,title=unknown-reference::Unknown person 'bsmth' in owner$/m);

    const init = await initializeOverStdio(path.join(project, 'node_modules', '.bin', 'partnership-language-server'), project);
    assert.strictEqual(init.serverInfo?.name, 'partnership-language-server');
    assert.strictEqual(init.serverInfo?.version, version);
    assert.ok(init.capabilities.textDocumentSync !== undefined, 'the server announces document sync');
  });
});
