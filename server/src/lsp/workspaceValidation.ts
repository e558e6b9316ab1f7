// Problems in files that are not open: with `partnership.validate: workspace` (the default) the
// server publishes diagnostics for every partnership file in the workspace folders, read from disk,
// and keeps them current as files change, are closed or deleted. It keeps no text and no parse of
// a closed file: only the URIs it knows and which of them it has published problems for.
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Diagnostic } from '../service';
import { isPartnershipFileName, isPartnershipUri } from '../node/names';

export type ValidateMode = 'open' | 'workspace';
export const DEFAULT_VALIDATE_MODE: ValidateMode = 'workspace';

/**
 * At most this many closed files are checked (the rest are checked when opened): each costs a read,
 * a parse and a URI kept in memory, and no real workspace holds more partnership files.
 */
export const MAX_WORKSPACE_FILES = 5000;
/** The folder walk stops after this many directory entries, so a huge tree cannot keep the server busy. */
export const MAX_SCANNED_ENTRIES = 500_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** What the workspace validator needs from the server around it. */
export interface WorkspaceValidationHost {
  /** The `partnership.validate` setting as it is now. */
  mode(): Promise<ValidateMode>;
  /** Whether the editor has the document open (then the server checks the editor's text instead). */
  isOpen(uri: string): boolean;
  /** The text on disk, or undefined when it is gone or unreadable. */
  readFile(uri: string): string | undefined;
  /** For a file that is there but cannot be read as text (not UTF-8, too large): the diagnostic saying why. */
  unreadable?(uri: string): Diagnostic[] | undefined;
  /** The file's diagnostics as the service computes them (with its config and today). */
  diagnostics(uri: string, text: string): Promise<Diagnostic[]>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** A file URI for a path found on disk. */
  uriOf(filePath: string): string;
}

export function isPartnershipFileUri(uri: string): boolean {
  return uri.startsWith('file:') && isPartnershipUri(uri);
}

export class WorkspaceValidator {
  /** Every partnership file found under the folders or reported by the watcher, up to the cap. */
  private readonly known = new Set<string>();
  /** Closed files whose last publication was not empty: what to clear when they go. */
  private readonly published = new Set<string>();
  private readonly queue = new Set<string>();
  private running = false;
  private scanning: Promise<void> | undefined;
  private folders: string[] = [];
  private mode: ValidateMode | undefined;
  private warnedCap = false;
  private disposed = false;

  constructor(
    private readonly host: WorkspaceValidationHost,
    private readonly maxFiles = MAX_WORKSPACE_FILES,
  ) {}

  /** The workspace folders (paths); call before `start`. */
  setFolders(folders: string[]): void {
    this.folders = folders;
  }

  /** Read the setting and, in workspace mode, find and check every file. */
  async start(): Promise<void> {
    await this.settingsChanged();
  }

  /** The settings changed: switch mode (clearing closed files' problems for `open`), else re-check all. */
  async settingsChanged(): Promise<void> {
    const mode = await this.host.mode();
    const previous = this.mode;
    this.mode = mode;
    if (mode === 'open') {
      this.queue.clear();
      for (const uri of this.published) this.host.publish(uri, []);
      this.published.clear();
      return;
    }
    if (previous !== 'workspace') await this.scan();
    else this.revalidateAll();
  }

  /** Everything may judge differently (a new day, a config file changed): check every closed file again. */
  revalidateAll(): void {
    if (this.mode !== 'workspace') return;
    for (const uri of this.known) this.enqueue(uri);
  }

  /** A watched file was created or changed on disk. */
  changed(uri: string): void {
    if (!isPartnershipFileUri(uri) || !this.remember(uri)) return;
    if (this.mode === 'workspace') this.enqueue(uri);
  }

  /** A watched file was deleted: its problems go with it. */
  deleted(uri: string): void {
    this.known.delete(uri);
    this.queue.delete(uri);
    // The editor may still show it open (unsaved): then the open document's problems stand.
    if (this.host.isOpen(uri)) return;
    this.clear(uri);
  }

