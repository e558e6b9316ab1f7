// Applying the service's TextEdits to a file's text (the CLI's agenda and report, and the server
// when it writes a file that is not open): vscode-languageserver-textdocument applies them (LSP
// semantics: every range refers to the original text; `\n`, `\r\n` and a lone `\r` end a line);
// this adds only that inserted line breaks follow the file's own style.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../service';

/** The file's line break: CRLF when its first line break is one, else LF. */
export function eolOf(text: string): '\r\n' | '\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Apply edits; overlapping edits are a bug in whoever made them and throw. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const eol = eolOf(text);
  const document = TextDocument.create('file', 'partnership', 0, text);
  return TextDocument.applyEdits(
    document,
    edits.map((e) => ({ range: e.range, newText: e.newText.replace(/\r?\n/g, eol) })),
  );
}
