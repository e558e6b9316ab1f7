// `.partnershiprc.yaml` in the server: the config that applies to a file (warning once about the
// ones skipped), and each config file's own problems, published when they change.
import { Connection, FileChangeType, FileEvent, MessageType } from 'vscode-languageserver/node';
import { ConfigResult, Diagnostic, LanguageService } from '../service';
import { nodeFileSystem } from '../node/nodeFs';
import { pathToUri, uriToPath } from './uris';
import type { HandlerSafety } from './safety';

export class ConfigFiles {
  /** Config files already reported as ignored (once per file and session). */
  private readonly warned = new Set<string>();
  /** Config file URI → its problems as last published, to publish only on change. */
  private readonly published = new Map<string, string>();
  /** Config file path → the URI the client spells it with (from its file events). */
  readonly uris = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly safety: HandlerSafety,
  ) {}

  /** The config that applies to the file at `uri` (undefined for a URI that is not a file). */
  configOf(uri: string): ConfigResult | undefined {
    const filePath = uriToPath(uri);
    if (!filePath) return undefined;
    const result = this.service.configFor(filePath);
    for (const skipped of result.ignored ?? []) {
      if (this.warned.has(skipped.path)) continue;
      this.warned.add(skipped.path);
      const message = `Ignoring ${skipped.path}: ${skipped.reason}.`;
      this.connection.console.warn(message);
      this.safety.showMessage(MessageType.Warning, message);
    }
    return result;
  }

  /** The config for `uri`, publishing that config file's own problems. */
  applying(uri: string): ConfigResult | undefined {
    const result = this.configOf(uri);
    if (result?.path) this.publish(this.uris.get(result.path) ?? pathToUri(result.path), result.problems);
    return result;
  }

  /** A watched config file changed on disk: check it again and publish its problems. */
  fileChanged(change: FileEvent): void {
    const configPath = uriToPath(change.uri);
    if (configPath) this.uris.set(configPath, change.uri);
    this.published.delete(change.uri);
    const text = change.type === FileChangeType.Deleted || !configPath ? undefined : nodeFileSystem.readFile(configPath);
    this.publish(change.uri, text === undefined ? [] : this.service.parseConfig(text, configPath!).problems);
  }

  private publish(configUri: string, problems: Diagnostic[]): void {
    const key = JSON.stringify(problems);
    if (this.published.get(configUri) === key) return;
    this.published.set(configUri, key);
    void this.connection.sendDiagnostics({ uri: configUri, diagnostics: problems });
  }
}
