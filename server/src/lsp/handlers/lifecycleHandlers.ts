// initialize (the capabilities), initialized (the log's first line, the warm-up, registrations,
// the workspace check) and shutdown.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { CODE_ACTION_KIND, CONFIG_FILE_NAME, dayOfDate, formatDay } from '../../service';
import { PARTNERSHIP_GLOB } from '../../node/names';
import { uriToPath } from '../uris';
import { InitializationOptions, SETTINGS_SECTION } from '../protocol';
import type { ServerContext } from '../serverContext';
import { serverVersion } from '../serverVersion';
import { warmUp } from '../warmUp';
import { SERVER_COMMANDS } from './commandHandlers';

export function registerLifecycleHandlers(ctx: ServerContext, onShutdown: () => void): void {
  const { connection, safety, settings, workspace } = ctx;

  connection.onInitialize((params): InitializeResult => {
    const client = params.capabilities;
    // Generated documents are written only inside these (the root, for a client without folders).
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    let paths = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (paths.length === 0 && params.rootPath) paths = [params.rootPath];
    const commands = (params.initializationOptions as InitializationOptions | undefined)?.clientCommands;
    ctx.client = { capabilities: client, folders: paths, commands: Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : [] };
    settings.initialize(client);
    workspace.setFolders(paths);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' ', '[', ','], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Partnership' },
        codeActionProvider: {
          codeActionKinds: [CODE_ACTION_KIND.quickFix, CODE_ACTION_KIND.generateAgenda, CODE_ACTION_KIND.generateReport],
          resolveProvider: false,
        },
        executeCommandProvider: { commands: SERVER_COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'partnership-language-server', version: serverVersion() },
    };
  });

  connection.onInitialized(
    safety.guard('initialized', undefined, async () => {
      const client = ctx.client.capabilities;
      // The first line of the log: what runs, on what, as of which day.
      const day = await settings.today();
      connection.console.info(`partnership-language-server ${serverVersion()} · Node ${process.version} · today ${formatDay(day)}${settings.announced?.reviewDate ? ' (partnership.reviewDate)' : ''}`);
      if (ctx.options.warmUp !== false) {
        const now = ctx.options.now ?? (() => new Date());
        warmUp(ctx.service, dayOfDate(now()), () => ctx.documents.all().some((d) => ctx.documents.served(d)));
      }
      if (client.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
          ctx.client.folders = [...ctx.client.folders.filter((p) => !removed.has(p)), ...added];
          workspace.setFolders(ctx.client.folders);
        });
      }
      void workspace.start().catch((err: unknown) => safety.logError('workspace validation', err));
      if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: PARTNERSHIP_GLOB }],
        });
      }
      if (settings.canPullConfiguration && client.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
    }),
  );

  connection.onShutdown(() => {
    safety.shutDown = true;
    onShutdown();
    workspace.dispose();
  });
}
