// The server's generate commands: the reset-meeting agenda or the status report beside a
// partnership file inside the workspace. For a document open in the editor the server sends one
// workspace edit (create the document, record it at the version it read) and the editor applies
// it; for a file that is not open the server writes both itself, as the CLI does: under the lock
// between processes, replacing the file only while it holds what was read.
import * as fs from 'fs';
import * as path from 'path';
import type { ClientCapabilities, Connection, TextDocuments, WorkspaceEdit } from 'vscode-languageserver/node';
import { CreateFile, MessageType, TextDocumentEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../node/names';
import { applyTextEdits } from '../node/textEdits';
import { assertReplaceable, lock, releaseLock, removeQuietly, replaceIfUnchanged, writeTarget } from '../node/safeFiles';
import { Day, GENERATE_TITLES, GeneratedDocument, LanguageService, TextEdit } from '../service';
import { MAX_FILE_BYTES } from '../node/nodeFs';
import { pathToUri, siblingUri, uriToPath } from './uris';

export type GenerateKind = 'agenda' | 'report';

export interface GenerateContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  client: ClientCapabilities;
  /** The workspace folders' paths as the client gave them. */
  workspaceFolders: readonly string[];
  today: Day;
  showMessage(type: MessageType, message: string): void;
  /** Called once a record is in the partnership file (the editor applied it, or it was written). */
  onRecorded?(record: { uri: string; path: string; before: string; edits: TextEdit[]; what: string }): void;
}

/** Attempts before giving up when a file that is not open keeps changing under us. */
const MAX_ATTEMPTS = 3;

/** The new document's URI, or null when the editor did not apply the edit. Throws with a message for the user. */
export async function generateDocument(ctx: GenerateContext, kind: GenerateKind, uri: string): Promise<string | null> {
  const filePath = uriToPath(uri);
  if (!filePath) throw new Error(`${uri} is not a file on disk`);
  const name = path.basename(filePath);
  if (!isPartnershipFileName(name)) throw new Error(`${name} is not a partnership file (*${PARTNERSHIP_SUFFIX})`);
  let real: string;
  try {
    real = fs.realpathSync(filePath);
  } catch {
    real = filePath; // not saved yet, or gone: the read below says so
  }
  if (!isPartnershipFileName(path.basename(real))) throw new Error(`${name} links to ${real}, which is not a partnership file`);
  if (!insideWorkspace(filePath, real, ctx.workspaceFolders)) throw new Error(`${filePath} is outside the workspace folders; documents are generated only inside them`);

  const doc = ctx.documents.get(uri);
  if (doc) return generateForOpenDocument(ctx, kind, uri, filePath, doc);
  return generateOnDisk(ctx, kind, filePath);
}

