// The portfolio in the editor: the active partnership file's line in the status bar (the server's
// summary line), hidden for other files.
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
    assert.match(String(status.item.tooltip), /^Northwind logistics portal \(Northwind Traders\): watch · 1 late · on-time 50%\.$/);
    await openPartnershipFile('acme.partnership.yaml');
    await waitFor('the status of acme', () => status.shown && status.item.text === '$(organization) healthy', 20_000, () => `${status.shown} ${status.item.text}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('.vscode', 'settings.json')));
    await waitFor('the status to hide for a file that is not a partnership', () => !status.shown, 20_000, () => `${status.shown} ${status.item.text}`);
  });
});
