// The language server: LSP wiring around the pure language service, and nothing else. It owns
// the things the service deliberately does not: the open documents, the clock ("today" is read
// here and nowhere below), the settings, the disk, debouncing, and the protocol's shapes.
import {
  ClientCapabilities,
  CodeAction,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  InitializeResult,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { readFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CODE_ACTION_KIND,
  codeActions,
  completion,
  CONFIG_FILE_NAME,
  ConfigResult,
  createLanguageService,
  Day,
  dayOfDate,
  definition,
  formatDay,
  Diagnostic,
  documentHighlights,
  documentSymbols,
  GENERATE_TITLES,
  hover,
  MAX_TEXT_LENGTH,
  parseToday,
  PartnershipConfig,
  partnershipFileStem,
  prepareRename,
  references,
  rename,
  Severity,
  ruleDocsUrl,
  starterFile,
  tooLargeMessage,
} from '../service';
import { isConfigFile, nodeFileSystem, pathToUri, uriToPath } from './files';
import { generateDocument, GenerateKind } from './generate';
import { ruleDocsBase } from '../install';
import { announceRecord } from './recordUndo';
import { turnOffRule } from './turnOffRule';
import { published } from './published';
import {
  CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION,
  COMMAND_GENERATE_AGENDA,
  COMMAND_GENERATE_REPORT,
  COMMAND_TURN_OFF_RULE,
  InitializationOptions,
  LANGUAGE_ID,
  OUTLINE_REQUEST,
  OutlineParams,
  OutlineResult,
  OUTLINES_CHANGED_NOTIFICATION,
  OutlinesChangedParams,
  PartnershipSettings,
  ProblemCounts,
  SETTINGS_SECTION,
  STARTER_FILE_REQUEST,
  StarterFileParams,
  StarterFileResult,
  TODAY_NOTIFICATION,
  TodayParams,
} from './protocol';
import { WorkspaceValidator } from './workspaceValidation';

/**
 * While the user types (changes less than this apart), a document is checked this long after the
 * last change, so a half-typed word does not flash diagnostics at every keystroke.
 */
export const VALIDATION_DELAY_MS = 150;
/**
 * A change after a pause (a quick fix, a paste, the first keystroke) is checked almost at once:
 * this short wait only lets changes sent together (an undo of several edits) supersede each other.
 */
export const FIRST_CHANGE_DELAY_MS = 20;

/** How long to wait before checking a change made at `at`, the one before it made at `previous` (ms, one clock). */
export function changeDelay(at: number, previous: number | undefined): number {
  return previous !== undefined && at - previous < VALIDATION_DELAY_MS ? VALIDATION_DELAY_MS : FIRST_CHANGE_DELAY_MS;
}
export const DAY_CHECK_INTERVAL_MS = 60_000;
/**
 * The tree view lists at most this many items per group (then "… N more"): a 20,000-commitment file
 * would otherwise send ~10 MB to the client after every edit. Document symbols are not limited.
 */
export const OUTLINE_MAX_CHILDREN = 200;
/** Idle time after `initialized` before the warm-up starts (a file opened with the editor arrives sooner). */
export const WARM_UP_DELAY_MS = 100;

export interface ServerOptions {
  /** The clock; only this layer reads it. Tests may pass a fixed one. */
  now?: () => Date;
  /** How often to look whether the calendar day changed (default: every minute). */
  dayCheckIntervalMs?: number;
  /** Whether to warm up the checker while no document is open yet (default: true). */
  warmUp?: boolean;
  /** The user's home folder, where the config lookup stops (default: os.homedir()). */
  home?: string;
}

interface Validated {
  version: number;
  /** The text they were computed for: a client may reuse a version number for other text. */
  text: string;
  diagnostics: Diagnostic[];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const docsBaseUrl = ruleDocsBase();
  const service = createLanguageService({ fs: nodeFileSystem, home: options.home ?? homedir(), docsBaseUrl });
  /**
   * Documents over the size limit, with their length: they are kept empty (a 100 MB text is not
   * copied, split into lines or parsed) and get one diagnostic, until a full text within the limit
   * replaces them (or they are closed and opened again).
   */
  const oversized = new Map<string, number>();
  const createDocument = (uri: string, languageId: string, version: number, content: string): TextDocument => {
    oversized.delete(uri);
    if (content.length <= MAX_TEXT_LENGTH) return TextDocument.create(uri, languageId, version, content);
    oversized.set(uri, content.length);
    return TextDocument.create(uri, languageId, version, '');
  };
  const documents = new TextDocuments({
    create: createDocument,
    update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      if (oversized.has(document.uri)) {
        // Only a full text can replace one that was not kept; incremental changes cannot apply.
        const full = changes.map((c) => !('range' in c)).lastIndexOf(true);
        if (full < 0) return TextDocument.create(document.uri, document.languageId, version, '');
        const replaced = createDocument(document.uri, document.languageId, version, changes[full].text);
        return oversized.has(document.uri) ? replaced : this.update(replaced, changes.slice(full + 1), version);
      }
      const updated = TextDocument.update(document, changes, version);
      const length = updated.getText().length;
      if (length <= MAX_TEXT_LENGTH) return updated;
      oversized.set(document.uri, length);
      return TextDocument.create(document.uri, document.languageId, version, '');
    },
  });

  let client: ClientCapabilities = {};
  let clientCommands: string[] = [];
  let canPullConfiguration = false;
  let pushedSettings: PartnershipSettings = {};
  let settingsRequest: Promise<PartnershipSettings> | undefined;
  let lastToday: Day | undefined;
  let warnedReviewDate: string | undefined;
  let workspaceFolders: string[] = [];
  /** Config files already reported as ignored (once per file and session). */
  const warnedConfigs = new Set<string>();

  const timers = new Map<string, NodeJS.Timeout>();
  /** Bumped per scheduled run and on close: a run that finds a newer number was superseded. */
  const generation = new Map<string, number>();
  /** The document being opened: TextDocuments reports an open as a change too. */
  let opening: string | undefined;
  /** Whether `shutdown` was received: every later request is refused. */
  let shutDown = false;
  /** When each document last changed (a monotonic clock in ms), to tell typing from a single edit. */
  const lastChange = new Map<string, number>();
  const validated = new Map<string, Validated>();
  /** Config file URI → its problems as last published, to publish only on change. */
  const publishedConfig = new Map<string, string>();
  /** Config file path → the URI the client spells it with (from its file events). */
  const configUris = new Map<string, string>();

  // ------------------------------------------------------------------------------------------
  // Safety: a handler that throws logs the error and answers with an empty result.

  const logError = (what: string, err: unknown) => {
    const text = err instanceof Error ? err.stack ?? err.message : String(err);
    connection.console.error(`${what} failed: ${text}`);
  };

  function guard<P extends unknown[], R>(what: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await handler(...args);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        logError(what, err);
        return fallback;
      }
    };
  }

  /** A request handler: refused after `shutdown`, as the protocol says, else guarded. */
  function request<P extends unknown[], R>(what: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return guard(what, fallback, (...args: P) => {
      if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `${what}: the server is shutting down (shutdown was received)`);
      return handler(...args);
    });
  }

  /** A message for the user; a notification, so nothing waits for them to dismiss it. */
  const showMessage = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });

  const served = (doc: TextDocument | undefined): doc is TextDocument =>
    doc !== undefined && (doc.languageId === LANGUAGE_ID || doc.uri.endsWith('.partnership.yaml'));

  /** A document the language features work on: served, and not refused for its size. */
  const servedDocument = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    return served(doc) && !oversized.has(uri) ? doc : undefined;
  };

  // ------------------------------------------------------------------------------------------
  // Today: the local date, unless the `partnership.reviewDate` setting says otherwise.

  async function settings(): Promise<PartnershipSettings> {
    if (!canPullConfiguration) return pushedSettings;
    settingsRequest ??= connection.workspace.getConfiguration(SETTINGS_SECTION).then(
      (value: unknown) => (value && typeof value === 'object' ? (value as PartnershipSettings) : {}),
      (err: unknown) => {
        logError('workspace/configuration', err);
        settingsRequest = undefined;
        return {};
      },
    );
    return settingsRequest;
  }

  async function today(): Promise<Day> {
    const setting: unknown = (await settings()).reviewDate;
    // Any JSON may arrive: Neovim sends an unquoted date as a number.
    const reviewDate = typeof setting === 'string' ? setting.trim() : setting === undefined || setting === null ? '' : setting;
    if (reviewDate !== '') {
      const parsed = typeof reviewDate === 'string' ? parseToday(reviewDate) : { problem: 'expected a text YYYY-MM-DD' };
      if ('day' in parsed) return announceToday(parsed.day, true);
      const shown = typeof reviewDate === 'string' ? `'${reviewDate}'` : `${JSON.stringify(reviewDate) ?? String(reviewDate)} (a ${typeof reviewDate})`;
      if (warnedReviewDate !== shown) {
        warnedReviewDate = shown;
        showMessage(MessageType.Warning, `partnership.reviewDate ${shown} is not valid: ${parsed.problem}; using today's date.`);
      }
    }
    return announceToday(dayOfDate(now()), false);
  }

  /** Tell the client the day files are judged as of, when it changes (its status bar shows it). */
  let announcedToday: TodayParams | undefined;
  function announceToday(day: Day, reviewDate: boolean): Day {
    const params: TodayParams = { today: formatDay(day), reviewDate };
    if (params.today !== announcedToday?.today || reviewDate !== announcedToday.reviewDate) {
      announcedToday = params;
      void connection.sendNotification(TODAY_NOTIFICATION, params);
    }
    return day;
  }

  // ------------------------------------------------------------------------------------------
  // Configuration files.

  function configOf(uri: string): ConfigResult | undefined {
    const filePath = uriToPath(uri);
    if (!filePath) return undefined;
    const result = service.configFor(filePath);
    for (const skipped of result.ignored ?? []) {
      if (warnedConfigs.has(skipped.path)) continue;
      warnedConfigs.add(skipped.path);
      const message = `Ignoring ${skipped.path}: ${skipped.reason}.`;
      connection.console.warn(message);
      showMessage(MessageType.Warning, message);
    }
    return result;
  }

  function publishConfigProblems(configUri: string, problems: Diagnostic[]): void {
    const key = JSON.stringify(problems);
    if (publishedConfig.get(configUri) === key) return;
    publishedConfig.set(configUri, key);
    void connection.sendDiagnostics({ uri: configUri, diagnostics: problems });
  }

  // ------------------------------------------------------------------------------------------
  // Validation: debounced per document, superseded runs dropped, never published for an older version.

  function compute(doc: TextDocument, day: Day): Validated {
    const tooLarge = oversized.get(doc.uri);
    if (tooLarge !== undefined) {
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const message = tooLargeMessage(tooLarge);
      return { version: doc.version, text: '', diagnostics: [{ range, severity: 1, code: 'yaml-syntax', source: 'partnership', message, codeDescription: { href: ruleDocsUrl('yaml-syntax') } }] };
    }
    const text = doc.getText();
    return { version: doc.version, text, diagnostics: diagnosticsOf(doc.uri, text, day) };
  }

  /** A partnership file's diagnostics with the config that applies to it; publishes the config's own problems. */
  function diagnosticsOf(uri: string, text: string, day: Day): Diagnostic[] {
    const result = configOf(uri);
    if (result?.path) publishConfigProblems(configUris.get(result.path) ?? pathToUri(result.path), result.problems);
    const config: PartnershipConfig | undefined = result?.config;
    return service.validate(text, uriToPath(uri) ?? uri, { today: day, config });
  }

  // Files that are not open: checked from disk in `partnership.validate: workspace` mode.
  const workspace = new WorkspaceValidator({
    mode: async () => ((await settings()).validate === 'open' ? 'open' : 'workspace'),
    isOpen: (uri) => documents.get(uri) !== undefined,
    readFile: (uri) => {
      const filePath = uriToPath(uri);
      return filePath === undefined ? undefined : nodeFileSystem.readFile(filePath);
    },
    diagnostics: async (uri, text) => diagnosticsOf(uri, text, await today()),
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics: published(diagnostics) }),
    log: (message) => connection.console.warn(message),
    uriOf: pathToUri,
  });

  function schedule(uri: string, delay: number, notify = true): void {
    clearTimeout(timers.get(uri));
    const run = (generation.get(uri) ?? 0) + 1;
    generation.set(uri, run);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri, run, notify);
      }, delay),
    );
  }

  async function validate(uri: string, run: number, notify: boolean): Promise<void> {
    try {
      const day = await today();
      lastToday = day;
      const doc = documents.get(uri);
      if (!served(doc) || generation.get(uri) !== run) return; // closed, or a newer run is scheduled
      const result = compute(doc, day);
      validated.set(uri, result);
      void connection.sendDiagnostics({ uri, version: result.version, diagnostics: published(result.diagnostics) });
      if (notify) outlinesChanged([uri]);
    } catch (err) {
      logError(`validating ${uri}`, err);
    }
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) if (served(doc)) schedule(doc.uri, 0, false);
    workspace.revalidateAll();
    outlinesChanged(undefined);
  }

  function outlinesChanged(uris: string[] | undefined): void {
    const params: OutlinesChangedParams = uris ? { uris } : {};
    void connection.sendNotification(OUTLINES_CHANGED_NOTIFICATION, params);
  }

  /** The current version's diagnostics, computed now if the debounced run has not happened yet. */
  async function currentDiagnostics(doc: TextDocument): Promise<Validated> {
    const cached = validated.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text === doc.getText()) return cached;
    return compute(doc, await today());
  }

  documents.onDidOpen(
    guard('didOpen', undefined, (e) => {
      if (!served(e.document)) return;
      opening = e.document.uri;
      workspace.opened(e.document.uri);
      schedule(e.document.uri, 0);
    }),
  );

  documents.onDidChangeContent(
    guard('didChange', undefined, (e) => {
      if (opening === e.document.uri) {
        opening = undefined; // the open itself, already scheduled
        return;
      }
      if (!served(e.document)) return;
      const at = performance.now();
      const previous = lastChange.get(e.document.uri);
      lastChange.set(e.document.uri, at);
      schedule(e.document.uri, changeDelay(at, previous));
    }),
  );

  documents.onDidClose(
    guard('didClose', undefined, (e) => {
      const uri = e.document.uri;
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      generation.set(uri, (generation.get(uri) ?? 0) + 1);
      oversized.delete(uri);
      lastChange.delete(uri);
      validated.delete(uri);
      if (!served(e.document)) return;
      workspace.closed(uri); // the disk version's problems (workspace mode), or none
      outlinesChanged([uri]); // the outline now comes from the file on disk
    }),
  );

  // ------------------------------------------------------------------------------------------
  // Lifecycle.

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    // Generated documents are written only inside these (the root, for a client without folders).
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    workspaceFolders = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (workspaceFolders.length === 0 && params.rootPath) workspaceFolders = [params.rootPath];
    const commands = (params.initializationOptions as InitializationOptions | undefined)?.clientCommands;
    clientCommands = Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : [];
    canPullConfiguration = client.workspace?.configuration === true;
    workspace.setFolders(workspaceFolders);
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
        executeCommandProvider: { commands: [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, COMMAND_TURN_OFF_RULE] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'partnership-language-server', version: serverVersion() },
    };
  });

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      // The first line of the log: what runs, on what, as of which day.
      const day = await today();
      connection.console.info(`partnership-language-server ${serverVersion()} · Node ${process.version} · today ${formatDay(day)}${announcedToday?.reviewDate ? ' (partnership.reviewDate)' : ''}`);
      if (options.warmUp !== false) warmUp();
      if (client.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
          workspaceFolders = [...workspaceFolders.filter((p) => !removed.has(p)), ...added];
          workspace.setFolders(workspaceFolders);
        });
      }
      void workspace.start().catch((err: unknown) => logError('workspace validation', err));
      if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.partnership.yaml' }],
        });
      }
      if (canPullConfiguration && client.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
    }),
  );

  // ------------------------------------------------------------------------------------------
  // Warm-up: in a fresh process the parser, the schema validator and the rules run in V8's
  // interpreter, several times slower than once compiled, and the schema is not compiled yet. While
  // the server is idle and no document is open, check a sample a few dozen times in small slices
  // (setImmediate: messages are handled in between), so the first real file meets compiled code.
  // It stops when a document opens; a file opened together with the editor arrives before it starts.

  function warmUp(): void {
    const small = warmUpText(12);
    const large = warmUpText(600); // about 160 KB: large enough for the incremental re-parse
    const middle = large.indexOf('summary: ', large.length >> 1) + 'summary: '.length;
    const day = dayOfDate(now());
    const started = Date.now();
    let round = 0;
    const step = () => {
      if (round >= 28 || Date.now() - started > 3000 || documents.all().some(served)) return;
      // A different text every round (the same one would come from the parse memo): a small file,
      // then a larger one in full (it also grows the heap to a working size), then edits of it.
      const text = round < 12 ? `${small}# ${round}\n` : round < 15 ? `${large}# ${round}\n` : `${large.slice(0, middle)}${'x'.repeat(round - 14)}${large.slice(middle)}`;
      round++;
      try {
        service.validate(text, 'warm-up.partnership.yaml', { today: day });
      } catch {
        return;
      }
      setImmediate(step);
    };
    setTimeout(step, WARM_UP_DELAY_MS).unref();
  }

  const dayTimer = setInterval(
    guard('day check', undefined, async () => {
      const day = await today();
      if (lastToday !== undefined && day !== lastToday) {
        lastToday = day;
        revalidateAll();
      }
      lastToday = day;
    }),
    options.dayCheckIntervalMs ?? DAY_CHECK_INTERVAL_MS,
  );
  dayTimer.unref();
  connection.onShutdown(() => {
    shutDown = true;
    clearInterval(dayTimer);
    workspace.dispose();
  });

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, (params) => {
      const pushed = (params.settings as { partnership?: PartnershipSettings } | null | undefined)?.partnership;
      if (pushed && typeof pushed === 'object') pushedSettings = pushed;
      settingsRequest = undefined;
      for (const doc of documents.all()) if (served(doc)) schedule(doc.uri, 0, false);
      outlinesChanged(undefined);
      void workspace.settingsChanged().catch((err: unknown) => logError('workspace validation', err));
      void today(); // announces a new review date even when no file is open
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (params) => {
      let configChanged = false;
      const changedFiles: string[] = [];
      for (const change of params.changes) {
        if (isConfigFile(change.uri, CONFIG_FILE_NAME)) {
          configChanged = true;
          const configPath = uriToPath(change.uri);
          if (configPath) configUris.set(configPath, change.uri);
          publishedConfig.delete(change.uri);
          const text = change.type === FileChangeType.Deleted || !configPath ? undefined : nodeFileSystem.readFile(configPath);
          publishConfigProblems(change.uri, text === undefined ? [] : service.parseConfig(text, configPath!).problems);
        } else if (!documents.get(change.uri)) {
          changedFiles.push(change.uri); // open documents report their own changes
          if (change.type === FileChangeType.Deleted) workspace.deleted(change.uri);
          else workspace.changed(change.uri);
        }
      }
      if (configChanged) revalidateAll();
      else if (changedFiles.length > 0) outlinesChanged(changedFiles);
    }),
  );

  // ------------------------------------------------------------------------------------------
  // Language features: the service computes, this layer adapts.

  connection.onCompletion(
    request('completion', null, async (params) => {
      const doc = servedDocument(params.textDocument.uri);
      if (!doc) return null;
      return completion(doc.getText(), params.position, { today: await today(), triggerCharacter: params.context?.triggerCharacter });
    }),
  );

  connection.onHover(
    request('hover', null, async (params) => {
      const doc = servedDocument(params.textDocument.uri);
      return doc ? hover(doc.getText(), params.position, { today: await today() }) : null;
    }),
  );

  connection.onDefinition(
    request('definition', [], (params) => {
      const doc = servedDocument(params.textDocument.uri);
      return doc ? definition(doc.getText(), params.position, doc.uri) : [];
    }),
  );

  connection.onReferences(
    request('references', [], (params) => {
      const doc = servedDocument(params.textDocument.uri);
      return doc ? references(doc.getText(), params.position, doc.uri, params.context.includeDeclaration) : [];
    }),
  );

  connection.onDocumentHighlight(
    request('documentHighlight', [], (params) => {
      const doc = servedDocument(params.textDocument.uri);
      return doc ? documentHighlights(doc.getText(), params.position) : [];
    }),
  );

  connection.onPrepareRename(
    request('prepareRename', null, (params) => {
      const doc = servedDocument(params.textDocument.uri);
      return doc ? prepareRename(doc.getText(), params.position) : null;
    }),
  );

  connection.onRenameRequest(
    request('rename', null, (params) => {
      const doc = servedDocument(params.textDocument.uri);
      if (!doc) return null;
      const result = rename(doc.getText(), params.position, params.newName, doc.uri);
      if (!result.ok) throw new ResponseError(ErrorCodes.InvalidParams, result.message);
      return result.edit;
    }),
  );

  connection.onDocumentSymbol(
    request('documentSymbol', [], async (params) => {
      const doc = servedDocument(params.textDocument.uri);
      if (!doc) return [];
      return documentSymbols(doc.getText(), uriToPath(doc.uri) ?? doc.uri, { today: await today(), config: configOf(doc.uri)?.config });
    }),
  );

  connection.onCodeAction(
    request('codeAction', [] as CodeAction[], async (params) => {
      const doc = servedDocument(params.textDocument.uri);
      if (!doc) return [];
      // Fixes come from this server's own validation of the current version, so a quick fix is
      // never computed for text that has changed since (the client's copy of `data` may be stale).
      const current = await currentDiagnostics(doc);
      const diagnostics = params.context.diagnostics
        .filter((d) => d.source === 'partnership')
        .flatMap((d) => {
          const match = current.diagnostics.find((c) => c.code === d.code && c.message === d.message && sameRange(c.range, d.range));
          return match ? [{ ...d, data: match.data }] : [];
        });
      const versioned = client.workspace?.workspaceEdit?.documentChanges === true;
      return codeActions({
        uri: doc.uri,
        diagnostics,
        only: params.context.only,
        commands: { agenda: COMMAND_GENERATE_AGENDA, report: COMMAND_GENERATE_REPORT },
        version: versioned ? current.version : undefined,
        ruleCommands: {
          turnOff: uriToPath(doc.uri) ? COMMAND_TURN_OFF_RULE : undefined,
          showDocumentation: clientCommands.includes(CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION) ? CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION : undefined,
        },
      }) as CodeAction[];
    }),
  );

  // ------------------------------------------------------------------------------------------
  // Commands: generate the agenda or the status report beside the file, in one workspace edit.

  connection.onExecuteCommand(
    request('executeCommand', null, async (params) => {
      if (params.command === COMMAND_TURN_OFF_RULE) return turnOff(params.arguments?.[0], params.arguments?.[1]);
      const kind = params.command === COMMAND_GENERATE_AGENDA ? 'agenda' : params.command === COMMAND_GENERATE_REPORT ? 'report' : undefined;
      if (!kind) return null;
      const uri = params.arguments?.[0];
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} needs the partnership file's URI as its argument`);
      try {
        return await generate(kind, uri);
      } catch (err) {
        logError(params.command, err);
        const message = err instanceof Error ? err.message : String(err);
        showMessage(MessageType.Error, `${GENERATE_TITLES[kind]} failed: ${message}`);
        return null;
      }
    }),
  );

  async function turnOff(fileUri: unknown, ruleId: unknown): Promise<string | null> {
    const canCreate = client.workspace?.workspaceEdit?.documentChanges === true && (client.workspace.workspaceEdit.resourceOperations ?? []).includes('create');
    const result = turnOffRule(service, nodeFileSystem, fileUri, ruleId, canCreate, configUris);
    if (!result.ok) {
      showMessage(MessageType.Warning, result.message);
      return null;
    }
    const applied = await connection.workspace.applyEdit({ label: `Turn off ${String(ruleId)}`, edit: result.edit });
    if (!applied.applied) {
      showMessage(MessageType.Warning, `Turn off ${String(ruleId)}: the editor did not apply the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`);
      return null;
    }
    return result.configUri;
  }

  async function generate(kind: GenerateKind, uri: string): Promise<string | null> {
    return generateDocument(
      { connection, documents, service, client, workspaceFolders, today: await today(), showMessage, onRecorded: (r) => announceRecord(connection, documents, nodeFileSystem, r) },
      kind,
      uri,
    );
  }

  // ------------------------------------------------------------------------------------------
  // The outline model for the Partnerships view.

  connection.onRequest(
    OUTLINE_REQUEST,
    request('outline', null as OutlineResult, async (params: OutlineParams): Promise<OutlineResult> => {
      const doc = documents.get(params.uri);
      const filePath = uriToPath(params.uri);
      const text = doc?.getText() ?? (filePath ? nodeFileSystem.readFile(filePath) : undefined);
      if (text === undefined) return null;
      const day = await today();
      // The counts of the diagnostics published for this text: the same validation, not a second judgement.
      const diagnostics = served(doc) ? (await currentDiagnostics(doc)).diagnostics : diagnosticsOf(params.uri, text, day);
      const outline = service.outline(text, filePath ?? params.uri, { today: day, config: configOf(params.uri)?.config }, { maxChildren: OUTLINE_MAX_CHILDREN });
      return { ...outline, problems: problemCounts(diagnostics) };
    }),
  );

  // ------------------------------------------------------------------------------------------
  // The text of a new partnership file and its file-name stem; the client writes it.

  connection.onRequest(
    STARTER_FILE_REQUEST,
    request('starterFile', null as StarterFileResult | null, async (params: Partial<StarterFileParams> | null): Promise<StarterFileResult> => {
      const nonBlank = (key: keyof StarterFileParams): string => {
        const value: unknown = params?.[key];
        if (typeof value !== 'string' || value.trim() === '') throw new ResponseError(ErrorCodes.InvalidParams, `${STARTER_FILE_REQUEST} needs a non-empty '${key}' string`);
        return value.trim();
      };
      const name = nonBlank('name');
      const customer = nonBlank('customer');
      return { text: starterFile({ name, customer, today: await today() }), fileStem: partnershipFileStem(name) };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** A partnership file of ordinary shape for the warm-up: every section, comments, flow lists, history, a typo. */
function warmUpText(commitments: number): string {
  const l: string[] = ['# Warm-up sample', 'version: 1', 'partnership:', '  name: Warm-up', '  customer: Example Corp', '  kind: external', '  since: 2024-01-15'];
  l.push('goals:', '  - id: G-1', '    statement: Halve the time to close', '    metric: days', '    target: 2', '    current: 4', '    definedBy: p0');
  l.push('people:');
  for (let i = 0; i < 12; i++) {
    l.push(`  - id: p${i}`, `    name: Person ${i}`, `    side: ${i % 2 ? 'ours' : 'customer'}`, `    role: "Role ${i}"`, `    email: p${i}@example.com`);
    if (i === 0) l.push('    decisionMaker: true', '    sponsor: true');
    if (i % 2 === 0) l.push('    contactEvery: monthly', `    lastContact: 2026-0${1 + (i % 9)}-1${i % 10}`);
  }
  l.push('communication:', '  statusReport:', '    cadence: weekly', '    channel: email', '    audience: [p0, p2]', '    lastSent: 2026-01-05');
  l.push('  reviewMeeting:', '    cadence: biweekly', '    lastHeld: 2026-01-06', '  escalation: [p1]', '  signedOff:', '    by: p0', '    on: 2024-02-01');
  l.push('commitments:');
  for (let i = 0; i < commitments; i++) {
    const status = i === 7 ? 'opne' : ['open', 'in-progress', 'done', 'dropped'][i % 4];
    l.push(`  - id: C-${i}`, `    summary: Deliver part ${i} of the rollout # note`, `    owner: p${(i % 6) * 2 + 1}`, `    to: p${(i % 6) * 2}`);
    l.push(`    made: 2025-0${1 + (i % 9)}-0${1 + (i % 9)}`, `    due: 2026-0${1 + (i % 9)}-1${i % 10}`, `    status: ${status}`);
    if (status === 'done') l.push(`    completed: 2026-0${1 + (i % 9)}-1${i % 10}`);
    if (i % 5 === 0) l.push('    history:', '      - on: 2025-03-01', '        from: 2025-03-10', '        to: 2025-04-10', "        reason: 'waiting for data'");
  }
  l.push('concerns:');
  for (let i = 0; i < 6; i++) l.push(`  - id: K-${i}`, `    summary: Reports arrive late ${i}`, '    raised: 2026-01-02', `    by: p${(i % 6) * 2}`, '    severity: medium', `    status: ${i % 2 ? 'open' : 'closed'}`, '    owner: p1', '    response: Fixed', '    respondedOn: 2026-01-03');
  l.push('risks:', '  - id: R-1', '    summary: Feed not signed', '    owner: p1', '    likelihood: medium', '    impact: high', '    status: open');
  l.push('health:', '  status: watch', '  assessed: 2026-01-04', '  trend: steady', '  access: 3', '  credibility: 4', '  trust: 3', '  note: >-', '    Two late deliveries', '    in a row');
  l.push('meetings:');
  for (let i = 0; i < 6; i++) l.push(`  - date: 2026-01-1${i}`, '    kind: status', `    attendees: [p0, p1, p${i}]`, '    notes: Reviewed the plan');
  l.push('milestones:', '  - id: M-1', '    name: Pilot live', '    due: 2026-02-01', '    status: planned');
  return l.join('\n') + '\n';
}

function problemCounts(diagnostics: Diagnostic[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === Severity.Error) errors++;
    else if (d.severity === Severity.Warning) warnings++;
  }
  return { errors, warnings };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The package version, read beside the bundle (dist/server.js → package.json). */
export function serverVersion(): string {
  for (const candidate of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'partnership' && pkg.version) return pkg.version;
    } catch {
      // not there: try the next candidate
    }
  }
  return 'unknown';
}
