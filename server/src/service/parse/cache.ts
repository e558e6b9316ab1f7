// One parse per document text, per language service instance: validation, hover, completion,
// navigation and symbols on an unchanged document share it, and an edit of a large document is
// re-parsed incrementally from the previous parse of the same document (reparse.ts). It changes
// no result: with `optimise: false` every text is parsed in full by yaml's parseDocument alone
// (no fast path, no re-parse), the reference the differential checks compare against.
import { ParsedDocument } from './parser';
import { reparse } from './reparse';

/** Documents whose last parse is kept: the open documents an editor works on at once. */
export const MAX_CACHED_PARSES = 8;

export interface ParseCacheOptions {
  /** The fast path and the incremental re-parse (default true). */
  optimise?: boolean;
}

export class ParseCache {
  /** Document key (a path or URI; '' for a text without one) → its last parse, most recent last. */
  private readonly parses = new Map<string, ParsedDocument>();
  private readonly optimise: boolean;

  constructor({ optimise = true }: ParseCacheOptions = {}) {
    this.optimise = optimise;
  }

  /**
   * The parse of `text`, the document named `key`. A parse is valid until the next call with
   * another text for the same document (a re-parse takes its tree over and sets `retired`), so
   * callers use it within one call and hold none across calls — except the fixes a diagnostic
   * computes when first read, which check `retired` and judge their text again (validate.ts).
   */
  parse(text: string, key = ''): ParsedDocument {
    for (const [k, pd] of this.parses) {
      if (pd.text !== text) continue;
      this.keep(k, pd); // the same text under another name: one parse serves both
      if (k !== key) this.keep(key, pd);
      return pd;
    }
    const previous = this.parses.get(key);
    let pd: ParsedDocument | undefined;
    if (this.optimise && previous) {
      pd = reparse(previous, text);
      if (pd) for (const [k, p] of this.parses) if (p === previous) this.parses.delete(k); // retired by the re-parse
    }
    pd ??= new ParsedDocument(text, undefined, { fastPath: this.optimise });
    this.keep(key, pd);
    return pd;
  }

  /** Drop a document's parse (closed, or a file checked once from disk). */
  forget(key: string): void {
    this.parses.delete(key);
  }

  private keep(key: string, pd: ParsedDocument): void {
    this.parses.delete(key);
    this.parses.set(key, pd);
    while (this.parses.size > MAX_CACHED_PARSES) this.parses.delete(this.parses.keys().next().value!);
  }
}
