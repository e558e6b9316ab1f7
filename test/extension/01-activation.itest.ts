// The extension activates on a partnership file and contributes its language, settings and view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, openPartnershipFile, REVIEW_DATE, revertAndCloseAll } from './helpers';

describe('activation and contributions', () => {
  after(revertAndCloseAll);

  it('opens *.partnership.yaml as language "partnership" and activates the extension', async () => {
    const editor = await openPartnershipFile('northwind.partnership.yaml');
    assert.strictEqual(editor.document.languageId, 'partnership');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = await activateExtension();
    assert.ok(ext.isActive, 'the extension is active');
    assert.ok(api.client.isRunning(), 'the language server is running');
    assert.ok((await vscode.languages.getLanguages()).includes('partnership'));
  });

  it('reads partnership.reviewDate from the workspace settings and defaults the trace to off', () => {
    const config = vscode.workspace.getConfiguration('partnership');
    assert.strictEqual(config.get('reviewDate'), REVIEW_DATE);
    assert.strictEqual(config.inspect('trace.server')?.defaultValue, 'off');
  });

  it('contributes the language, grammar, yamlValidation, view and commands', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const language = contributes.languages.find((l: { id: string }) => l.id === 'partnership');
    assert.deepStrictEqual(language.filenamePatterns, ['*.partnership.yaml']);
    const grammar = contributes.grammars.find((g: { language?: string }) => g.language === 'partnership');
    assert.strictEqual(grammar.scopeName, 'source.partnership');
    assert.deepStrictEqual(contributes.yamlValidation, [{ fileMatch: '*.partnership.yaml', url: './schemas/partnership.schema.json' }]);
    assert.deepStrictEqual(
      contributes.views.partnerships.map((v: { id: string }) => v.id),
      ['partnership.partnerships'],
    );
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['partnership.newFile', 'partnership.generateAgenda', 'partnership.generateStatusReport', 'partnership.refresh']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });
});
