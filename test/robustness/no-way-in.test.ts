// No way in: the schema's validator is generated at build time, so at run time no schema is compiled
// and no code is generated or evaluated; loading the config never fetches anything; the schema's
// $refs resolve only inside the bundled schema; the CLI and the language server, run on
// hostile files with every network, process-spawning and code-evaluating entry point of Node
// trapped, touch none of them; and the extension declares how it behaves in an untrusted
// workspace, and in one does nothing that writes files.
import * as assert from 'assert';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT } from '../../server/src/lsp/protocol';
import { AJV_OPTIONS } from '../../server/src/build/schemaValidator';
import { PARTNERSHIP_SCHEMA } from '../../server/src/service';
import { run, TODAY, workspace, cleanup } from '../cli/cliHelpers';
import { TestClient } from '../lsp/client';
import { billionLaughs } from './inputs';
import { inChild, ROOT } from './util';

const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Every `$ref` in a JSON value, with where it is. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refs(v, `${at}/${k}`)));
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A preload for child processes: every way out of the process (network, child processes, other
 * JavaScript contexts, workers) throws and is written to a log, so a test can prove none is used.
 */
const TRAP = `
const fs = require('fs');
const log = process.env.PARTNERSHIP_TRAP_LOG;
const trap = (what) => function () {
  fs.appendFileSync(log, what + '\\n');
  throw new Error('blocked: ' + what);
};
const targets = {
  http: ['request', 'get'], https: ['request', 'get'], http2: ['connect'], net: ['connect', 'createConnection'], tls: ['connect'],
  dgram: ['createSocket'], dns: ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'],
  child_process: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  vm: ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'createContext'], worker_threads: ['Worker'],
};
for (const [name, fns] of Object.entries(targets)) {
  const m = require(name);
  for (const fn of fns) m[fn] = trap(name + '.' + fn);
}
globalThis.fetch = trap('fetch');
globalThis.WebSocket = trap('WebSocket');
`;

