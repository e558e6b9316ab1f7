// Helpers for the editor-feature tests: fixtures, positions found by the text they point at, and
// applying edits the way an editor does.
import * as fs from 'fs';
import * as path from 'path';
import { parseDay, Position, TextEdit } from '../../server/src/service';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/lsp');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export const TODAY = parseDay('2026-11-23')!;

/** Lines joined with \n, so a test's line numbers can be counted. */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

/**
 * The position `delta` characters into the first occurrence of `needle` (after the `nth`
 * occurrence of `after`, when given).
 */
export function at(text: string, needle: string, delta = 0, after?: string): Position {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`'${after}' not in text`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** "L:C-L:C", 0-based as in the protocol. */
export function r(range: { start: Position; end: Position }): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}
