// Shared test helpers: an in-memory file system, the service, and a compact diagnostic form
// ("L:C-L:C code severity message", 1-based like an editor's status bar) for exact assertions.
import * as path from 'path';
import { createLanguageService, Diagnostic, FileSystem, parseDay, PartnershipConfig, TextEdit } from '../server/src/service';
import { defaultConfig } from '../server/src/service/config';

export function memFs(files: Record<string, string> = {}): FileSystem & { files: Record<string, string> } {
  return {
    files,
    readFile: (p) => files[path.resolve(p)],
    exists: (p) => path.resolve(p) in files,
  };
}

export function day(text: string): number {
  const d = parseDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}

export const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

export function show(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.code} ${SEVERITY_NAMES[d.severity]} ${d.message}`;
}

export function check(text: string, today = '2026-11-23', config?: Partial<PartnershipConfig>): Diagnostic[] {
  const service = createLanguageService({ fs: memFs() });
  const full: PartnershipConfig | undefined = config ? { ...defaultConfig(), ...config } : undefined;
  return service.validate(text, '/work/acme.partnership.yaml', { today: day(today), config: full });
}

export function checkShown(text: string, today = '2026-11-23', config?: Partial<PartnershipConfig>): string[] {
  return check(text, today, config).map(show);
}

/** Apply LSP text edits to a text (from last to first, as an editor does). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

/** Lines joined with \n: keeps fixtures readable and their line numbers countable. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
