// What the handlers share: the connection, the service, the open documents, the settings, the
// scheduler, and what the client said about itself. server.ts builds it; handlers/ register on it.
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { Day, Diagnostic, LanguageService } from '../service';
import type { ConfigFiles } from './configFiles';
import type { DocumentScheduler } from './documentScheduling';
import type { OpenDocuments } from './openDocuments';
import type { HandlerSafety } from './safety';
import type { Settings } from './settings';
import type { WorkspaceValidator } from './workspaceValidation';

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

/** What the client said in `initialize`. */
export interface ClientState {
  capabilities: ClientCapabilities;
  /** Client-side commands the server may put in code actions. */
  commands: string[];
  /** The workspace folders' paths: generated documents are written only inside them. */
  folders: string[];
}

export interface ServerContext {
  connection: Connection;
  options: ServerOptions;
  service: LanguageService;
  documents: OpenDocuments;
  safety: HandlerSafety;
  settings: Settings;
  configs: ConfigFiles;
  scheduler: DocumentScheduler;
  /** Closed files' diagnostics in `partnership.validate: workspace` mode. */
  workspace: WorkspaceValidator;
  client: ClientState;
  /** A partnership file's diagnostics with the config that applies to it; publishes the config's own problems. */
  diagnosticsOf(uri: string, text: string, day: Day): Diagnostic[];
  /** Tell the Partnerships view to ask again (for these URIs, or all). */
  outlinesChanged(uris: string[] | undefined): void;
  /** Check every open and workspace file again (the day or a config changed). */
  revalidateAll(): void;
}
