// What issue 9 asked of the editor, in a real VS Code: the review-date language status, and the
// ESLint-style actions on every diagnostic (show the rule's page, turn the rule off). Every wait
// polls for the final observable state.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticCode, fixtureUri, openPartnershipFile, REVIEW_DATE, revertAndCloseAll, waitFor, waitForDiagnostics } from './helpers';

describe('editor polish', () => {
  let api: Awaited<ReturnType<typeof activateExtension>>;
  const config = () => fixtureUri('.partnershiprc.yaml');
  before(async () => {
    api = await activateExtension();
  });
  after(async () => {
    await revertAndCloseAll();
    await vscode.workspace.fs.delete(config()).then(undefined, () => undefined);
  });

  it('the language status says the files are judged as of the review date', async () => {
    await openPartnershipFile('northwind.partnership.yaml');
    const text = await waitFor('the review date in the language status', () => (api.reviewDateStatus.text === `as of ${REVIEW_DATE}` ? api.reviewDateStatus.text : undefined));
    assert.strictEqual(text, 'as of 2026-11-23');
    assert.strictEqual(api.reviewDateStatus.detail, 'partnership.reviewDate overrides the date');
  });

  it('offers Turn off and Show documentation on a diagnostic; Show documentation opens the bundled page in the preview', async () => {
    const uri = fixtureUri('northwind.partnership.yaml');
    const d = (await waitForDiagnostics(uri, (all) => all.some((x) => diagnosticCode(x) === 'commitment-overdue'))).find((x) => diagnosticCode(x) === 'commitment-overdue')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(titles.filter((t) => /^(Turn off|Show documentation)/.test(t)), ['Turn off commitment-overdue in .partnershiprc.yaml', 'Show documentation for commitment-overdue']);
    const show = actions.find((a) => a.title === 'Show documentation for commitment-overdue')!;
    await vscode.commands.executeCommand(show.command!.command, ...(show.command!.arguments ?? []));
    const preview = await waitFor('the Markdown preview of the rule page', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Preview commitment-overdue.md'),
    );
    assert.ok(preview);
  });

  it('Turn off writes .partnershiprc.yaml beside the file, and the rule stops reporting', async () => {
    const uri = fixtureUri('northwind.partnership.yaml');
    await openPartnershipFile('northwind.partnership.yaml');
    const d = (await waitForDiagnostics(uri, (all) => all.some((x) => diagnosticCode(x) === 'commitment-overdue'))).find((x) => diagnosticCode(x) === 'commitment-overdue')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const turnOff = actions.find((a) => a.title === 'Turn off commitment-overdue in .partnershiprc.yaml')!;
    await vscode.commands.executeCommand(turnOff.command!.command, ...(turnOff.command!.arguments ?? []));
    const written = await waitFor('the config on disk', async () => {
      try {
        return Buffer.from(await vscode.workspace.fs.readFile(config())).toString('utf8') || undefined;
      } catch {
        return undefined;
      }
    });
    assert.strictEqual(written, 'rules:\n  commitment-overdue: off\n');
    await waitForDiagnostics(uri, (all) => all.length > 0 && !all.some((x) => diagnosticCode(x) === 'commitment-overdue'));
  });
});
