// `npm run bench [-- --quick] [-- --sizes=1000,5000] [-- --runs=N] [-- --cpu-prof]`
//
// Measures, in one run, on the same machine and the same generated files:
//   - editor latency over LSP (didOpen → the publishDiagnostics carrying the full result, and a
//     one-character didChange → the next publishDiagnostics) for our server and for
//     yaml-language-server, each a fresh process per run, plus each server's peak RSS (VmHWM):
//     warm (the file opened once the server has settled) and cold (opened as soon as the server
//     has pulled its configuration, edits after a 400 ms pause);
//   - the same on a realistic file: notes, summaries and responses as block scalars;
//   - the floors: `yaml` parseDocument alone, and parse + Ajv validate (schema compiled once),
//     in this process, median after warm-up;
//   - `partnership check` over a 500-file workspace against a one-process parse + Ajv floor.
// Prints a table with medians and ratios and writes everything to bench/results/latest.json.
// Figures only: nothing here is a test, and nothing asserts.
import { execFileSync, spawnSync } from 'child_process';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cpus, loadavg, tmpdir, totalmem } from 'os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { parseDocument } from 'yaml';
import schema from '../schemas/partnership.schema.json';
import { BENCH_TODAY, generatePartnership, Generated } from './generate';
import { LspClient, ServerSpec, sleep } from './lsp';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/launch';

const ROOT = resolve(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results');
/** Idle time between start-up and didOpen in the main latency runs. */
const SETTLE_MS = 500;
const SCHEMA_PATH = join(ROOT, 'schemas', 'partnership.schema.json');
const YAMLLS_BIN = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  quick: boolean;
  sizes: number[];
  runs: number;
  edits: number;
  floorRuns: number;
  workspaceFiles: number;
  cliRuns: number;
  coldRuns: number;
  /** Sizes of the realistic files (block-scalar notes) measured besides the plain ones. */
  realistic: number[];
  yamlls: boolean;
  cpuProf: boolean;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  const sizes = value('sizes')?.split(',').map(Number) ?? (quick ? [1000, 5000] : [1000, 5000, 20000]);
  const runs = Number(value('runs') ?? (quick ? 2 : 5));
  return {
    quick,
    sizes,
    runs,
    edits: Number(value('edits') ?? (quick ? 2 : 3)),
    floorRuns: Number(value('floor-runs') ?? (quick ? 3 : 9)),
    workspaceFiles: Number(value('files') ?? 500),
    cliRuns: Number(value('cli-runs') ?? (quick ? 2 : 5)),
    coldRuns: Number(value('cold-runs') ?? (quick ? 2 : 5)),
    realistic: (value('realistic') ?? '5000').split(',').filter((x) => x !== '').map(Number),
    yamlls: !argv.includes('--no-yamlls'),
    cpuProf: argv.includes('--cpu-prof'),
    out: value('out') ?? join(RESULTS, 'latest.json'),
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs: number[]) => (xs.length ? { min: Math.min(...xs), max: Math.max(...xs) } : undefined);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadavg()[0].toFixed(2)}] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Floors, in this process

function compileValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  for (const keyword of ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets']) {
    ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  }
  addFormats(ajv, ['date']);
  return ajv.compile(schema as object);
}

interface FloorResult {
  parseMs: number[];
  parseValidateMs: number[];
  schemaErrors: number;
}

function floors(text: string, runs: number): FloorResult {
  const validate = compileValidator();
  const gc = (globalThis as { gc?: () => void }).gc;
  const time = (f: () => void) => {
    gc?.();
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  let schemaErrors = 0;
  const parseValidate = () => {
    const doc = parseDocument(text);
    schemaErrors = validate(doc.toJS()) ? 0 : validate.errors!.length;
  };
  const parseOnly = () => void parseDocument(text);
  for (let i = 0; i < 2; i++) {
    parseOnly();
    parseValidate();
  }
  const parseMs: number[] = [];
  const parseValidateMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that a burst of load on the machine hits both alike.
    parseMs.push(time(parseOnly));
    parseValidateMs.push(time(parseValidate));
  }
  return { parseMs, parseValidateMs, schemaErrors };
}

// ---------------------------------------------------------------------------------------------
// The servers

