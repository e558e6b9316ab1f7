// The Partnerships view: one node per file with its health, the server's outline below it, and a
// click that reveals the item in the file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { PartnershipTreeNode } from '../../client/src/partnershipsView';
import { activateExtension, fixtureUri, rangeText, revertAndCloseAll, waitFor, workspaceFolder } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;

function iconOf(item: vscode.TreeItem): { id: string; color?: string } {
  const icon = item.iconPath as vscode.ThemeIcon;
  assert.ok(icon instanceof vscode.ThemeIcon, `${String(item.label)} has a theme icon`);
  return { id: icon.id, color: icon.color?.id };
}

async function childLabels(api: Api, node: PartnershipTreeNode): Promise<string[]> {
  return (await api.tree.getChildren(node)).map((c) => String(api.tree.getTreeItem(c).label));
}

async function child(api: Api, node: PartnershipTreeNode, label: string): Promise<PartnershipTreeNode> {
  const found = (await api.tree.getChildren(node)).find((c) => api.tree.getTreeItem(c).label === label);
  assert.ok(found, `"${label}" under ${String(api.tree.getTreeItem(node).label)}; children: ${(await childLabels(api, node)).join(', ')}`);
  return found;
}

describe('Partnerships view', () => {
  let api: Api;
  before(async () => {
    api = await activateExtension();
  });
  after(revertAndCloseAll);

  it('lists one node per partnership file, named and iconed by the server outline, what needs attention first', async () => {
    const files = await api.tree.getChildren();
    const items = files.map((f) => api.tree.getTreeItem(f));
    // A portfolio: northwind (watch, a late commitment) before acme (healthy), whatever the paths.
    assert.deepStrictEqual(items.map((i) => i.label), ['Northwind logistics portal', 'Acme compliance analytics']);
    assert.deepStrictEqual(items.map((i) => i.description), ['watch · 1 late · on-time 50% · 1 warning', 'healthy']);
    assert.deepStrictEqual(items.map(iconOf), [
      { id: 'eye', color: 'charts.yellow' },
      { id: 'heart', color: 'testing.iconPassed' },
    ]);
    assert.deepStrictEqual(items.map((i) => i.contextValue), ['partnershipFile', 'partnershipFile']);
    assert.deepStrictEqual(items.map((i) => i.command), [undefined, undefined], 'a click on a file expands it');
  });

  it('shows the outline groups, and commitments grouped by state with their icons', async () => {
    const northwind = (await api.tree.getChildren())[0];
    assert.deepStrictEqual(await childLabels(api, northwind), ['People', 'Communication plan', 'Commitments', 'Concerns', 'Health: watch', 'Meetings']);
    const commitments = await child(api, northwind, 'Commitments');
    assert.strictEqual(api.tree.getTreeItem(commitments).description, '1 overdue');
    assert.strictEqual(api.tree.getTreeItem(commitments).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.strictEqual(api.tree.getTreeItem(commitments).command, undefined, 'a click on a group expands it');
    assert.deepStrictEqual(await childLabels(api, commitments), ['Overdue', 'Due soon', 'Done']);

    const overdue = await child(api, commitments, 'Overdue');
    const [c12] = await api.tree.getChildren(overdue);
    const item = api.tree.getTreeItem(c12);
    assert.strictEqual(item.label, 'C-12: Pilot the audit dashboard');
    assert.strictEqual(item.description, '22 days late · Amir Lee');
    assert.deepStrictEqual(iconOf(item), { id: 'error', color: 'list.errorForeground' });

    const [c14] = await api.tree.getChildren(await child(api, commitments, 'Due soon'));
    assert.strictEqual(api.tree.getTreeItem(c14).description, 'due in 3 days · Amir Lee');
    assert.deepStrictEqual(iconOf(api.tree.getTreeItem(c14)), { id: 'clock', color: 'list.warningForeground' });

    const [jane] = await api.tree.getChildren(await child(api, northwind, 'People'));
    const janeItem = api.tree.getTreeItem(jane);
    assert.strictEqual(janeItem.label, 'Jane Doe');
    assert.deepStrictEqual(iconOf(janeItem), { id: 'star-full', color: 'charts.blue' }, 'a decision maker is marked');
  });

  it('reveals and selects the item in the file when clicked', async () => {
    const northwind = (await api.tree.getChildren())[0];
    const overdue = await child(api, await child(api, northwind, 'Commitments'), 'Overdue');
    const [c12] = await api.tree.getChildren(overdue);
    const command = api.tree.getTreeItem(c12).command!;
    assert.strictEqual(command.command, 'partnership.revealInFile');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), fixtureUri('northwind.partnership.yaml').toString());
    assert.strictEqual(editor.document.getText(editor.selection), 'C-12');
    assert.strictEqual(rangeText(editor.selection), '45:8-45:12');
    assert.strictEqual((api.tree.getParent(c12) as { id?: string } | undefined)?.id, (overdue as { id: string }).id, 'getParent finds the group (VS Code needs it to reveal a node)');
  });

  it('skips node_modules and picks up new files on refresh', async () => {
    const nm = vscode.Uri.joinPath(workspaceFolder(), 'node_modules', 'some-package');
    fs.mkdirSync(nm.fsPath, { recursive: true });
    fs.copyFileSync(fixtureUri('acme.partnership.yaml').fsPath, vscode.Uri.joinPath(nm, 'vendored.partnership.yaml').fsPath);
    fs.mkdirSync(fixtureUri('accounts').fsPath, { recursive: true });
    const added = fixtureUri('accounts', 'initech.partnership.yaml');
    fs.writeFileSync(added.fsPath, 'version: 1\npartnership:\n  name: Initech billing\n  customer: Initech\n');
    try {
      await vscode.commands.executeCommand('partnership.refresh');
      // Read the listing itself until it shows the new file (an event seen may predate it).
      // Not assessed (initech) comes between watch (northwind) and healthy (acme).
      const expected = ['Northwind logistics portal', 'Initech billing', 'Acme compliance analytics'];
      let labels: unknown[] = [];
      await waitFor(
        'the new file in the view',
        async () => {
          labels = (await api.tree.getChildren()).map((f) => api.tree.getTreeItem(f).label);
          return JSON.stringify(labels) === JSON.stringify(expected);
        },
        20_000,
        () => JSON.stringify(labels),
      );
      const initech = api.tree.getTreeItem((await api.tree.getChildren())[1]);
      assert.deepStrictEqual(iconOf(initech), { id: 'question', color: 'disabledForeground' }, 'no health: unknown');
    } finally {
      fs.rmSync(nm.fsPath, { recursive: true, force: true });
      fs.rmSync(fixtureUri('node_modules').fsPath, { recursive: true, force: true });
      fs.rmSync(fixtureUri('accounts').fsPath, { recursive: true, force: true });
    }
  });
});