  /** The editor closed a document: in workspace mode, the file on disk is judged instead. */
  closed(uri: string): void {
    if (!isPartnershipFileUri(uri)) return;
    if (this.mode === 'workspace' && this.remember(uri)) {
      this.published.add(uri); // the open document's problems are shown until the disk version's replace them
      this.enqueue(uri, true);
    } else {
      this.host.publish(uri, []);
    }
  }

  /** The editor opened a document: its own diagnostics replace the disk version's. */
  opened(uri: string): void {
    this.queue.delete(uri);
    this.published.delete(uri);
  }

  /** How many files are known and how many have problems published (for tests and logs). */
  stats(): { known: number; published: number; queued: number } {
    return { known: this.known.size, published: this.published.size, queued: this.queue.size };
  }

  /** Resolves once the first scan and every queued check have finished (for tests). */
  async idle(): Promise<void> {
    await this.scanning;
    while (this.running || this.queue.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  dispose(): void {
    this.disposed = true;
    this.queue.clear();
  }

  private remember(uri: string): boolean {
    if (this.known.has(uri)) return true;
    if (this.known.size >= this.maxFiles) {
      if (!this.warnedCap) {
        this.warnedCap = true;
        this.host.log(`The workspace has more than ${this.maxFiles} partnership files: only the first ${this.maxFiles} are checked while closed; the others when opened.`);
      }
      return false;
    }
    this.known.add(uri);
    return true;
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) this.host.publish(uri, []);
  }

  private scan(): Promise<void> {
    this.scanning ??= this.walkFolders().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  /** Walk the folders breadth-first without following symlinks, queueing each file as it is found. */
  private async walkFolders(): Promise<void> {
    const pending = [...this.folders];
    let entries = 0;
    while (pending.length > 0 && !this.disposed && this.mode === 'workspace') {
      const folder = pending.shift()!;
      let list: import('fs').Dirent[];
      try {
        list = await fsp.readdir(folder, { withFileTypes: true });
      } catch {
        continue; // unreadable: nothing to report there
      }
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of list) {
        if (++entries > MAX_SCANNED_ENTRIES) {
          this.host.log(`Stopped looking for partnership files after ${MAX_SCANNED_ENTRIES} folder entries; files further on are checked when opened.`);
          return;
        }
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
        } else if (entry.isFile() && isPartnershipFileName(entry.name)) {
          const uri = this.host.uriOf(full);
          if (this.remember(uri)) this.enqueue(uri);
        }
      }
    }
  }

  private enqueue(uri: string, first = false): void {
    if (first && this.queue.size > 0) {
      // A file just closed goes before the scan's backlog: its problems should not blink away.
      const rest = [...this.queue].filter((u) => u !== uri);
      this.queue.clear();
      this.queue.add(uri);
      for (const u of rest) this.queue.add(u);
    } else {
      this.queue.add(uri);
    }
    if (!this.running) {
      this.running = true;
      setImmediate(() => void this.drain());
    }
  }

  /** One file per turn of the event loop, so requests about open documents are answered in between. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.size > 0 && !this.disposed) {
        const uri = this.queue.values().next().value as string;
        this.queue.delete(uri);
        await this.check(uri);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
    }
  }

  private async check(uri: string): Promise<void> {
    if (this.mode !== 'workspace' || this.host.isOpen(uri)) return;
    const text = this.host.readFile(uri);
    const unreadable = text === undefined ? this.host.unreadable?.(uri) : undefined;
    if (text === undefined && unreadable === undefined) {
      this.known.delete(uri);
      this.clear(uri);
      return;
    }
    let diagnostics: Diagnostic[];
    try {
      diagnostics = unreadable ?? (await this.host.diagnostics(uri, text!));
    } catch (err) {
      this.host.log(`checking ${uri} failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // Opened, or switched to `open`, while the check ran: the other path publishes.
    if (this.mode !== 'workspace' || this.host.isOpen(uri) || !this.known.has(uri)) return;
    if (diagnostics.length > 0) {
      this.published.add(uri);
      this.host.publish(uri, diagnostics);
    } else {
      this.clear(uri);
    }
  }
}