function oursSpec(cpuProfDir?: string): ServerSpec {
  // The flags the editor starts the server with (client/src/languageClient.ts).
  const args = [...SERVER_NODE_FLAGS, ...(cpuProfDir ? [`--cpu-prof`, `--cpu-prof-dir=${cpuProfDir}`] : [])];
  return {
    name: 'ours',
    command: [process.execPath, ...args, join(ROOT, 'dist', 'server.js'), '--stdio'],
    // Open files only, as yaml-language-server checks them: the generated files share a folder, and
    // checking the closed ones in the background would load the machine during the measurements.
    configuration: (item) => (item.section === 'partnership' ? { reviewDate: BENCH_TODAY, validate: 'open' } : null),
    openDebounceMs: 0,
    // A change after a pause waits FIRST_CHANGE_DELAY_MS (150 ms only while typing); the benchmark's
    // edits come one at a time, each once the server is idle.
    changeDebounceMs: 20,
    pullsSettingsOnStart: false,
  };
}

function yamllsSpec(): ServerSpec {
  const schemaUri = pathToFileURL(SCHEMA_PATH).href;
  return {
    name: 'yaml-language-server',
    command: [process.execPath, YAMLLS_BIN, '--stdio'],
    configuration: (item) => {
      switch (item.section) {
        case 'yaml':
          return {
            validate: true,
            hover: true,
            completion: true,
            format: { enable: false },
            schemas: { [schemaUri]: '*.partnership.yaml' },
            schemaStore: { enable: false },
            kubernetesCRDStore: { enable: false },
          };
        case 'http':
          return { proxy: '', proxyStrictSSL: false };
        default:
          return {};
      }
    },
    // yaml-language-server 1.x waits `validationDelayMs` (200, not a setting) after open and change.
    openDebounceMs: 200,
    changeDebounceMs: 200,
    pullsSettingsOnStart: true,
  };
}

interface BenchFile {
  size: number;
  /** The size, and '+ notes' for a realistic file. */
  label: string;
  path: string;
  uri: string;
  gen: Generated;
}

interface ServerRun {
  /** didOpen written → the publication with the full result, on a server that had settled after start-up. */
  openMs: number;
  /** One-character didChange written → the next publication for that version. */
  editMs: number[];
  peakRss?: number;
  openCount: number;
  openErrors: number;
  /** Whether the publication after didOpen carried the expected result (else: the first publication is timed). */
  complete: boolean;
}

interface ColdRun {
  /** Process spawned → the full result, with didOpen sent as soon as the server has pulled its configuration, as when opening a file starts the server. */
  spawnMs: number;
  /** didOpen written → the full result, in that same process. */
  openMs: number;
  /** One-character didChange, each after a 400 ms pause → the next publication, in that same process. */
  editMs: number[];
}

/** The pause before each edit of a cold run: a user who opened a file and starts typing. */
const COLD_EDIT_PAUSE_MS = 400;

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

type IsFull = (p: { errors: number; count: number }) => boolean;

/** The first publication for the document at `version` after `since`, and then the full one if that was not it. */
async function published(client: LspClient, file: BenchFile, version: number, since: number, isFull: IsFull, timeout: number): Promise<{ at: number; count: number; errors: number; complete: boolean }> {
  const matches = (p: { uri: string; at: number; version?: number }) => p.uri === file.uri && p.at >= since && (p.version === undefined || p.version === version);
  const first = await client.waitFor(`diagnostics for version ${version}`, () => client.published.find(matches), timeout);
  if (isFull(first)) return { ...first, complete: true };
  try {
    const full = await client.waitFor(`the full diagnostics for version ${version}`, () => client.published.find((p) => matches(p) && isFull(p)), 10_000);
    return { ...full, complete: true };
  } catch {
    log(`warning: ${client.spec.name} published ${first.count} diagnostics (${first.errors} errors) for the ${file.size} file, not the expected result`);
    return { ...first, complete: false };
  }
}

