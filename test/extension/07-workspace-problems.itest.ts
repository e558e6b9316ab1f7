// Problems in files that are not open (`partnership.validate`, default `workspace`): a partnership
// file that appears on disk gets its diagnostics and a file node counting them without being
// opened; deleting it clears them; `open` mode clears closed files' problems. Every wait polls for
// the final state (the diagnostics, the tree item's description), never for an event.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, EXTENSION_ID, fixtureUri, rangeText, revertAndCloseAll, waitFor, waitForDiagnostics } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;

/** The file node's tree item once its description is `description` (the view refreshes asynchronously). */
async function fileItemWhen(api: Api, uri: vscode.Uri, description: string): Promise<vscode.TreeItem> {
  let seen: unknown = 'no node';
  try {
    return await waitFor(`the node of ${path.basename(uri.path)} to read "${description}"`, async () => {
      const node = (await api.tree.getChildren()).find((n) => n.uri.toString() === uri.toString());
      const item = node && api.tree.getTreeItem(node);
      seen = item?.description ?? 'no node';
      return item?.description === description ? item : undefined;
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${String(seen)}`);
  }
}

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('problems in files that are not open', () => {
  let api: Api;
  const globex = () => fixtureUri('globex.partnership.yaml');
  const example = () => path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'examples', 'globex-typos.partnership.yaml');

  before(async () => {
    api = await activateExtension();
    await revertAndCloseAll();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('partnership').update('validate', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(globex().fsPath, { force: true });
    await revertAndCloseAll();
  });

  it("lists a closed file's errors and counts them on its node, with an error icon instead of its health", async () => {
    fs.copyFileSync(example(), globex().fsPath);
    const errors = await waitForDiagnostics(globex(), (d) => d.length === 5);
    assert.deepStrictEqual(
      errors.map((d) => `${rangeText(d.range)} ${diagnosticCode(d)} ${d.severity}`).sort(),
      ['117:11-117:17 unknown-reference 0', '144:9-144:19 schema 0', '75:4-75:8 schema 0', '87:12-87:22 schema 0', '95:8-95:11 duplicate-id 0'],
    );
    assert.ok(!isOpen(globex()), 'the file was never opened');

    const item = await fileItemWhen(api, globex(), 'healthy · on-time 100% · 5 errors');
    assert.strictEqual(item.label, 'Globex billing migration');
    const icon = item.iconPath as vscode.ThemeIcon;
    assert.deepStrictEqual([icon.id, icon.color?.id], ['error', 'list.errorForeground'], 'no healthy heart over errors');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Problems: 5 errors, 0 warnings/);
  });

  it('follows the file on disk: a fix lowers the count, deleting it clears its problems and its node', async () => {
    const text = fs.readFileSync(globex().fsPath, 'utf8');
    fs.writeFileSync(globex().fsPath, text.replace('    ownr: spatel', '    owner: spatel'));
    await waitForDiagnostics(globex(), (d) => d.length === 4 && !d.some((x) => x.message.includes("'ownr'")));
    await fileItemWhen(api, globex(), 'healthy · on-time 100% · 4 errors');

    fs.rmSync(globex().fsPath);
    await waitForDiagnostics(globex(), (d) => d.length === 0);
    await waitFor('the node of the deleted file to go', async () => ((await api.tree.getChildren()).some((n) => n.uri.toString() === globex().toString()) ? undefined : true));
  });

  it("with partnership.validate 'open', closed files show no problems; the view still counts them; 'workspace' brings them back", async () => {
    // A file never opened in this VS Code (a document stays in textDocuments a while after its editor closes).
    fs.copyFileSync(example(), globex().fsPath);
    await waitForDiagnostics(globex(), (d) => d.length === 5);
    const config = vscode.workspace.getConfiguration('partnership');
    await config.update('validate', 'open', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(globex(), (d) => d.length === 0);
    assert.ok(!isOpen(globex()), 'the file was never opened');
    await fileItemWhen(api, globex(), 'healthy · on-time 100% · 5 errors');
    await config.update('validate', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(globex(), (d) => d.length === 5);
  });
});
