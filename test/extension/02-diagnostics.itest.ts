// The server's diagnostics reach VS Code with their rule id, message, range and severity.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, fixtureUri, openPartnershipFile, rangeText, REVIEW_DATE, revertAndCloseAll, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  before(activateExtension);
  after(revertAndCloseAll);

  it('reports the overdue and the due-soon commitment of northwind, as of the review date', async () => {
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 2);
    const summary = diagnostics
      .map((d) => ({ code: diagnosticCode(d), severity: d.severity, range: rangeText(d.range), message: d.message }))
      .sort((a, b) => a.range.localeCompare(b.range));
    assert.deepStrictEqual(summary, [
      {
        code: 'commitment-overdue',
        severity: vscode.DiagnosticSeverity.Warning,
        range: '50:9-50:19',
        message: "C-12 'Pilot the audit dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)",
      },
      {
        code: 'commitment-due-soon',
        severity: vscode.DiagnosticSeverity.Information,
        range: '57:9-57:19',
        message: "C-14 'Carrier slot booking in the staging portal', promised to Jane Doe, is due in 3 days (2026-11-26)",
      },
    ]);
    // The range is the due value itself.
    assert.strictEqual(editor.document.getText(diagnostics.find((d) => diagnosticCode(d) === 'commitment-overdue')!.range), '2026-11-01');
  });

  it('links each diagnostic to its rule documentation', async () => {
    const d = vscode.languages.getDiagnostics(fixtureUri('northwind.partnership.yaml')).find((x) => diagnosticCode(x) === 'commitment-overdue');
    assert.ok(d && typeof d.code === 'object', 'the code carries a target');
    // package.json names no repository: the link is the rule page bundled with the extension.
    const target = (d.code as { target: vscode.Uri }).target;
    const bundled = vscode.Uri.joinPath(vscode.extensions.getExtension('partnership-tools.partnership')!.extensionUri, 'docs', 'rules', 'commitment-overdue.md');
    assert.strictEqual(target.toString(), bundled.toString());
  });

  it('updates as you type: a late due date in acme appears, and goes when reverted', async () => {
    const editor = await openPartnershipFile('acme.partnership.yaml');
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.trim() === 'due: 2026-12-18');
    assert.ok(line > 0, 'acme has C-1 due 2026-12-18');
    const due = new vscode.Range(line, 9, line, 19);
    await editor.edit((b) => b.replace(due, '2026-11-20'));
    const [late] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => diagnosticCode(x) === 'commitment-overdue'));
    assert.strictEqual(rangeText(late.range), rangeText(due));
    assert.strictEqual(late.message, "C-1 'Nightly export of audit findings', promised to Priya Nair, is 3 days overdue (due 2026-11-20)");
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  it('follows a change of partnership.reviewDate without an edit', async () => {
    const uri = fixtureUri('northwind.partnership.yaml');
    const config = vscode.workspace.getConfiguration('partnership', uri);
    await config.update('reviewDate', '2026-12-10', vscode.ConfigurationTarget.Workspace);
    try {
      const later = "C-12 'Pilot the audit dashboard', promised to Jane Doe, is 39 days overdue (due 2026-11-01)";
      await waitForDiagnostics(uri, (ds) => ds.some((x) => x.message === later && diagnosticCode(x) === 'commitment-overdue'));
    } finally {
      await config.update('reviewDate', REVIEW_DATE, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (ds) => ds.some((x) => x.message.includes('is 22 days overdue')));
  });
});