/** One character typed near the middle of the file, timed until the diagnostics of that version arrive. */
async function timedEdit(client: LspClient, file: BenchFile, doc: { text: string; version: number }, isFull: IsFull, timeout: number, what: string): Promise<number> {
  const offset = file.gen.editOffset;
  const position = positionAt(doc.text, offset);
  doc.text = doc.text.slice(0, offset) + 'x' + doc.text.slice(offset);
  const version = ++doc.version;
  const t1 = client.notify('textDocument/didChange', {
    textDocument: { uri: file.uri, version },
    contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
  });
  const next = await client.waitFor(
    'diagnostics after a one-character change',
    () => client.published.find((p) => p.uri === file.uri && p.at >= t1 && (p.version === undefined || p.version === version)),
    timeout,
  );
  if (!isFull(next)) log(`warning: ${client.spec.name} published ${next.count} diagnostics (${next.errors} errors) after ${what}`);
  return next.at - t1;
}

async function serverRun(spec: ServerSpec, file: BenchFile, edits: number, isFull: IsFull): Promise<ServerRun> {
  const timeout = Math.max(60_000, file.size * 30);
  const client = new LspClient(spec);
  try {
    await client.initialize(pathToFileURL(join(file.path, '..')).href);
    // yaml-language-server pulls its settings when told they changed; ours pulls them when it first validates.
    if (spec.pullsSettingsOnStart) await client.waitFor('workspace/configuration', () => (client.configurationRequests > 0 ? true : undefined), 15_000);
    // Let start-up work (settings, registrations, warm-up) finish, as in an editor that has been
    // open for a while: at least SETTLE_MS, then until the process has been idle for 300 ms.
    await sleep(SETTLE_MS);
    await client.idle(300);

    const doc = { text: file.gen.text, version: 1 };
    const languageId = spec.name === 'ours' ? 'partnership' : 'yaml';
    const t0 = client.notify('textDocument/didOpen', { textDocument: { uri: file.uri, languageId, version: doc.version, text: doc.text } });
    const opened = await published(client, file, doc.version, t0, isFull, timeout);
    const openMs = opened.at - t0;

    const editMs: number[] = [];
    for (let k = 0; k < edits; k++) {
      // A pause, as between bursts of typing: until the server has finished what the last change started.
      await sleep(200);
      await client.idle(200);
      editMs.push(await timedEdit(client, file, doc, isFull, timeout, `an edit of the ${file.size} file`));
    }
    const peakRss = client.peakRss();
    return { openMs, editMs, peakRss, openCount: opened.count, openErrors: opened.errors, complete: opened.complete };
  } finally {
    await client.stop();
  }
}

/**
 * A fresh server that gets didOpen as soon as it has pulled its configuration (both servers ask
 * right after `initialized`), then one-character edits, each after a 400 ms pause: what a user
 * waits for when opening a file starts the server. No idle wait: start-up work still running
 * (yaml-language-server's registrations, our warm-up timer) competes as it does in an editor.
 */
