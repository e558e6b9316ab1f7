// The portfolio in the editor: the active partnership file's line in the status bar (the server's
// summary line), hidden for other files, and a click that reveals the file's node in the view.
import * as assert from 'assert';
import * as vscode from 'vscode';
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
    assert.match(String(status.item.tooltip), /^Northwind logistics portal \(Northwind Traders\): watch · 1 late · on-time 50%\. Click to show it in the Partnerships view\.$/);
    await openPartnershipFile('acme.partnership.yaml');
    await waitFor('the status of acme', () => status.shown && status.item.text === '$(organization) healthy', 20_000, () => `${status.shown} ${status.item.text}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('.vscode', 'settings.json')));
    await waitFor('the status to hide for a file that is not a partnership', () => !status.shown, 20_000, () => `${status.shown} ${status.item.text}`);
  });

  it("a click reveals and selects the file's node in the Partnerships view", async () => {
    const status = api.portfolioStatus;
    await openPartnershipFile('northwind.partnership.yaml');
    await waitFor('the status of northwind', () => status.shown);
    assert.strictEqual(status.item.command && typeof status.item.command === 'object' ? status.item.command.command : status.item.command, 'partnership.revealInView');
    await vscode.commands.executeCommand('partnership.revealInView');
    const selected = await waitFor('the node selected', () => {
      const [node] = status.view.selection;
      return node && node.type === 'file' && node.uri.toString() === fixtureUri('northwind.partnership.yaml').toString() ? node : undefined;
    }, 20_000, () => JSON.stringify(status.view.selection.map((n) => n.uri.toString())));
    assert.ok(status.view.visible, 'the view is shown');
    assert.strictEqual(api.tree.getTreeItem(selected).label, 'Northwind logistics portal');
  });
});