/** Whether the file, and what it links to, lie inside one of the workspace folders (links resolved). */
function insideWorkspace(filePath: string, real: string, folders: readonly string[]): boolean {
  const within = (p: string, folder: string) => {
    const rel = path.relative(folder, p);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  return folders.some((folder) => {
    let realFolder = folder;
    try {
      realFolder = fs.realpathSync(folder);
    } catch {
      // a folder that is gone holds nothing
    }
    return (within(filePath, folder) || within(filePath, realFolder)) && within(real, realFolder);
  });
}

function generated(ctx: GenerateContext, kind: GenerateKind, text: string, filePath: string): GeneratedDocument {
  // As the CLI does: a document generated from a file that does not parse would be built on guesses.
  const syntax = ctx.service.validate(text, filePath, { today: ctx.today }).find((d) => d.code === 'yaml-syntax');
  if (syntax) throw new Error(`line ${syntax.range.start.line + 1} is not valid YAML (${syntax.message}); fix it first`);
  return kind === 'agenda' ? ctx.service.generateAgenda(text, filePath, ctx.today) : ctx.service.generateStatusReport(text, filePath, ctx.today);
}

/** The editor holds the text: one workspace edit, which the editor refuses once its text has moved on. */
async function generateForOpenDocument(ctx: GenerateContext, kind: GenerateKind, uri: string, filePath: string, doc: TextDocument): Promise<string | null> {
  const { client, connection } = ctx;
  const before = doc.getText();
  const result = generated(ctx, kind, before, filePath);
  const newUri = siblingUri(uri, result.path);
  const yamlEdit = result.edits.length > 0 ? TextDocumentEdit.create({ uri, version: doc.version }, result.edits) : undefined;
  const label = GENERATE_TITLES[kind];
  const canCreate = client.workspace?.workspaceEdit?.documentChanges === true && (client.workspace.workspaceEdit.resourceOperations ?? []).includes('create');
  let edit: WorkspaceEdit;
  let written: string | undefined;
  if (canCreate) {
    edit = {
      documentChanges: [
        CreateFile.create(newUri, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri: newUri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.content }]),
        ...(yamlEdit ? [yamlEdit] : []),
      ],
    };
  } else {
    // A client that cannot create files: write it here ('wx' never overwrites), then edit the YAML.
    fs.writeFileSync(result.path, result.content, { encoding: 'utf8', flag: 'wx' });
    if (!yamlEdit) return newUri;
    written = result.path;
    edit = client.workspace?.workspaceEdit?.documentChanges ? { documentChanges: [yamlEdit] } : { changes: { [uri]: result.edits } };
  }
  let applied: { applied: boolean; failureReason?: string };
  try {
    applied = await connection.workspace.applyEdit({ label, edit });
  } catch (err) {
    if (written) removeQuietly(written);
    throw err;
  }
  if (!applied.applied) {
    // The file does not record the document this server wrote: remove it rather than leave an orphan.
    if (written) removeQuietly(written);
    ctx.showMessage(MessageType.Warning, `${label}: the editor did not apply the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`);
    return null;
  }
  if (yamlEdit && result.recorded) ctx.onRecorded?.({ uri, path: filePath, before, edits: result.edits, what: result.recorded });
  return newUri;
}

/** A file that is not open: written here, as the CLI writes it. */
async function generateOnDisk(ctx: GenerateContext, kind: GenerateKind, filePath: string): Promise<string> {
  const shown = path.basename(filePath);
  const real = writeTarget(filePath, shown);
  const held = await lock(real, shown);
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = readBytes(real, shown);
      const bom = before[0] === 0xef && before[1] === 0xbb && before[2] === 0xbf;
      const text = before.toString('utf8').slice(bom ? 1 : 0);
      // Only text that round-trips: a rewrite of anything else would change bytes nobody edited.
      if (!Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8').equals(before)) throw new Error(`${shown} is not UTF-8 text; not changed`);
      const result = generated(ctx, kind, text, real);
      if (result.edits.length > 0) assertReplaceable(real, shown);
      fs.writeFileSync(result.path, result.content, { encoding: 'utf8', flag: 'wx' });
      if (result.edits.length === 0) return pathToUri(result.path);
      let replaced: boolean;
      try {
        replaced = replaceIfUnchanged(real, shown, before, Buffer.from((bom ? '\uFEFF' : '') + applyTextEdits(text, result.edits), 'utf8'));
      } catch (err) {
        removeQuietly(result.path);
        throw err;
      }
      if (replaced) {
        if (result.recorded) ctx.onRecorded?.({ uri: pathToUri(filePath), path: filePath, before: text, edits: result.edits, what: result.recorded });
        return pathToUri(result.path);
      }
      removeQuietly(result.path); // the file changed meanwhile: start again from its new text
    }
    throw new Error(`${shown} kept changing while the ${kind === 'agenda' ? 'agenda' : 'report'} was generated; nothing was written`);
  } finally {
    releaseLock(held);
  }
}

/** A regular file's bytes, within the size the server reads. */
function readBytes(real: string, shown: string): Buffer {
  const st = fs.statSync(real);
  if (!st.isFile()) throw new Error(`${shown} is not a regular file`);
  if (st.size > MAX_FILE_BYTES) throw new Error(`${shown} is too large to update (over ${MAX_FILE_BYTES / 1048576} MiB)`);
  return fs.readFileSync(real);
}