async function coldRun(spec: ServerSpec, file: BenchFile, edits: number, isFull: IsFull): Promise<ColdRun> {
  const timeout = Math.max(60_000, file.size * 30);
  const spawned = performance.now();
  const client = new LspClient(spec);
  try {
    await client.initialize(pathToFileURL(join(file.path, '..')).href);
    await client.waitFor('workspace/configuration', () => (client.configurationRequests > 0 ? true : undefined), 15_000);
    const languageId = spec.name === 'ours' ? 'partnership' : 'yaml';
    const doc = { text: file.gen.text, version: 1 };
    const t0 = client.notify('textDocument/didOpen', { textDocument: { uri: file.uri, languageId, version: doc.version, text: doc.text } });
    const opened = await published(client, file, doc.version, t0, isFull, timeout);
    const editMs: number[] = [];
    for (let k = 0; k < edits; k++) {
      await sleep(COLD_EDIT_PAUSE_MS);
      editMs.push(await timedEdit(client, file, doc, isFull, timeout, `a cold edit of the ${file.label} file`));
    }
    return { spawnMs: opened.at - spawned, openMs: opened.at - t0, editMs };
  } finally {
    await client.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI

function timeProcess(command: string, args: string[]): { ms: number; status: number | null; stdout: string } {
  const t = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout };
}

// ---------------------------------------------------------------------------------------------
// Output

const fmtMs = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtRatio = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);
const fmtMb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 1024 / 1024)} MB`);

function table(headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = new Date();
  const loadBefore = loadavg();
  mkdirSync(RESULTS, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'partnership-bench-'));
  const profDir = options.cpuProf ? join(RESULTS, 'prof') : undefined;
  if (profDir) mkdirSync(profDir, { recursive: true });
  log(`options ${JSON.stringify(options)}; work folder ${work}`);

  try {
    // Files
    const benchFile = (size: number, notes: boolean): BenchFile => {
      const gen = generatePartnership({ commitments: size, seed: size, notes });
      const path = join(work, 'files', `bench-${size}${notes ? '-notes' : ''}.partnership.yaml`);
      mkdirSync(join(work, 'files'), { recursive: true });
      writeFileSync(path, gen.text);
      return { size, label: `${size.toLocaleString('en-US')}${notes ? ' + notes' : ''}`, path, uri: pathToFileURL(path).href, gen };
    };
    const files: BenchFile[] = [...options.sizes.map((size) => benchFile(size, false)), ...options.realistic.map((size) => benchFile(size, true))];
    const workspace = join(work, 'workspace');
    let workspaceLines = 0;
    let workspaceErrors = 0;
    let workspaceSchemaErrors = 0;
    for (let i = 0; i < options.workspaceFiles; i++) {
      // About 1% of the commitments carry an error: one in every tenth file, rotating the kinds.
      const gen = generatePartnership({ commitments: 8, seed: 10_000 + i, errorRate: i % 10 === 5 ? 1 / 8 : 0, firstKind: Math.floor(i / 10), name: `Workspace partnership ${i + 1}` });
      const folder = join(workspace, `team-${String(Math.floor(i / 50)).padStart(2, '0')}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `p${String(i).padStart(3, '0')}.partnership.yaml`), gen.text);
      workspaceLines += gen.lines;
      workspaceErrors += gen.expectedErrors;
      workspaceSchemaErrors += gen.expectedSchemaErrors;
    }
    log(`generated ${files.map((f) => `${f.label}: ${f.gen.lines} lines, ${f.gen.text.length} bytes`).join('; ')}; workspace ${options.workspaceFiles} files, ${workspaceLines} lines`);

    // Floors
    const floorBySize = new Map<string, FloorResult>();
    for (const f of files) {
      log(`floors for ${f.label}`);
      const r = floors(f.gen.text, options.floorRuns);
      if (r.schemaErrors !== f.gen.expectedSchemaErrors) log(`note: Ajv reports ${r.schemaErrors} schema errors on the ${f.label} file (expected ${f.gen.expectedSchemaErrors})`);
      floorBySize.set(f.label, r);
    }

    // Servers: alternate ours and yaml-language-server run by run, so load hits both alike.
    const ours = oursSpec(profDir);
    const yamlls = yamllsSpec();
    const serverRuns = new Map<string, ServerRun[]>();
    const coldRuns = new Map<string, ColdRun[]>();
    for (const f of files) {
      // Ours: every seeded error, as an error. yaml-language-server: the schema-kind ones (it
      // reports every problem as an error).
      const fullFor = (spec: ServerSpec): IsFull =>
        spec === ours ? (p) => p.errors === f.gen.expectedErrors : (p) => p.count === f.gen.expectedSchemaErrors;
      const specs = options.yamlls ? [ours, yamlls] : [ours];
      for (let run = 0; run < options.runs; run++) {
        for (const spec of specs) {
          const r = await serverRun(spec, f, options.edits, fullFor(spec));
          log(`${spec.name} ${f.label} run ${run + 1}: open ${fmtMs(r.openMs)}, edits ${r.editMs.map(fmtMs).join(', ')}, peak RSS ${fmtMb(r.peakRss)}`);
          const key = `${spec.name}:${f.label}`;
          serverRuns.set(key, [...(serverRuns.get(key) ?? []), r]);
        }
      }
      for (let run = 0; run < options.coldRuns; run++) {
        for (const spec of specs) {
          const r = await coldRun(spec, f, options.edits, fullFor(spec));
          log(`${spec.name} ${f.label} cold ${run + 1}: spawn → diagnostics ${fmtMs(r.spawnMs)}, didOpen → diagnostics ${fmtMs(r.openMs)}, edits ${r.editMs.map(fmtMs).join(', ')}`);
          const key = `${spec.name}:${f.label}`;
          coldRuns.set(key, [...(coldRuns.get(key) ?? []), r]);
        }
      }
    }

    // CLI
    log('CLI');
    esbuildFloor();
    const cli = join(ROOT, 'dist', 'cli.js');
    const floorJs = join(RESULTS, 'cliFloor.js');
    const cliMs: number[] = [];
    const cliFloorMs: number[] = [];
    const nodeMs: number[] = [];
    let cliStatus: number | null = null;
    let floorOut = '';
    let cliErrors = 0;
    // Warm the file cache once, then interleave.
    timeProcess(process.execPath, [floorJs, workspace]);
    for (let i = 0; i < options.cliRuns; i++) {
      const a = timeProcess(process.execPath, [cli, 'check', workspace, '--today', BENCH_TODAY, '--format', 'json']);
      cliMs.push(a.ms);
      cliStatus = a.status;
      cliErrors = countJsonErrors(a.stdout);
      const b = timeProcess(process.execPath, [floorJs, workspace]);
      cliFloorMs.push(b.ms);
      floorOut = b.stdout.trim();
      nodeMs.push(timeProcess(process.execPath, ['-e', '0']).ms);
    }
    if (cliErrors !== workspaceErrors) log(`note: the CLI reported ${cliErrors} errors over the workspace (expected ${workspaceErrors})`);

    // Results
    const loadAfter = loadavg();
    const sizes = files.map((f) => {
      const floor = floorBySize.get(f.label)!;
      const o = serverRuns.get(`ours:${f.label}`) ?? [];
      const y = serverRuns.get(`yaml-language-server:${f.label}`) ?? [];
      const oc = coldRuns.get(`ours:${f.label}`) ?? [];
      const yc = coldRuns.get(`yaml-language-server:${f.label}`) ?? [];
      const oOpen = median(o.map((r) => r.openMs));
      const yOpen = median(y.map((r) => r.openMs));
      const oEdit = median(o.flatMap((r) => r.editMs));
      const yEdit = median(y.flatMap((r) => r.editMs));
      const pv = median(floor.parseValidateMs);
      return {
        commitments: f.size,
        label: f.label,
        notes: f.label.includes('notes'),
        lines: f.gen.lines,
        bytes: f.gen.text.length,
        seeded: f.gen.seeded,
        expectedErrors: f.gen.expectedErrors,
        expectedSchemaErrors: f.gen.expectedSchemaErrors,
        floor: {
          parseMs: median(floor.parseMs),
          parseValidateMs: pv,
          samples: { parseMs: floor.parseMs, parseValidateMs: floor.parseValidateMs },
        },
        ours: {
          openMs: oOpen,
          editMs: oEdit,
          editComputeMs: oEdit - ours.changeDebounceMs,
          peakRss: median(o.map((r) => r.peakRss ?? NaN)),
          openSpread: spread(o.map((r) => r.openMs)),
          editSpread: spread(o.flatMap((r) => r.editMs)),
          diagnostics: o[0]?.openCount,
          complete: o.every((r) => r.complete),
          coldSpawnMs: median(oc.map((r) => r.spawnMs)),
          coldOpenMs: median(oc.map((r) => r.openMs)),
          coldEditMs: median(oc.flatMap((r) => r.editMs)),
          runs: o,
          coldRuns: oc,
        },
        yamlls: {
          openMs: yOpen,
          editMs: yEdit,
          editComputeMs: yEdit - yamlls.changeDebounceMs,
          peakRss: median(y.map((r) => r.peakRss ?? NaN)),
          openSpread: spread(y.map((r) => r.openMs)),
          editSpread: spread(y.flatMap((r) => r.editMs)),
          diagnostics: y[0]?.openCount,
          complete: y.every((r) => r.complete),
          coldSpawnMs: median(yc.map((r) => r.spawnMs)),
          coldOpenMs: median(yc.map((r) => r.openMs)),
          coldEditMs: median(yc.flatMap((r) => r.editMs)),
          runs: y,
          coldRuns: yc,
        },
        ratios: {
          oursOpenOverFloor: oOpen / pv,
          yamllsOverOursOpen: yOpen / oOpen,
          yamllsOverOursEdit: yEdit / oEdit,
          yamllsOverOursEditWithoutDebounce: (yEdit - yamlls.changeDebounceMs) / (oEdit - ours.changeDebounceMs),
          oursEditOverParse: oEdit / median(floor.parseMs),
          rssOursOverYamlls: median(o.map((r) => r.peakRss ?? NaN)) / median(y.map((r) => r.peakRss ?? NaN)),
          coldOpen: median(yc.map((r) => r.openMs)) / median(oc.map((r) => r.openMs)),
          coldSpawn: median(yc.map((r) => r.spawnMs)) / median(oc.map((r) => r.spawnMs)),
          coldEdit: median(yc.flatMap((r) => r.editMs)) / median(oc.flatMap((r) => r.editMs)),
        },
      };
    });
    const cliResult = {
      files: options.workspaceFiles,
      lines: workspaceLines,
      expectedErrors: workspaceErrors,
      expectedSchemaErrors: workspaceSchemaErrors,
      reportedErrors: cliErrors,
      exitCode: cliStatus,
      floorOutput: floorOut,
      oursMs: median(cliMs),
      floorMs: median(cliFloorMs),
      nodeStartMs: median(nodeMs),
      ratio: median(cliMs) / median(cliFloorMs),
      samples: { oursMs: cliMs, floorMs: cliFloorMs, nodeStartMs: nodeMs },
    };
    const result = {
      date: started.toISOString(),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      memory: totalmem(),
      load: { before: loadBefore, after: loadAfter },
      commit: gitCommit(),
      options,
      method: METHOD,
      yamlLanguageServer: yamllsVersion(),
      ourServerFlags: [...SERVER_NODE_FLAGS],
      sizes,
      cli: cliResult,
    };
    writeFileSync(options.out, JSON.stringify(result, null, 2) + '\n');
    const report = render(result);
    process.stdout.write(report);
    writeFileSync(join(RESULTS, 'latest.md'), report);
    log(`wrote ${options.out} and ${join(RESULTS, 'latest.md')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const METHOD = {
  latency:
    'Wall clock from the moment the message is written to the server’s stdin until the publishDiagnostics carrying the full result is read from its stdout; each server’s own debounce is included (ours: 0 ms after didOpen, 20 ms after a didChange that follows a pause, 150 ms while changes come less than 150 ms apart; yaml-language-server 1.x: 200 ms after both, not configurable).',
  full: 'Ours: the publication for that document version whose error count equals the seeded errors. yaml-language-server: the first publication whose count equals the seeded schema violations (it does not know the domain rules).',
  cold: 'A fresh server process per run: initialize, initialized, didChangeConfiguration; didOpen as soon as the server has asked for workspace/configuration (both ask right after initialized), no idle wait; then one-character edits, each 400 ms after the previous result. Open is timed from didOpen and from the spawn.',
  runs: 'Each run is a fresh server process: initialize, answer workspace/configuration, wait until start-up work is done (at least 500 ms, then until the process has used no CPU for 300 ms: /proc/<pid>/stat), didOpen, then one-character edits in a commitment summary near the middle of the file, each after the server has gone idle again. Medians over all runs (edit: over all edits of all runs). Ours and yaml-language-server alternate run by run.',
  rss: 'Peak resident set size (VmHWM from /proc/<pid>/status) of the server process, read after the last edit.',
  floors: '`yaml` parseDocument alone; parseDocument + toJS + Ajv validate (the product’s schema and Ajv options, compiled once). In the benchmark process, after two warm-up rounds, a GC before each sample when --expose-gc is given.',
  cli: '`node dist/cli.js check <workspace> --today … --format json` against a bundled one-process floor (read, parse, toJS, Ajv validate every file; schema compiled in that process). Both are fresh processes, start-up included.',
};

function countJsonErrors(stdout: string): number {
  try {
    const files = JSON.parse(stdout) as { errorCount?: number }[];
    return files.reduce((sum, f) => sum + (f.errorCount ?? 0), 0);
  } catch {
    return -1;
  }
}

function esbuildFloor(): void {
  // esbuild is a devDependency of the project; loaded here only, so the compiled bench needs it at run time only.
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [join(ROOT, 'bench', 'cliFloor.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    outfile: join(RESULTS, 'cliFloor.js'),
  });
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function yamllsVersion(): string {
  try {
    return (require(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

type ServerSummary = { openMs: number; editMs: number; editComputeMs: number; peakRss: number; diagnostics?: number; complete: boolean; coldSpawnMs: number; coldOpenMs: number; coldEditMs: number };

type Result = {
  date: string;
  node: string;
  cpu: string;
  load: { before: number[]; after: number[] };
  commit?: string;
  options: Options;
  yamlLanguageServer: string;
  ourServerFlags: string[];
  sizes: {
    commitments: number;
    label: string;
    notes: boolean;
    lines: number;
    bytes: number;
    expectedErrors: number;
    expectedSchemaErrors: number;
    floor: { parseMs: number; parseValidateMs: number };
    ours: ServerSummary;
    yamlls: ServerSummary;
    ratios: { oursOpenOverFloor: number; yamllsOverOursOpen: number; yamllsOverOursEdit: number; oursEditOverParse: number; rssOursOverYamlls: number; coldOpen: number; coldSpawn: number; coldEdit: number };
  }[];
  cli: { files: number; lines: number; expectedErrors: number; reportedErrors: number; oursMs: number; floorMs: number; nodeStartMs: number; ratio: number };
};

function render(r: Result): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const out: string[] = [];
  out.push(`Benchmark ${r.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.commit ?? '?'}, Node ${r.node}, ${r.cpu}`);
  out.push(`load average ${r.load.before.map((x) => x.toFixed(2)).join(' ')} before, ${r.load.after.map((x) => x.toFixed(2)).join(' ')} after; yaml-language-server ${r.yamlLanguageServer}; ours started with ${r.ourServerFlags.join(' ') || 'no Node flags'} as the editor starts it; ${r.options.quick ? 'QUICK mode, ' : ''}${r.options.runs} fresh server processes per size, ${r.options.edits} edits each`);
  out.push('');
  out.push('Editor latency (median, from the moment the message is written, debounce included: ours 0 ms on open / 20 ms on a change after a pause, yaml-language-server 200 ms on both):');
  out.push('');
  out.push(
    table(
      ['commitments (lines)', 'floor: parse', 'floor: parse + Ajv', 'ours: open', 'ours / floor', 'yamlls: open', 'yamlls / ours', 'ours: edit', 'yamlls: edit', 'yamlls / ours', 'peak RSS ours', 'peak RSS yamlls'],
      r.sizes.map((s) => [
        `${s.label} (${n(s.lines)})`,
        fmtMs(s.floor.parseMs),
        fmtMs(s.floor.parseValidateMs),
        fmtMs(s.ours.openMs),
        fmtRatio(s.ratios.oursOpenOverFloor),
        fmtMs(s.yamlls.openMs),
        fmtRatio(s.ratios.yamllsOverOursOpen),
        fmtMs(s.ours.editMs),
        fmtMs(s.yamlls.editMs),
        fmtRatio(s.ratios.yamllsOverOursEdit),
        fmtMb(s.ours.peakRss),
        fmtMb(s.yamlls.peakRss),
      ]),
    ),
  );
  out.push('');
  out.push('Edit latency without the debounce (compute + transport), and against one full parse:');
  out.push('');
  out.push(
    table(
      ['commitments', 'ours: edit − 20 ms', 'yamlls: edit − 200 ms', 'yamlls / ours', 'ours: edit / one parse'],
      r.sizes.map((s) => [
        s.label,
        fmtMs(s.ours.editComputeMs),
        fmtMs(s.yamlls.editComputeMs),
        fmtRatio(s.yamlls.editComputeMs / s.ours.editComputeMs),
        fmtRatio(s.ratios.oursEditOverParse),
      ]),
    ),
  );
  out.push('');
  out.push(
    `Cold (median of ${r.options.coldRuns} fresh processes per file): didOpen as soon as the server has pulled its configuration, then ${r.options.edits} one-character edits, each after a ${COLD_EDIT_PAUSE_MS} ms pause:`,
  );
  out.push('');
  out.push(
    table(
      ['file (lines)', 'ours: spawn → diagnostics', 'ours: open', 'ours: edit', 'yamlls: spawn → diagnostics', 'yamlls: open', 'yamlls: edit', 'yamlls / ours: spawn →', 'open', 'edit'],
      r.sizes.map((s) => [
        `${s.label} (${n(s.lines)})`,
        fmtMs(s.ours.coldSpawnMs),
        fmtMs(s.ours.coldOpenMs),
        fmtMs(s.ours.coldEditMs),
        fmtMs(s.yamlls.coldSpawnMs),
        fmtMs(s.yamlls.coldOpenMs),
        fmtMs(s.yamlls.coldEditMs),
        fmtRatio(s.ratios.coldSpawn),
        fmtRatio(s.ratios.coldOpen),
        fmtRatio(s.ratios.coldEdit),
      ]),
    ),
  );
  out.push('');
  const shownCount = (x: ServerSummary) => `${x.diagnostics ?? '–'}${x.complete ? '' : ' (NOT the expected result: the first publication was timed)'}`;
  out.push(`Diagnostics on open: ours ${r.sizes.map((s) => `${shownCount(s.ours)} (${s.expectedErrors} errors seeded)`).join(', ')}; yaml-language-server ${r.sizes.map((s) => `${shownCount(s.yamlls)} (${s.expectedSchemaErrors} schema errors seeded)`).join(', ')}.`);
  out.push('');
  out.push(`CLI: \`partnership check\` over ${n(r.cli.files)} files (${n(r.cli.lines)} lines), start-up included (node -e 0 takes ${fmtMs(r.cli.nodeStartMs)}):`);
  out.push('');
  out.push(
    table(
      ['', 'ours', 'floor: parse + Ajv, one process', 'ours / floor'],
      [[`${n(r.cli.files)} files`, fmtMs(r.cli.oursMs), fmtMs(r.cli.floorMs), fmtRatio(r.cli.ratio)]],
    ),
  );
  out.push(`(errors reported ${r.cli.reportedErrors}, seeded ${r.cli.expectedErrors})`);
  out.push('');
  out.push('Targets (from the moment didOpen or didChange is sent, each server\'s debounce included):');
  const check = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
  for (const s of r.sizes) {
    const at = s.label;
    out.push(`  ${check(s.ratios.oursOpenOverFloor <= 1.3)} ${at}: ours open / parse+Ajv floor ${fmtRatio(s.ratios.oursOpenOverFloor)} (≤ 1.3×)`);
    const [openTarget, editTarget] = s.commitments >= 20_000 ? [1.5, 1.5] : [4, 5];
    out.push(`  ${check(s.ratios.yamllsOverOursOpen >= openTarget)} ${at}: yamlls / ours on open, warm ${fmtRatio(s.ratios.yamllsOverOursOpen)} (≥ ${openTarget}×)`);
    out.push(`  ${check(s.ratios.coldOpen >= openTarget)} ${at}: yamlls / ours on open, cold ${fmtRatio(s.ratios.coldOpen)} (≥ ${openTarget}×); spawn → diagnostics ${fmtRatio(s.ratios.coldSpawn)}`);
    const editCompute = s.yamlls.editComputeMs / s.ours.editComputeMs;
    out.push(
      `  ${check(s.ratios.yamllsOverOursEdit >= editTarget)} ${at}: yamlls / ours on edit, warm ${fmtRatio(s.ratios.yamllsOverOursEdit)} (≥ ${editTarget}×); without the debounces ${fmtRatio(editCompute)}`,
    );
    out.push(`  ${check(s.ratios.coldEdit >= editTarget)} ${at}: yamlls / ours on edit, cold ${fmtRatio(s.ratios.coldEdit)} (≥ ${editTarget}×)`);
    out.push(`  ${check(s.ratios.rssOursOverYamlls <= 1)} ${at}: peak RSS ours / yamlls ${fmtRatio(s.ratios.rssOursOverYamlls)} (≤ 1×)`);
    if (s.commitments >= 20_000) out.push(`  ${check(s.ratios.oursEditOverParse < 1)} ${at}: stretch, ours edit (debounce included) / one full parse ${fmtRatio(s.ratios.oursEditOverParse)} (< 1×)`);
  }
  out.push(`  ${check(r.cli.ratio <= 1.5)} CLI / floor ${fmtRatio(r.cli.ratio)} (≤ 1.5×)`);
  out.push('');
  return out.join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
