// When open documents are checked: at once on open, 20 ms after a single change, 150 ms after the
// last change while the user types. A newer run supersedes a scheduled one (a generation number per
// document), a closed document's run is dropped, and diagnostics are never published for an older version.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Day, Diagnostic, ruleDocsUrl, Severity, tooLargeMessage } from '../service';
import type { OpenDocuments } from './openDocuments';
import type { HandlerSafety } from './safety';

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

/** The one diagnostic of a file that is not checked at all (too large, not readable as text), at its start. */
export function fileProblem(message: string): Diagnostic {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { range, severity: Severity.Error, code: 'yaml-syntax', source: 'partnership', message, codeDescription: { href: ruleDocsUrl('yaml-syntax') } };
}

export interface Validated {
  version: number;
  /** The text they were computed for: a client may reuse a version number for other text. */
  text: string;
  diagnostics: Diagnostic[];
}

export interface SchedulingHost {
  documents: OpenDocuments;
  safety: HandlerSafety;
  today(): Promise<Day>;
  /** A partnership file's diagnostics with the config that applies to it. */
  diagnosticsOf(uri: string, text: string, day: Day): Diagnostic[];
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** The Partnerships view should ask again for these outlines. */
  outlinesChanged(uris: string[] | undefined): void;
}

export class DocumentScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped per scheduled run and on close: a run that finds a newer number was superseded. */
  private readonly generation = new Map<string, number>();
  /** The document being opened: TextDocuments reports an open as a change too. */
  private opening: string | undefined;
  /** When each document last changed (a monotonic clock in ms), to tell typing from a single edit. */
  private readonly lastChange = new Map<string, number>();
  private readonly validated = new Map<string, Validated>();
  /** The day the last check was made as of: when the calendar moves on, everything is checked again. */
  lastToday: Day | undefined;

  constructor(private readonly host: SchedulingHost) {}

  opened(uri: string): void {
    this.opening = uri;
    this.schedule(uri, 0);
  }

  /** A change of an open document; false for the change TextDocuments reports for the open itself. */
  changed(uri: string): boolean {
    if (this.opening === uri) {
      this.opening = undefined; // the open itself, already scheduled
      return false;
    }
    if (!this.host.documents.served(this.host.documents.get(uri))) return false;
    const at = performance.now();
    const previous = this.lastChange.get(uri);
    this.lastChange.set(uri, at);
    this.schedule(uri, changeDelay(at, previous));
    return true;
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    this.lastChange.delete(uri);
    this.validated.delete(uri);
  }

  /** Check every open partnership document again soon, without telling the view per file. */
  revalidateOpen(): void {
    for (const doc of this.host.documents.all()) if (this.host.documents.served(doc)) this.schedule(doc.uri, 0, false);
  }

  schedule(uri: string, delay: number, notify = true): void {
    clearTimeout(this.timers.get(uri));
    const run = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, run);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri, run, notify);
      }, delay),
    );
  }

  /** The current version's diagnostics, computed now if the debounced run has not happened yet. */
  async currentDiagnostics(doc: TextDocument): Promise<Validated> {
    const cached = this.validated.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text === doc.getText()) return cached;
    return this.compute(doc, await this.host.today());
  }

  private async validate(uri: string, run: number, notify: boolean): Promise<void> {
    try {
      const day = await this.host.today();
      this.lastToday = day;
      const doc = this.host.documents.get(uri);
      if (!this.host.documents.served(doc) || this.generation.get(uri) !== run) return; // closed, or a newer run is scheduled
      const result = this.compute(doc, day);
      this.validated.set(uri, result);
      this.host.publish(uri, result.version, result.diagnostics);
      if (notify) this.host.outlinesChanged([uri]);
    } catch (err) {
      this.host.safety.logError(`validating ${uri}`, err);
    }
  }

  private compute(doc: TextDocument, day: Day): Validated {
    const tooLarge = this.host.documents.oversizedLength(doc.uri);
    if (tooLarge !== undefined) return { version: doc.version, text: '', diagnostics: [fileProblem(tooLargeMessage(tooLarge))] };
    const text = doc.getText();
    return { version: doc.version, text, diagnostics: this.host.diagnosticsOf(doc.uri, text, day) };
  }
}
