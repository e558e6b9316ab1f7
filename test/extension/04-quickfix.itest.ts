// The overdue quick fix, end to end: offered on the diagnostic, applied as one edit, and the
// diagnostic goes away once the server re-validates.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, openPartnershipFile, REVIEW_DATE, revertAndCloseAll, waitFor, waitForDiagnostics } from './helpers';

describe('quick fixes', () => {
  let api: Awaited<ReturnType<typeof activateExtension>>;
  before(async () => {
    api = await activateExtension();
  });
  after(revertAndCloseAll);

  it('offers "Mark C-12 done today" on the overdue commitment, and applying it removes the diagnostic', async () => {
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    const doc = editor.document;
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.some((x) => diagnosticCode(x) === 'commitment-overdue'));
    const overdue = diagnostics.find((x) => diagnosticCode(x) === 'commitment-overdue')!;
    const original = doc.getText();

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      overdue.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const markDone = actions.find((a) => a.title === `Mark C-12 done today (${REVIEW_DATE})`);
    assert.ok(markDone, `"Mark C-12 done today" offered; got: ${titles.join(' | ')}`);
    assert.ok(markDone.kind && vscode.CodeActionKind.QuickFix.contains(markDone.kind), 'it is a quick fix');
    assert.ok(markDone.isPreferred, 'it is the preferred fix');
    assert.ok(titles.some((t) => t.startsWith('Renegotiate C-12')), 'renegotiate is offered too');

    // The view lists the files (so it knows northwind's node), then listens for the server's
    // partnership/outlinesChanged, which follows the edit.
    await api.tree.getChildren();
    const refreshed: (string | undefined)[] = [];
    const listener = api.tree.onDidChangeTreeData((node) => refreshed.push(node?.uri.toString()));

    if (markDone.edit) assert.ok(await vscode.workspace.applyEdit(markDone.edit), 'the edit applies');
    if (markDone.command) await vscode.commands.executeCommand(markDone.command.command, ...(markDone.command.arguments ?? []));

    const after = await waitForDiagnostics(doc.uri, (d) => !d.some((x) => diagnosticCode(x) === 'commitment-overdue'));
    assert.deepStrictEqual(after.map(diagnosticCode), ['commitment-due-soon'], 'only the due-soon commitment is left');
    const text = doc.getText();
    const c12 = text.slice(text.indexOf('- id: C-12'), text.indexOf('- id: C-14'));
    assert.match(c12, /\n {4}status: done\n/);
    assert.match(c12, new RegExp(`\\n {4}completed: ${REVIEW_DATE}\\n`));
    assert.match(c12, /\n {4}due: 2026-11-01\n/, 'the due date is kept');

    // The Partnerships view follows the unsaved edit. A refresh event only says "read again": an
    // event for the file's node comes after its outline was reloaded, while a "refresh everything"
    // (undefined, e.g. from the file watcher) makes VS Code call getChildren, which reloads them.
    // So the wait reads the node's description itself, doing what VS Code does for each event,
    // until it is the new one; an event alone is never taken as proof of the new state.
    const describe = () => api.tree.fileNodes().find((n) => n.uri.toString() === doc.uri.toString());
    try {
      await waitFor(
        'the view to show northwind without "1 overdue"',
        async () => {
          if (refreshed.includes(undefined)) await api.tree.getChildren();
          else if (!refreshed.includes(doc.uri.toString())) return undefined;
          const node = describe();
          // Done, but 22 days late: the reliability figures now count it.
          return node && api.tree.getTreeItem(node).description === 'watch · on-time 50%';
        },
        20_000,
        () => `events ${JSON.stringify(refreshed)}, description ${JSON.stringify(describe() && api.tree.getTreeItem(describe()!).description)}`,
      );
    } finally {
      listener.dispose();
    }

    // One undo takes the whole fix back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'undo removes the whole fix');
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => diagnosticCode(x) === 'commitment-overdue'));
  });
});
