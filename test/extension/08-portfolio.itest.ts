// The portfolio in the editor: the active partnership file's line in the status bar (the server's
// summary line), hidden for other files; a click on it reveals the file's node in the view; the
// dashboard of a file, asked again from the server after an edit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE, type DashboardPanel } from '../../client/src/dashboard';
import type { PartnershipFileNode } from '../../client/src/partnershipsView';
import { activateExtension, fixtureUri, openPartnershipFile, revertAndCloseAll, waitFor } from './helpers';

describe('portfolio status', () => {
  let api: Awaited<ReturnType<typeof activateExtension>>;
  before(async () => {
    api = await activateExtension();
  });
  after(revertAndCloseAll);

  it("shows the active partnership file's line, follows the active editor, and hides for other files", async () => {
    const status = api.portfolioStatus;
    await openPartnershipFile('northwind.partnership.yaml');
    await waitFor('the status of northwind', () => status.shown && status.item.text === '$(organization) watch · 1 late · on-time 50%', 20_000, () => `${status.shown} ${status.item.text}`);
    assert.match(String(status.item.tooltip), /^Northwind logistics portal \(Northwind Traders\): watch · 1 late · on-time 50%\.$/);
    await openPartnershipFile('acme.partnership.yaml');
    await waitFor('the status of acme', () => status.shown && status.item.text === '$(organization) healthy', 20_000, () => `${status.shown} ${status.item.text}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('.vscode', 'settings.json')));
    await waitFor('the status to hide for a file that is not a partnership', () => !status.shown, 20_000, () => `${status.shown} ${status.item.text}`);
  });

  it("a click reveals and selects the file's node in the Partnerships view, even while the view refreshes", async () => {
    const status = api.portfolioStatus;
    const uri = fixtureUri('acme.partnership.yaml').toString();
    await openPartnershipFile('acme.partnership.yaml');
    await waitFor('the status of acme', () => status.shown && status.item.text === '$(organization) healthy', 20_000, () => `${status.shown} ${status.item.text}`);
    const command = status.item.command as vscode.Command;
    assert.strictEqual(command.command, 'partnership.revealPortfolioNode');
    // Each round: a refresh of everything is pending (as after a file was created or the day
    // changed) when the click comes.
    for (let round = 0; round < 3; round++) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      api.tree.refresh();
      const node: PartnershipFileNode | undefined = await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      assert.strictEqual(node?.uri.toString(), uri, `round ${round}: the command resolves to acme's node`);
      await waitFor(
        `round ${round}: acme's node selected in the visible view`,
        () => status.view.visible && status.view.selection.length === 1 && status.view.selection[0].type === 'file' && status.view.selection[0].uri.toString() === uri,
        20_000,
        () => `visible ${status.view.visible}, selection ${status.view.selection.map((n) => n.uri.toString()).join(', ')}`,
      );
    }
  });
});

describe('dashboard', () => {
  let api: Awaited<ReturnType<typeof activateExtension>>;
  before(async () => {
    api = await activateExtension();
  });
  after(revertAndCloseAll);

  it('opens one panel per file with the server data, asks again after an edit, and reveals a mark', async () => {
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    const panel = await vscode.commands.executeCommand<DashboardPanel>('partnership.openDashboard');
    assert.strictEqual(panel, api.dashboards.get(editor.document.uri), 'the panel of the file');
    assert.strictEqual(await vscode.commands.executeCommand<DashboardPanel>('partnership.openDashboard', editor.document.uri), panel, 'one panel per file');
    const c12 = () => panel.data?.commitments.find((c) => c.id === 'C-12');
    await waitFor('the dashboard data', () => c12()?.due === '2026-11-01', 20_000, () => JSON.stringify(c12()));
    assert.deepStrictEqual(c12()!.late, { from: '2026-11-01', to: '2026-11-23', days: 22, range: { start: { line: 50, character: 9 }, end: { line: 50, character: 19 } } });
    assert.strictEqual(panel.panel.title, 'Dashboard: northwind');

    // Line 51 (0-based 50): "    due: 2026-11-01" — promised a week later.
    const ok = await editor.edit((e) => e.replace(new vscode.Range(50, 9, 50, 19), '2026-11-08'));
    assert.ok(ok);
    await waitFor('the dashboard after the edit', () => (c12()?.due === '2026-11-08' && c12()?.late?.days === 15 ? true : undefined), 20_000, () => JSON.stringify(c12()));

    const shown = await panel.reveal(c12()!.range);
    assert.strictEqual(shown.document.uri.toString(), editor.document.uri.toString());
    assert.deepStrictEqual([shown.selection.start.line, shown.selection.start.character, shown.selection.end.character], [45, 8, 12]);
    panel.panel.dispose();
    assert.strictEqual(api.dashboards.get(editor.document.uri), undefined, 'closed panels are forgotten');
  });

  it('a panel VS Code restores after a reload takes its file from the state its webview kept and asks the server again', async () => {
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    const uri = editor.document.uri;
    // What VS Code hands the serializer after a reload: a bare panel of our view type and the webview's state.
    const bare = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'restored', vscode.ViewColumn.Beside, {});
    const restored = api.dashboards.restore(bare, { uri: uri.toString() });
    assert.ok(restored, 'restored');
    assert.strictEqual(restored.panel, bare, 'the restored panel is the one VS Code gave');
    assert.strictEqual(api.dashboards.get(uri), restored);
    assert.strictEqual(bare.title, 'Dashboard: northwind');
    await waitFor('the restored dashboard data', () => (restored.data?.commitments.some((c) => c.id === 'C-12') ? true : undefined), 20_000, () => JSON.stringify(restored.data));
    // A second restored panel of the same file, or a state without a file (an older version's), is closed.
    const twice = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'twice', vscode.ViewColumn.Beside, {});
    let closed = 0;
    twice.onDidDispose(() => closed++);
    assert.strictEqual(api.dashboards.restore(twice, { uri: uri.toString() }), restored);
    const stateless = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'stateless', vscode.ViewColumn.Beside, {});
    stateless.onDidDispose(() => closed++);
    assert.strictEqual(api.dashboards.restore(stateless, undefined), undefined);
    assert.strictEqual(closed, 2);
    restored.panel.dispose();
    assert.strictEqual(api.dashboards.get(uri), undefined);
  });
});