describe('robustness: no way in', function () {
  this.timeout(120_000);

  describe('the schema', () => {
    it('every $ref is local ("#/…") and resolves inside the bundled schema', () => {
      const all = refs(PARTNERSHIP_SCHEMA);
      assert.ok(all.length > 20, `only ${all.length} $refs`);
      for (const [at, ref] of all) {
        assert.match(ref, /^#\//, `${at}: $ref ${ref} is not local`);
        assert.notStrictEqual(resolvePointer(PARTNERSHIP_SCHEMA, ref), undefined, `${at}: $ref ${ref} resolves to nothing`);
      }
      const text = JSON.stringify(PARTNERSHIP_SCHEMA);
      for (const keyword of ['$dynamicRef', '$recursiveRef', '$dynamicAnchor', '"$anchor"']) assert.ok(!text.includes(keyword), `${keyword} in the schema`);
      assert.strictEqual((PARTNERSHIP_SCHEMA as { $schema: string }).$schema, 'http://json-schema.org/draft-07/schema#', 'a meta-schema Ajv has built in');
    });

    it('the editor gets the schema from the extension, not from a URL', () => {
      for (const v of PACKAGE.contributes.yamlValidation) assert.match(v.url, /^\.\/schemas\/[\w.-]+\.json$/);
    });

    it('the schema is never compiled at run time and no code is generated or evaluated, from loading the service through any file', () => {
      const { result } = inChild<{ constructed: number; compiles: number; traps: string[]; diagnostics: string[] }>(
        `
        // The traps are set before the service is loaded: its validator was generated at build time.
        const traps = [];
        const RealFunction = Function;
        globalThis.Function = new Proxy(RealFunction, { construct(t, a) { traps.push('new Function'); return Reflect.construct(t, a); }, apply(t, s, a) { traps.push('Function()'); return Reflect.apply(t, s, a); } });
        const realEval = globalThis.eval;
        globalThis.eval = (...a) => { traps.push('eval'); return realEval(...a); };
        const core = require('ajv/dist/core');
        let constructed = 0;
        let compiles = 0;
        const compile = core.default.prototype.compile;
        core.default.prototype.compile = function (...args) { compiles++; return compile.apply(this, args); };
        core.default.prototype.compileAsync = function () { compiles++; throw new Error('compileAsync'); };
        const addVocabulary = core.default.prototype.addVocabulary;
        core.default.prototype.addVocabulary = function (...args) { constructed++; return addVocabulary.apply(this, args); };
        const svc = require(OUT + '/server/src/service');
        const { HOSTILE } = require(OUT + '/test/robustness/inputs.js');
        const service = svc.createLanguageService({ fs: { readFile: () => 'rules: !!js/function "function(){}"\\n', exists: (p) => p.endsWith('.partnershiprc.yaml') } });
        const today = svc.parseDay('2026-11-23');
        const diagnostics = [];
        const texts = [
          'version: 1\\n',
          require('fs').readFileSync(OUT + '/../examples/acme-analytics.partnership.yaml', 'utf8'),
          'version: 1\\npartnership: {name: !!js/function "function () { return 1 }", customer: x}\\n',
          'version: 1\\n$ref: https://evil.example/schema.json\\npartnership: {name: a, customer: b, $schema: "http://evil.example"}\\n',
          HOSTILE['billion laughs'](),
        ];
        for (const text of texts) {
          for (const d of service.validate(text, '/w/a.partnership.yaml', { today })) diagnostics.push(d.code + ': ' + d.message.slice(0, 80));
          service.outline(text, '/w/a.partnership.yaml', { today });
          service.completion(text, { line: 1, character: 2 }, { today });
          service.hover(text, { line: 1, character: 2 }, { today });
          service.generateAgenda(text, '/w/a.partnership.yaml', today);
        }
        for (const p of service.configFor('/w/a.partnership.yaml').problems) diagnostics.push('config ' + p.code + ': ' + p.message.slice(0, 80));
        done({ constructed, compiles, traps, diagnostics });
        `,
        '',
        60_000,
      );
      assert.strictEqual(result.constructed, 0, 'an Ajv instance was created at run time');
      assert.strictEqual(result.compiles, 0, 'a schema was compiled at run time');
      assert.deepStrictEqual(result.traps, [], 'code generated or evaluated at run time');
      assert.ok(result.diagnostics.some((d) => /^schema: Missing required key 'partnership' in the file/.test(d)), result.diagnostics.join('\n'));
      assert.ok(result.diagnostics.some((d) => /^yaml-syntax: Tag '!!js\/function' is not supported/.test(d)), result.diagnostics.join('\n'));
      assert.ok(result.diagnostics.some((d) => /^config yaml-syntax: Tag '!!js\/function' is not supported/.test(d)), 'a tag in the config is reported too');
      assert.ok(result.diagnostics.some((d) => /^schema: Unknown key '\$ref'/.test(d)), 'a $ref in a partnership file is only an unknown key');
    });

    it('the bundled CLI and server carry no schema compiler (the build generated the validator without loadSchema)', () => {
      for (const bundle of ['dist/cli.js', 'dist/server.js']) {
        const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
        for (const needle of ['new Function', 'compileAsync', 'loadSchema']) assert.ok(!text.includes(needle), `${bundle} contains '${needle}'`);
      }
      assert.ok(!('loadSchema' in AJV_OPTIONS), 'the build-time Ajv has no loadSchema');
    });
  });

  describe('the CLI and the language server, with every way out trapped', () => {
    let dir: string;
    let trapFile: string;
    let log: string;
    before(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-trap-')));
      trapFile = path.join(dir, 'trap.js');
      log = path.join(dir, 'trapped.log');
      fs.writeFileSync(trapFile, TRAP);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    beforeEach(() => fs.writeFileSync(log, ''));
    const env = () => ({ NODE_OPTIONS: `--require ${trapFile}`, PARTNERSHIP_TRAP_LOG: log });

    it('the trap works: a process that reaches for the network or a shell is caught', () => {
      const reach = path.join(dir, 'reach.js');
      fs.writeFileSync(reach, "for (const f of [() => require('https').get('https://example.com'), () => require('child_process').execSync('true'), () => fetch('https://example.com')]) try { f(); } catch {}\n");
      run(['--version'], dir, { ...env(), NODE_OPTIONS: `--require ${trapFile} --require ${reach}` });
      assert.strictEqual(fs.readFileSync(log, 'utf8'), 'https.get\nchild_process.execSync\nfetch\n');
    });

    it('the CLI: check, agenda, report, init and schema on hostile files and configs', () => {
      const ws = workspace();
      try {
        fs.writeFileSync(path.join(ws, 'clean', '.partnershiprc.yaml'), 'rules: !!js/function "function () { require(\'child_process\').execSync(\'touch pwned\') }"\n');
        fs.writeFileSync(path.join(ws, 'warnings', 'tags.partnership.yaml'), `version: 1\npartnership:\n  name: !!python/object/apply:os.system ["touch pwned"]\n  customer: x\n`);
        fs.writeFileSync(path.join(ws, 'strained', 'bomb.partnership.yaml'), billionLaughs());
        const results = [
          run(['check', '.', '--today', TODAY, '--format', 'sarif'], ws, env()),
          run(['check', 'warnings', 'strained', '--today', TODAY], ws, env()),
          run(['agenda', 'strained/hooli-search.partnership.yaml', '--today', TODAY], ws, env()),
          run(['report', 'problems/globex-rollout.partnership.yaml', '--today', TODAY], ws, env()),
          run(['init', '--name', 'Trap', '--customer', 'Trap Inc', '--today', TODAY], ws, env()),
          run(['schema'], ws, env()),
        ];
        assert.deepStrictEqual(results.map((r) => r.status), [2, 1, 0, 0, 0, 0], results.map((r) => r.stderr).join('\n'));
        assert.match(results[0].stderr, /cannot read config|invalid config clean\/\.partnershiprc\.yaml:1:\d+: Tag '!!js\/function' is not supported/);
        assert.strictEqual(fs.readFileSync(log, 'utf8'), '', 'a way out was used');
        assert.ok(!fs.existsSync(path.join(ws, 'pwned')) && !fs.existsSync(path.join(ws, 'clean', 'pwned')));
      } finally {
        cleanup(ws);
      }
    });

    it('the language server: hostile documents, configs and commands', async () => {
      fs.mkdirSync(path.join(dir, 'team'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'team', '.partnershiprc.yaml'), 'rules: !!js/function "function () { return 1 }"\n');
      const previous = { NODE_OPTIONS: process.env.NODE_OPTIONS, PARTNERSHIP_TRAP_LOG: process.env.PARTNERSHIP_TRAP_LOG };
      Object.assign(process.env, env());
      let client: TestClient;
      try {
        client = TestClient.spawn({ reviewDate: TODAY });
      } finally {
        for (const [k, v] of Object.entries(previous)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
      try {
        await client.initialize(dir);
        const uri = pathToFileURL(path.join(dir, 'team', 'x.partnership.yaml')).href;
        const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'generate', 'meridian-billing.partnership.yaml'), 'utf8');
        await client.open(uri, text.replace('customer: Meridian Health', 'customer: !!js/function "function () { return 1 }"'), 1);
        const tagged = await client.diagnosticsFor(uri, 1);
        assert.match(tagged[0].message, /^Tag '!!js\/function' is not supported/);
        await client.change(uri, 2, [{ text }]);
        await client.diagnosticsFor(uri, 2);
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 2 } });
        await client.request('partnership/outline', { uri });
        await client.request('workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [uri] });
        await client.request('workspace/executeCommand', { command: COMMAND_GENERATE_REPORT, arguments: [uri] });
        await client.waitFor('the config problem', () => client.diagnostics.find((d) => d.uri.endsWith('.partnershiprc.yaml') && d.diagnostics.length > 0));
        assert.strictEqual(client.child!.exitCode, null, client.stderr);
      } finally {
        assert.strictEqual(await client.stop(), 0, client.stderr);
      }
      assert.strictEqual(fs.readFileSync(log, 'utf8'), '', 'a way out was used');
    });
  });

  describe('the extension in an untrusted workspace', () => {
    const WRITERS = ['partnership.newFile', 'partnership.generateAgenda', 'partnership.generateStatusReport', 'partnership.markStatusReportSent'];

    it('declares limited support, and says what is disabled', () => {
      const untrusted = PACKAGE.capabilities.untrustedWorkspaces;
      assert.strictEqual(untrusted.supported, 'limited');
      assert.match(untrusted.description, /Restricted Mode/);
      for (const words of ['New Partnership File', 'Generate Reset-Meeting Agenda', 'Generate Status Report', "Mark Today's Status Report as Sent"]) assert.ok(untrusted.description.includes(words), words);
    });

    it('every command that writes a file is disabled without trust, and hidden from every menu', () => {
      const commands = PACKAGE.contributes.commands as { command: string; enablement?: string }[];
      for (const id of WRITERS) {
        const c = commands.find((x) => x.command === id);
        assert.ok(c, id);
        assert.match(c.enablement ?? '', /\bisWorkspaceTrusted\b/, `${id} enablement`);
      }
      for (const [menu, entries] of Object.entries(PACKAGE.contributes.menus as Record<string, { command: string; when?: string }[]>)) {
        for (const e of entries) if (WRITERS.includes(e.command)) assert.match(e.when ?? '', /(^|&& )isWorkspaceTrusted\b/, `${menu}: ${e.command}`);
      }
      for (const w of PACKAGE.contributes.viewsWelcome as { contents: string; when: string }[]) {
        if (WRITERS.some((id) => w.contents.includes(`command:${id}`))) assert.match(w.when, /(^|&& )isWorkspaceTrusted\b/);
      }
    });

    /** The client modules with a stand-in `vscode` whose workspace is not trusted. */
    function loadClient(trusted: boolean) {
      const warnings: string[] = [];
      const handlers = new Map<string, (...args: unknown[]) => unknown>();
      let clientOptions: { middleware: { executeCommand: (command: string, args: unknown[], next: (c: string, a: unknown[]) => unknown) => Promise<unknown> } } | undefined;
      class Uri {
        constructor(readonly path: string) {}
        static parse(s: string) {
          return new Uri(new URL(s).pathname);
        }
        toString() {
          return `file://${this.path}`;
        }
      }
      const inert = (): unknown =>
        new Proxy(function () {}, {
          get: (_t, prop) => (prop === 'then' ? undefined : inert()),
          apply: () => inert(),
          construct: () => inert() as object,
        });
      const known = {
        Uri,
        EventEmitter: class {
          event = () => undefined;
          fire() {}
          dispose() {}
        },
        TreeItem: class {},
        workspace: { isTrusted: trusted, createFileSystemWatcher: () => inert(), asRelativePath: (u: Uri) => u.path, workspaceFolders: [{ uri: new Uri('/work') }] },
        window: {
          showWarningMessage: (m: string) => void warnings.push(m),
          showErrorMessage: (m: string) => void warnings.push(`error: ${m}`),
          showInformationMessage: (m: string) => void warnings.push(`info: ${m}`),
          showInputBox: async () => 'Typed',
          activeTextEditor: undefined,
        },
        commands: { registerCommand: (id: string, f: (...args: unknown[]) => unknown) => (handlers.set(id, f), inert()) },
      };
      const vscode = new Proxy(known, { get: (t, prop) => (prop in t ? (t as Record<string | symbol, unknown>)[prop] : inert()) });
      const languageclient = {
        LanguageClient: class {
          constructor(_id: string, _name: string, _server: unknown, options: typeof clientOptions) {
            clientOptions = options;
          }
        },
        TransportKind: { ipc: 1 },
        ExecuteCommandRequest: { type: 'workspace/executeCommand' },
      };
      const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
      const clientDir = path.join(ROOT, 'out', 'client', 'src');
      for (const k of Object.keys(require.cache)) if (k.startsWith(clientDir)) delete require.cache[k];
      (Module as unknown as { _load: typeof load })._load = function (request: string, ...rest: unknown[]) {
        if (request === 'vscode') return vscode;
        if (request === 'vscode-languageclient/node') return languageclient;
        return load.call(this, request, ...rest);
      };
      try {
        return { languageClient: require(path.join(clientDir, 'languageClient.js')), commands: require(path.join(clientDir, 'commands.js')), warnings, handlers, options: () => clientOptions!, Uri };
      } finally {
        (Module as unknown as { _load: typeof load })._load = load;
      }
    }

    for (const trusted of [false, true]) {
      it(`${trusted ? 'trusted: the server is asked' : 'untrusted: generating and creating files is refused before the server is asked'}`, async () => {
        const c = loadClient(trusted);
        c.languageClient.createLanguageClient({ asAbsolutePath: (p: string) => p, subscriptions: [] }, {});
        const asked: string[] = [];
        const next = (command: string) => {
          asked.push(command);
          return null;
        };
        for (const command of [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT]) {
          assert.strictEqual(await c.options().middleware.executeCommand(command, ['file:///work/a.partnership.yaml'], next), null);
        }
        await c.options().middleware.executeCommand('some.other.command', [], next);
        assert.deepStrictEqual(asked, trusted ? [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, 'some.other.command'] : ['some.other.command'], 'quick fixes that generate reach the server only when trusted');

        const sent: unknown[] = [];
        const client = { sendRequest: async (...args: unknown[]) => (sent.push(args), null) };
        c.commands.registerCommands({ subscriptions: [] }, client, Promise.resolve(), { refresh() {} });
        const target = new c.Uri('/work/a.partnership.yaml');
        for (const id of WRITERS) await c.handlers.get(id)!(id === 'partnership.newFile' ? { name: 'N', customer: 'C', folder: new c.Uri('/work') } : target);
        if (!trusted) {
          assert.deepStrictEqual(sent, [], 'nothing reaches the server');
          assert.strictEqual(c.warnings.filter((w) => /Restricted Mode/.test(w)).length, 6, c.warnings.join('\n'));
        } else {
          assert.strictEqual(sent.length, 4, 'each command asks the server');
        }
      });
    }
  });
});
