// The language server: LSP wiring around the pure language service, and nothing else. It owns
// the things the service deliberately does not: the open documents (openDocuments.ts), the clock
// and the settings (settings.ts), config files (configFiles.ts), when to check (documentScheduling.ts),
// closed files (workspaceValidation.ts), the warm-up (warmUp.ts), and the protocol's shapes.
// The handlers sit in handlers/, by concern; this file builds what they share and registers them.
import { Connection } from 'vscode-languageserver/node';
import { homedir } from 'os';
import * as path from 'path';
import { createLanguageService, Day } from '../service';
import { ruleDocsBase } from '../install';
import { ConfigFiles } from './configFiles';
import { DocumentScheduler, fileProblem } from './documentScheduling';
import { nodeFileSystem } from '../node/nodeFs';
import { pathToUri, uriToPath } from './uris';
import { registerCommandHandlers } from './handlers/commandHandlers';
import { registerLanguageHandlers } from './handlers/languageHandlers';
import { registerLifecycleHandlers } from './handlers/lifecycleHandlers';
import { registerSettingsHandlers } from './handlers/settingsHandlers';
import { registerValidationHandlers } from './handlers/validationHandlers';
import { OpenDocuments } from './openDocuments';
import { published } from './published';
import { OUTLINES_CHANGED_NOTIFICATION, OutlinesChangedParams } from './protocol';
import { HandlerSafety } from './safety';
import type { ServerContext, ServerOptions } from './serverContext';
import { Settings } from './settings';
import { WorkspaceValidator } from './workspaceValidation';

export type { ServerOptions } from './serverContext';

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const service = createLanguageService({ fs: nodeFileSystem, home: options.home ?? homedir(), docsBaseUrl: ruleDocsBase() });
  const documents = new OpenDocuments();
  const safety = new HandlerSafety(connection);
  const settings = new Settings(connection, safety, options.now ?? (() => new Date()));
  const configs = new ConfigFiles(connection, service, safety);

  const diagnosticsOf = (uri: string, text: string, day: Day) =>
    service.validate(text, uriToPath(uri) ?? uri, { today: day, config: configs.applying(uri)?.config });
  const outlinesChanged = (uris: string[] | undefined) => {
    const params: OutlinesChangedParams = uris ? { uris } : {};
    void connection.sendNotification(OUTLINES_CHANGED_NOTIFICATION, params);
  };
  const today = () => settings.today();

  const scheduler = new DocumentScheduler({
    documents,
    safety,
    today,
    diagnosticsOf,
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics: published(diagnostics) }),
    outlinesChanged,
  });
  // Files that are not open: checked from disk in `partnership.validate: workspace` mode.
  const workspace = new WorkspaceValidator({
    mode: async () => ((await settings.current()).validate === 'open' ? 'open' : 'workspace'),
    isOpen: (uri) => documents.get(uri) !== undefined,
    readFile: (uri) => {
      const filePath = uriToPath(uri);
      return filePath === undefined ? undefined : nodeFileSystem.readFile(filePath);
    },
    unreadable: (uri) => {
      const filePath = uriToPath(uri);
      const why = filePath === undefined ? undefined : nodeFileSystem.failedReads.get(path.resolve(filePath));
      if (why === undefined || !nodeFileSystem.exists(filePath!)) return undefined; // gone: nothing to say
      const prefix = `cannot read ${path.resolve(filePath!)}: `;
      return [fileProblem(`This file cannot be checked: ${why.startsWith(prefix) ? why.slice(prefix.length) : why}`)];
    },
    diagnostics: async (uri, text) => {
      const diagnostics = diagnosticsOf(uri, text, await today());
      service.forget(uriToPath(uri) ?? uri); // no parse of a closed file is kept
      return diagnostics;
    },
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics: published(diagnostics) }),
    log: (message) => connection.console.warn(message),
    uriOf: pathToUri,
  });

  const ctx: ServerContext = {
    connection,
    options,
    service,
    documents,
    safety,
    settings,
    configs,
    scheduler,
    workspace,
    client: { capabilities: {}, commands: [], folders: [] },
    diagnosticsOf,
    outlinesChanged,
    revalidateAll() {
      scheduler.revalidateOpen();
      workspace.revalidateAll();
      outlinesChanged(undefined);
    },
  };

  const stopDayCheck = registerSettingsHandlers(ctx);
  registerLifecycleHandlers(ctx, stopDayCheck);
  registerValidationHandlers(ctx);
  registerLanguageHandlers(ctx);
  registerCommandHandlers(ctx);

  documents.documents.listen(connection);
  connection.listen();
}
