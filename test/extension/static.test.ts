// The extension's static parts, checked in plain Node (part of `npm test`, no VS Code needed): the
// snippets expand to valid format-v1 YAML, judged by the same language service the editor uses.
// The starter file of "New Partnership File" comes from the server (test/service/starter.test.ts).
// The in-VS-Code suites are the *.itest.ts files.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkShown } from '../helpers';
import { REPORT_SECTIONS } from '../generate/util';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
}

function snippets(file: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8'));
}

/** A snippet body as VS Code inserts it when every placeholder keeps its default, on `today`. */
function expand(body: string | string[], today: string): string {
  const [y, m, d] = today.split('-');
  let text = (Array.isArray(body) ? body.join('\n') : body)
    .replace(/\$CURRENT_YEAR/g, y)
    .replace(/\$CURRENT_MONTH/g, m)
    .replace(/\$CURRENT_DATE/g, d)
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1');
  }
  return text.replace(/\$\{?\d+\}?/g, '');
}

/** Indent every line but the first, as VS Code does for a snippet inserted at that indentation. */
function indented(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}

describe('extension: snippets', () => {
  const today = '2026-11-23';
  const errorsOf = (text: string) => checkShown(text, today).filter((d) => / error /.test(d));

  it('the whole-file snippet is a valid partnership file', () => {
    const text = expand(snippets('partnership.code-snippets')['Partnership file'].body, today);
    assert.deepStrictEqual(errorsOf(text), []);
  });

  it('each list-item snippet is valid under its section; only placeholder person ids are unknown', () => {
    const s = snippets('partnership.code-snippets');
    const head = 'version: 1\npartnership:\n  name: Snippet check\n  customer: Initech\n';
    const sections: [string, string][] = [
      ['Person', 'people'],
      ['Commitment', 'commitments'],
      ['Concern', 'concerns'],
      ['Risk', 'risks'],
      ['Meeting', 'meetings'],
    ];
    for (const [name, section] of sections) {
      const text = `${head}${section}:\n  ${indented(expand(s[name].body, today), '  ')}`;
      const errors = errorsOf(text).filter((d) => !/ unknown-reference /.test(d));
      assert.deepStrictEqual(errors, [], `${name}:\n${text}`);
    }
    const plan = `${head}${expand(s['Communication plan'].body, today)}`;
    assert.deepStrictEqual(errorsOf(plan).filter((d) => !/ unknown-reference /.test(d)), []);
  });

  it('every snippet has a prefix, a description and a body; markdown ones keep the agreed sections', () => {
    for (const file of ['partnership.code-snippets', 'markdown.json']) {
      for (const [name, s] of Object.entries(snippets(file) as Record<string, Snippet & { description?: string }>)) {
        assert.ok(s.prefix.length > 0 && s.description && s.body.length > 0, `${file}: ${name}`);
        // VS Code lists a snippet once per prefix in "Insert Snippet": one prefix, listed once.
        assert.strictEqual(typeof s.prefix, 'string', `${file}: ${name} has one prefix, not ${JSON.stringify(s.prefix)}`);
      }
    }
    // The status report snippet has the generator's sections, in its order (and no health section: that is ours).
    const report = expand(snippets('markdown.json')['Status report'].body, today);
    assert.deepStrictEqual(report.split('\n').filter((l) => l.startsWith('## ')), REPORT_SECTIONS);
  });
});

describe('extension: walkthrough and packaging', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');

  it('activates on a restored dashboard, so open dashboards come back after a window reload', () => {
    assert.deepStrictEqual(pkg.activationEvents, ['onLanguage:partnership', 'workspaceContains:**/*.partnership.yaml', 'onWebviewPanel:partnership.dashboard']);
  });

  it('the walkthrough has its four steps, each with a media page that exists and is packaged', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((s: { title: string }) => s.title), ['Create a partnership file', 'Read a diagnostic and fix it', 'Generate an agenda', 'Set up CI']);
    for (const step of walkthrough.steps) assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
    assert.ok(ignore.includes('!media/walkthrough/*.md'));
    const ours = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      for (const [, command] of (step.description as string).matchAll(/\(command:(partnership\.[\w.]+)\)/g)) assert.ok(ours.has(command), command);
    }
  });

  it('the VSIX holds the rule pages (Show documentation opens them) and the extension README, not the repository one', () => {
    assert.ok(ignore.includes('!docs/rules/*.md'));
    assert.ok(!ignore.includes('!README.md'), 'the repository README stays out');
    // client/README.md, its screenshots inlined by client/readme-for-vsix.mjs (the test below).
    assert.match(pkg.scripts.package, /&& node client\/readme-for-vsix\.mjs && vsce package .* --readme-path out\/README\.vsix\.md\b/);
    assert.ok(fs.existsSync(path.join(ROOT, 'CHANGELOG.md')) && ignore.includes('!CHANGELOG.md'));
  });

  it("the VSIX holds the dashboard's page: the script and stylesheet the panel loads, built by esbuild.mjs", () => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    assert.ok(fs.existsSync(vsce), 'run `npm ci`: @vscode/vsce lists what the VSIX holds');
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'webview', 'dashboard.js')), 'run `npm run build` first');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    assert.deepStrictEqual(files.filter((f) => f.startsWith('dist/webview/')).sort(), ['dist/webview/dashboard.css', 'dist/webview/dashboard.js']);
    const panel = fs.readFileSync(path.join(ROOT, 'client', 'src', 'dashboard.ts'), 'utf8');
    assert.deepStrictEqual([...panel.matchAll(/joinPath\(assets, '([\w.]+)'\)/g)].map((m) => m[1]).sort(), ['dashboard.css', 'dashboard.js']);
  });

  it("the extension README's screenshots are small PNGs, inlined in the VSIX's README (there is no repository to link them from)", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'client', 'README.md'), 'utf8');
    const links = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepStrictEqual(links, ['images/screenshot-quick-fix.png', 'images/screenshot-partnerships-view.png']);
    const pngs = links.map((link) => fs.readFileSync(path.join(ROOT, link)));
    for (const [i, png] of pngs.entries()) {
      assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG', links[i]);
      assert.ok(png.length < 100_000, `${links[i]}: ${png.length} bytes; optimise it (pngquant, optipng)`);
    }
    // vsce would demand https: links (a repository or --baseImagesUrl) and refuse data: ones.
    assert.match(pkg.scripts.package, / --no-rewrite-relative-links\b/);
    execFileSync(process.execPath, [path.join(ROOT, 'client', 'readme-for-vsix.mjs')]);
    const inlined = fs.readFileSync(path.join(ROOT, 'out', 'README.vsix.md'), 'utf8');
    assert.strictEqual(inlined, readme.replace(/\]\((images\/[\w.-]+\.png)\)/g, (_, link: string) => `](data:image/png;base64,${pngs[links.indexOf(link)].toString('base64')})`));
  });

  it('the extension README lists every setting', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'client', 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `(partnership\.[\w.]+)` \|/gm)].map((m) => m[1]);
    assert.deepStrictEqual(listed, Object.keys(pkg.contributes.configuration.properties));
  });
});
