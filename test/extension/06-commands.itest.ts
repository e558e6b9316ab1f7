// Commands: generating the reset-meeting agenda and the status report through the server, and
// creating a new partnership file (its text from the server, the free name and the write here).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, fixtureUri, openPartnershipFile, REVIEW_DATE, revertAndCloseAll, waitFor, waitForDiagnostics, workspaceFolder } from './helpers';

async function readText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

describe('commands', () => {
  let api: Awaited<ReturnType<typeof activateExtension>>;
  before(async () => {
    api = await activateExtension();
  });
  after(revertAndCloseAll);

  it('partnership.generateAgenda writes the reset-meeting agenda beside the file and opens it', async () => {
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    const created = await vscode.commands.executeCommand<vscode.Uri>('partnership.generateAgenda');
    assert.ok(created, 'the command returns the new file');
    // Next working day after the review date (Monday 2026-11-23).
    assert.strictEqual(created.toString(), fixtureUri('northwind.reset-2026-11-24.md').toString());
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), created.toString(), 'the agenda is opened');
    const agenda = active.document.getText();
    assert.strictEqual(agenda.split('\n')[0], '# Reset meeting: Northwind logistics portal with Northwind Traders');
    assert.match(agenda, /^## 1\. Listen first$/m);
    assert.match(agenda, /^\| C-12 \| Pilot the audit dashboard \| Amir Lee \| Jane Doe \| 2026-11-01 \| 22 \|/m, 'the overdue commitment is in the facts');
    assert.match(agenda, new RegExp(`Prepared:\\*\\* ${REVIEW_DATE}`), 'as of the review date');
    // The planned reset meeting is recorded in the partnership file, pointing at the agenda.
    const yaml = editor.document.getText();
    assert.match(yaml, /- date: 2026-11-24\n\s+kind: reset\n[\s\S]*agenda: northwind\.reset-2026-11-24\.md/);
    await waitFor('the agenda on disk', async () => (await readText(created)).startsWith('# Reset meeting'));
  });

  it('never overwrites: a second agenda gets a free name', async () => {
    const second = await vscode.commands.executeCommand<vscode.Uri>('partnership.generateAgenda', fixtureUri('northwind.partnership.yaml'));
    assert.strictEqual(second.toString(), fixtureUri('northwind.reset-2026-11-24-2.md').toString());
    assert.ok((await readText(fixtureUri('northwind.reset-2026-11-24.md'))).startsWith('# Reset meeting'), 'the first agenda is untouched');
  });

  it('partnership.generateStatusReport works from a tree node', async () => {
    const files = await api.tree.getChildren();
    const acme = files.find((f) => api.tree.getTreeItem(f).label === 'Acme compliance analytics')!;
    const created = await vscode.commands.executeCommand<vscode.Uri>('partnership.generateStatusReport', acme);
    assert.match(created.path, /\/acme\.status-\d{4}-\d{2}-\d{2}\.md$/);
    const report = vscode.window.activeTextEditor!.document.getText();
    assert.match(report, /^# .*Acme compliance analytics/m);
  });

  it('a generated report records nothing; Mark Today\'s Status Report as Sent records lastSent in the file, on disk or in the editor', async () => {
    const acme = fixtureUri('acme.partnership.yaml');
    // The report generated from the tree above left the file as it was.
    assert.match(await readText(acme), /^ {4}lastSent: 2026-11-20$/m);
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('partnership.markStatusReportSent', acme))?.toString(), acme.toString());
    // Recorded in the editor's copy when VS Code holds the document, on disk otherwise: the document shows either.
    await waitFor('lastSent recorded', async () => /^ {4}lastSent: 2026-11-23$/m.test((await vscode.workspace.openTextDocument(acme)).getText()));
    assert.strictEqual(await vscode.commands.executeCommand('partnership.markStatusReportSent', acme), undefined, 'already today: nothing recorded');

    // An open file: the edit goes to the editor's text, the report opens beside it.
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    const created = await vscode.commands.executeCommand<vscode.Uri>('partnership.generateStatusReport', editor.document.uri);
    assert.strictEqual(created.toString(), fixtureUri('northwind.status-2026-11-23.md').toString());
    assert.match(editor.document.getText(), /^ {4}lastSent: 2026-11-20$/m, 'generating records nothing');
    const beside = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === created.toString());
    assert.ok(beside && beside.viewColumn !== editor.viewColumn, 'the report opens beside the partnership file');
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('partnership.markStatusReportSent', editor.document.uri))?.toString(), editor.document.uri.toString());
    assert.match(editor.document.getText(), /^ {4}lastSent: 2026-11-23$/m);
  });

  it('partnership.newFile creates a valid starter file, never overwriting', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('partnership.newFile', { name: 'Globex: data platform', customer: 'Globex Corporation' });
    assert.strictEqual(first.toString(), vscode.Uri.joinPath(workspaceFolder(), 'globex-data-platform.partnership.yaml').toString());
    const doc = vscode.window.activeTextEditor!.document;
    assert.strictEqual(doc.uri.toString(), first.toString(), 'the new file is opened');
    assert.strictEqual(doc.languageId, 'partnership');
    assert.match(doc.getText(), /^ {2}name: "Globex: data platform"$/m);
    assert.match(doc.getText(), /^ {2}customer: Globex Corporation$/m);
    assert.match(doc.getText(), new RegExp(`^# Started ${REVIEW_DATE}\\. `, 'm'), "the server's today: the review date");
    // Valid format v1: no error; what is left says what to do first (placeholders, sign-off, first report, first contact).
    const expected = ['communication-plan-unsigned', 'contact-stale', 'placeholder', 'placeholder', 'placeholder', 'placeholder', 'placeholder', 'placeholder', 'status-report-overdue'];
    const diagnostics = await waitForDiagnostics(first, (d) => JSON.stringify(d.map(diagnosticCode).sort()) === JSON.stringify(expected));
    assert.deepStrictEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    assert.strictEqual(diagnostics.find((d) => diagnosticCode(d) === 'placeholder')?.severity, vscode.DiagnosticSeverity.Information);

    const second = await vscode.commands.executeCommand<vscode.Uri>('partnership.newFile', { name: 'Globex: data platform', customer: 'Someone else' });
    assert.strictEqual(second.toString(), vscode.Uri.joinPath(workspaceFolder(), 'globex-data-platform-2.partnership.yaml').toString());
    assert.match(await readText(first), /customer: Globex Corporation/, 'the first file is untouched');

    // The view picks the new files up (file watcher → refresh).
    await waitFor('the new partnership in the view', async () => {
      const labels = (await api.tree.getChildren()).map((f) => api.tree.getTreeItem(f).label);
      return labels.filter((l) => l === 'Globex: data platform').length === 2 ? labels : undefined;
    });
  });

  it('partnership.newFile asks for the name and the customer and refuses empty answers', async () => {
    const asked: vscode.InputBoxOptions[] = [];
    const answers = ['Umbrella research', 'Umbrella Corporation'];
    const original = vscode.window.showInputBox;
    (vscode.window as { showInputBox: typeof original }).showInputBox = async (options?: vscode.InputBoxOptions) => {
      asked.push(options ?? {});
      return answers.shift();
    };
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri>('partnership.newFile');
      assert.strictEqual(created.path.split('/').pop(), 'umbrella-research.partnership.yaml');
    } finally {
      (vscode.window as { showInputBox: typeof original }).showInputBox = original;
    }
    assert.strictEqual(asked.length, 2);
    for (const options of asked) {
      assert.ok(options.validateInput, 'the answer is validated');
      assert.ok(await options.validateInput!('   '), 'an empty answer is refused');
      assert.strictEqual(await options.validateInput!('Umbrella'), undefined);
    }
    assert.match(asked[1].prompt ?? '', /customer/i);
  });
});
