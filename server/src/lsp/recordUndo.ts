// "Say what happened": after a generated document is recorded in the partnership file, a
// notification says what was recorded, with an Undo that reverts exactly that record, and only
// while the file is still as the record left it.
import { basename } from 'path';
import { Connection, MessageType, ShowMessageNotification, TextDocumentEdit, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileSystem, TextEdit } from '../service';

export const UNDO = 'Undo';

/** The one edit that turns `from` into `to`: the span between their common prefix and suffix. */
export function differenceEdit(from: string, to: string): TextEdit {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  const doc = TextDocument.create('', '', 0, from);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(from.length - end) }, newText: to.slice(start, to.length - end) };
}

export interface Recorded {
  uri: string;
  path: string;
  /** The partnership file's text before the record. */
  before: string;
  edits: TextEdit[];
  /** "the reset meeting of 2026-11-24" */
  what: string;
}

/** Show "Recorded … in <file>" with Undo; does not wait for the person to answer. */
export function announceRecord(connection: Connection, documents: TextDocuments<TextDocument>, fs: FileSystem, r: Recorded): void {
  const after = TextDocument.applyEdits(TextDocument.create(r.uri, '', 0, r.before), r.edits);
  const name = basename(r.path);
  const say = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  connection.window.showInformationMessage(`Recorded ${r.what} in ${name}`, { title: UNDO }).then(
    async (choice) => {
      if (choice?.title !== UNDO) return;
      const doc = documents.get(r.uri);
      const current = doc ? doc.getText() : fs.readFile(r.path);
      if (current !== after) {
        say(MessageType.Warning, `${name} has changed since ${r.what} was recorded: nothing was undone.`);
        return;
      }
      const edit = TextDocumentEdit.create({ uri: r.uri, version: doc?.version ?? null }, [differenceEdit(after, r.before)]);
      const result = await connection.workspace.applyEdit({ label: `Undo: record ${r.what}`, edit: { documentChanges: [edit] } });
      if (!result.applied) say(MessageType.Warning, `Undo: the editor did not apply the edit${result.failureReason ? ` (${result.failureReason})` : ''}.`);
    },
    () => undefined, // the client went away or does not show messages: nothing to undo
  );
}
