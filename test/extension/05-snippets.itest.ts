// The snippets are contributed for both languages, and the partnership ones expand to valid YAML
// of format version 1 (no yaml-syntax or schema error once the server has looked at them).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, EXTENSION_ID, revertAndCloseAll, waitForCurrentDiagnostics } from './helpers';
import { REPORT_SECTIONS } from '../generate/util';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

function snippetFile(contributionPath: string): Record<string, Snippet> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, contributionPath), 'utf8'));
}

function bodyOf(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

async function untitled(language: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content: '' });
  return vscode.window.showTextDocument(doc);
}

/** The errors once the server has validated the final text (never a publish for an earlier version). */
async function errorsAfterValidation(editor: vscode.TextEditor): Promise<vscode.Diagnostic[]> {
  const shown = await waitForCurrentDiagnostics(editor.document);
  return shown.filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
}

describe('snippets', () => {
  before(activateExtension);
  afterEach(revertAndCloseAll);

  it('contributes partnership and markdown snippet files with the expected snippets', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const byLanguage = Object.fromEntries(contributes.snippets.map((s: { language: string; path: string }) => [s.language, s.path]));
    assert.deepStrictEqual(Object.keys(byLanguage).sort(), ['markdown', 'partnership']);
    assert.deepStrictEqual(Object.keys(snippetFile(byLanguage.partnership)), [
      'Partnership file',
      'Person',
      'Commitment',
      'Concern',
      'Risk',
      'Meeting',
      'Communication plan',
    ]);
    assert.deepStrictEqual(Object.keys(snippetFile(byLanguage.markdown)), ['Reset-meeting agenda', 'Status report', 'Kickoff agenda']);
  });

  it('the whole-file snippet, inserted with editor.insertSnippet, is a valid partnership file', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const file = snippetFile(contributes.snippets.find((s: { language: string }) => s.language === 'partnership').path);
    const editor = await untitled('partnership');
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(bodyOf(file['Partnership file']))));
    const text = editor.document.getText();
    assert.match(text, /^version: 1$/m);
    assert.match(text, /^ {2}name: Partnership name$/m);
    assert.match(text, /^ {2}since: \d{4}-\d{2}-\d{2}$/m, 'the date variables are resolved');
    const errors = await errorsAfterValidation(editor);
    assert.deepStrictEqual(errors.map((e) => `${diagnosticCode(e)}: ${e.message}`), []);
  });

  it('each list-item snippet, inserted under its section, keeps the file valid', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const file = snippetFile(contributes.snippets.find((s: { language: string }) => s.language === 'partnership').path);
    const sections: [string, string][] = [
      ['Person', 'people'],
      ['Commitment', 'commitments'],
      ['Concern', 'concerns'],
      ['Risk', 'risks'],
      ['Meeting', 'meetings'],
    ];
    const editor = await untitled('partnership');
    const lastLine = () => editor.document.lineAt(editor.document.lineCount - 1).range;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'version: 1\npartnership:\n  name: Snippet check\n  customer: Initech\n'));
    for (const [name, section] of sections) {
      // A plain edit for the section key, then the snippet on an indented line below it: VS Code
      // indents the snippet's lines as a person typing the prefix there would get them.
      await editor.edit((b) => b.replace(lastLine(), `${section}:\n  `));
      assert.ok(await editor.insertSnippet(new vscode.SnippetString(bodyOf(file[name])), lastLine().end), `${name} inserted`);
      await vscode.commands.executeCommand('leaveSnippet');
    }
    await editor.edit((b) => b.replace(lastLine(), ''));
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(bodyOf(file['Communication plan'])), lastLine().end));
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.match(text, /^people:\n {2}- id: jdoe\n {4}name: Jane Doe$/m, 'list items are indented under their section');
    const errors = await errorsAfterValidation(editor);
    // The placeholders refer to people who do not exist yet; everything else must be valid.
    const unexpected = errors.filter((e) => diagnosticCode(e) !== 'unknown-reference');
    assert.deepStrictEqual(unexpected.map((e) => `${diagnosticCode(e)} at line ${e.range.start.line}: ${e.message}`), []);
  });

  it('are reachable by name through editor.action.insertSnippet (the registered contribution)', async () => {
    const md = await untitled('markdown');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Reset-meeting agenda' });
    await vscode.commands.executeCommand('leaveSnippet');
    const agenda = md.document.getText();
    assert.match(agenda, /^# Reset meeting: Partnership with Customer$/m);
    for (const heading of ['## Proposed attendees', '## What we own', '## 1. Listen first', '## 2. The facts', '## 3. Resetting how we work', "## 4. Senior management's part", '## 5. Re-commitments', '## 6. Decisions and sign-off']) {
      assert.ok(agenda.includes(heading), `agenda has "${heading}"`);
    }

    await vscode.commands.executeCommand('editor.action.selectAll');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Status report' });
    await vscode.commands.executeCommand('leaveSnippet');
    const report = md.document.getText();
    // The generator's sections, in its order (test/generate/util.ts keeps the list).
    const order = REPORT_SECTIONS.map((h) => report.indexOf(h));
    assert.ok(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1])), `status report sections in order: ${order.join(',')}`);

    const yaml = await untitled('partnership');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'partnership', name: 'Commitment' });
    assert.match(yaml.document.getText(), /^- id: C-1\n {2}summary: What was promised\n/);
  });
});
