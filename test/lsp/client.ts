// A small LSP client for tests: speaks JSON-RPC over a pair of streams (a child process's stdio,
// or in-memory pipes to an in-process server), answers the requests a real editor answers, and
// records what the server sends.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, ServerOptions } from '../../server/src/lsp/server';
import { OUTLINES_CHANGED_NOTIFICATION, OutlinesChangedParams, TODAY_NOTIFICATION, TodayParams } from '../../server/src/lsp/protocol';

export const SERVER_JS = path.resolve(__dirname, '../../../dist/server.js');

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } }, isPreferredSupport: true, dataSupport: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export interface Settings {
  reviewDate?: string;
  validate?: 'open' | 'workspace';
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly outlinesChanged: OutlinesChangedParams[] = [];
  readonly applyEdits: ApplyWorkspaceEditParams[] = [];
  readonly registrations: string[] = [];
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  readonly todays: TodayParams[] = [];
  /** How the "user" answers a window/showMessageRequest: the title of an action, or nothing (dismissed). */
  answer: (message: string, actions: string[]) => string | undefined | Promise<string | undefined> = () => undefined;
  stderr = '';
  settings: Settings;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly connection: MessageConnection,
    settings: Settings,
    readonly child?: ChildProcess,
  ) {
    /*
     * A child server watches our pid and exits when we die. The in-process server must not:
     * it would watch its own process (an interval that keeps mocha alive).
     */
    this.settings = settings;
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      this.wake();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.applyEdits.push(params);
      this.wake();
      return { applied: true };
    });
    connection.onRequest('window/showMessageRequest', async (params: { message: string; actions?: { title: string }[] }) => {
      this.messages.push(params.message);
      this.wake();
      const title = await this.answer(params.message, (params.actions ?? []).map((a) => a.title));
      return title === undefined ? null : { title };
    });
    connection.onNotification(TODAY_NOTIFICATION, (params: TodayParams) => {
      this.todays.push(params);
      this.wake();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.wake();
    });
    connection.onNotification(OUTLINES_CHANGED_NOTIFICATION, (params: OutlinesChangedParams) => {
      this.outlinesChanged.push(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
      this.wake();
    });
    connection.listen();
  }

  /** The bundled server as a child process over stdio, as Neovim or Helix would start it. */
  static spawn(settings: Settings): TestClient {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, settings, child);
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    return client;
  }

  /** The server in this process over in-memory pipes, so the test can own its clock. */
  static inProcess(settings: Settings, options: ServerOptions): TestClient {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Message readers (not raw streams) keep the server from exiting the process when a stream ends.
    startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), options);
    return new TestClient(createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), settings);
  }

  async initialize(rootPath: string, capabilities = CLIENT_CAPABILITIES, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: this.child ? process.pid : null,
      rootUri: null,
      workspaceFolders: [{ uri: `file://${rootPath}`, name: 'test' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'partnership'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolve when `found` returns a value, re-checking whenever the server sends something. */
  waitFor<T>(what: string, found: () => T | undefined, timeoutMs = 5000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}`)), timeoutMs);
      const check = () => {
        const value = found();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** The diagnostics published for `uri` at document `version` (the first such publication). */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () =>
      this.diagnostics.find((d) => d.uri === uri && (version === undefined || d.version === version))?.diagnostics,
    );
  }

  /** The next diagnostics published for `uri` after the ones seen so far. */
  nextDiagnostics(uri: string, predicate: (d: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.length;
    return this.waitFor(`next diagnostics for ${uri}`, () => this.diagnostics.slice(seen).find((d) => d.uri === uri && predicate(d)));
  }

  async stop(): Promise<number | null> {
    const child = this.child;
    try {
      await this.request('shutdown', null);
      // `exit` ends the server's process: only for a child, never for the in-process server.
      if (child) await this.notify('exit', null);
    } catch {
      // already gone
    }
    if (!child) {
      this.connection.dispose();
      return null;
    }
    const code = await new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 3000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    this.connection.dispose();
    return code;
  }
}

/** Apply LSP edits to a text and return the didChange events that do the same, bottom first. */
export function editsAsChanges(edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): TextDocumentContentChangeEvent[] {
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  return [...edits].sort((a, b) => key(b.range.start) - key(a.range.start)).map((e) => ({ range: e.range, text: e.newText }));
}
