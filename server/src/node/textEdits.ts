// Applying the service's TextEdits to a file's text (the CLI's agenda and report, and the server
// when it writes a file that is not open).
import type { Position, TextEdit } from '../service';

/** Line start offsets with the service's rules: `\n`, `\r\n` and a lone `\r` end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function offsetAt(starts: number[], text: string, p: Position): number {
  if (p.line < 0) return 0;
  if (p.line >= starts.length) return text.length;
  const next = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  return Math.min(starts[p.line] + Math.max(0, p.character), next);
}

/** The file's line break: CRLF when its first line break is one, else LF. */
export function eolOf(text: string): '\r\n' | '\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Apply edits (LSP semantics: all ranges refer to the original text). Sorted by position and
 * applied from last to first; overlapping edits are a bug in whoever made them and throw.
 * Inserted line breaks follow the file's own style.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const eol = eolOf(text);
  const resolved = edits
    .map((e, index) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), newText: e.newText, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  for (let i = 0; i < resolved.length; i++) {
    const e = resolved[i];
    if (e.end < e.start) throw new Error('an edit ends before it starts');
    if (i > 0 && e.start < resolved[i - 1].end) throw new Error('the generated edits overlap');
  }
  let out = text;
  for (let i = resolved.length - 1; i >= 0; i--) {
    const e = resolved[i];
    out = out.slice(0, e.start) + e.newText.replace(/\r?\n/g, eol) + out.slice(e.end);
  }
  return out;
}
