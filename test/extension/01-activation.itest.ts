// The extension activates on a partnership file and contributes its language, settings and view.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch';
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

  it('starts the language server with the Node flags the benchmark measures (server/src/lsp/launch.ts)', async () => {
    await activateExtension();
    const serverModule = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'server.js');
    // The server is a child of this extension host: its command line is [node, ...execArgv, module, ...args].
    const servers: string[][] = [];
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
        if (parent === process.pid && argv.includes(serverModule)) servers.push(argv);
      } catch {
        // the process ended while being read
      }
    }
    assert.strictEqual(servers.length, 1, `one server process started by this extension host (${process.pid}): ${JSON.stringify(servers)}`);
    const argv = servers[0];
    assert.deepStrictEqual(argv.slice(1, argv.indexOf(serverModule)), SERVER_NODE_FLAGS);
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
