// Small Markdown builders for the generated documents. Every piece of text that comes from the
// partnership file goes through `md()` so a summary can never change the document's structure.

/** Characters that start or end inline Markdown constructs (emphasis, code, links, HTML, tables). */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;
// C0/C1 control characters other than tab, CR and LF (those are folded into spaces anyway).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text from the YAML as inline Markdown: whitespace (including line breaks) folded to single
 * spaces, control characters dropped, Markdown punctuation backslash-escaped, and a leading
 * heading/list/quote marker neutralised. Safe inside a paragraph, a list item or a table cell.
 */
export function md(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value).replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  text = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // `&amp;` and `&#60;` would be decoded as entities; escape the ampersand only there.
  text = text.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // A leading heading, list or setext marker (`>` is already escaped above).
  if (/^[#+=-]/.test(text)) text = `\\${text}`;
  // An ordered-list marker is 1–9 digits, `.` or `)`, then a space or the end: "99.5%" is not one.
  else text = text.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return text;
}

/** A Markdown table; cells must already be Markdown (use `md()` for file text). Empty cells show "—". */
export function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? '—' : c)).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)];
}

/** Lines of an empty section. */
export const NONE = 'None.';

/** A section body: its lines, or "None." when there are none. */
export function orNone(lines: string[]): string[] {
  return lines.length > 0 ? lines : [NONE];
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Join blocks (arrays of lines) with one blank line between them and a final newline, never
 * leaving trailing spaces or more than one blank line in a row.
 */
export function render(blocks: string[][]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (out.length > 0) out.push('');
    for (const l of block) out.push(l.replace(/[ \t]+$/, ''));
  }
  return out.join('\n') + '\n';
}
