// Helpers for the generated-document tests: run the service's entry points against an in-memory
// file system, apply the returned edits exactly, and read a document's headings.
import * as path from 'path';
import { createLanguageService, FileSystem, GeneratedDocument, parseDay, TextEdit } from '../../server/src/service';
import { ParsedDocument } from '../../server/src/service/document';

export const FIXTURES = path.join(__dirname, '../../../test/fixtures/generate');

/** Where test partnership files "live"; nothing is read from or written to disk there. */
export const DIR = path.resolve('/work/partners');

export function day(text: string): number {
  const d = parseDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}

export function memFs(existing: string[] = []): FileSystem & { asked: string[] } {
  const set = new Set(existing.map((p) => path.resolve(p)));
  const asked: string[] = [];
  return {
    asked,
    readFile: () => undefined,
    exists: (p) => {
      asked.push(p);
      return set.has(path.resolve(p));
    },
  };
}

export type Kind = 'agenda' | 'report';

export interface GenerateOptions {
  today: string;
  /** The partnership file's path; defaults to DIR/acme.partnership.yaml. */
  file?: string;
  /** Files that already exist. */
  existing?: string[];
  /** The report with our own assessment. */
  internal?: boolean;
}

export function generate(kind: Kind, text: string, options: GenerateOptions): GeneratedDocument {
  const service = createLanguageService({ fs: memFs(options.existing) });
  const file = options.file ?? path.join(DIR, 'acme.partnership.yaml');
  return kind === 'agenda' ? service.generateAgenda(text, file, day(options.today)) : service.generateStatusReport(text, file, day(options.today), { internal: options.internal });
}

/** Apply LSP edits from last to first, positions resolved exactly as the parser counts lines. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const pd = new ParsedDocument(text);
  const located = edits.map((e) => ({ start: pd.offsetAt(e.range.start), end: pd.offsetAt(e.range.end), text: e.newText }));
  located.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < located.length; i++) {
    if (located[i].end > located[i - 1].start) throw new Error('overlapping edits');
  }
  let out = text;
  for (const e of located) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The Markdown headings (## and ###) of a document, in order. */
export function headings(markdown: string): string[] {
  return markdown.split('\n').filter((l) => /^#{1,3} /.test(l));
}

export const AGENDA_SECTIONS = [
  '## Proposed attendees',
  '## What we own',
  '## 1. Listen first',
  '## 2. The facts',
  '### Overdue commitments',
  '### Commitments moved twice or more',
  '### Open concerns',
  '### Communication lapses',
  '### Stale contacts',
  '### Milestones slipped or overdue',
  '### Goals not at target',
  '### Open risks',
  '## 3. Resetting how we work',
  '### Status reporting',
  '### Financial reporting',
  '### Issue and risk handling',
  '### How meetings are run',
  "## 4. Senior management's part",
  '## 5. Re-commitments',
  '## 6. Decisions and sign-off',
];

export const REPORT_SECTIONS = [
  '## Period',
  '## Goals',
  '## Reliability',
  '## Done this period',
  '## Due next period',
  '## Overdue',
  '## Dates changed this period',
  '## Open concerns',
  '## Shared risks',
  '## Milestones reached',
  '## Milestones ahead',
  '## Timeline',
];

/** The internal report: the customer's sections, then ours. */
export const INTERNAL_REPORT_SECTIONS = [...REPORT_SECTIONS, '## Internal: our assessment (not for the customer)', '### Internal risks'];

/** True when every line of `before` appears in `after`, in order (only lines were added or changed in place). */
export function keepsLines(before: string, after: string): boolean {
  const a = after.split(/\r?\n/);
  let i = 0;
  for (const line of before.split(/\r?\n/)) {
    while (i < a.length && a[i] !== line) i++;
    if (i === a.length) return false;
    i++;
  }
  return true;
}

/** Lines joined with \n and a final newline. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
