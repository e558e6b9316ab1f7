// "Mark as sent": record in the partnership file that today's status report went out
// (`communication.statusReport.lastSent: today`), the edit computed by the service. For a document
// open in the editor the server sends one versioned workspace edit; for a file that is not open it
// writes the file itself, as `partnership report --sent` does: under the lock between processes,
// replacing the file only while it holds what was read.
import * as fs from 'fs';
import * as path from 'path';
import { MessageType, TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../node/names';
import { applyTextEdits } from '../node/textEdits';
import { assertReplaceable, lock, releaseLock, replaceIfUnchanged, writeTarget } from '../node/safeFiles';
import { MAX_FILE_BYTES } from '../node/nodeFs';
import type { GenerateContext } from './generate';
import { uriToPath } from './uris';

/** Attempts before giving up when a file that is not open keeps changing under us. */
const MAX_ATTEMPTS = 3;

export const MARK_SENT_LABEL = 'Mark status report as sent';

/** The partnership file's URI once lastSent says today, or null when nothing was recorded (the server says why). */
export async function markReportSent(ctx: GenerateContext, uri: string): Promise<string | null> {
  const filePath = uriToPath(uri);
  if (!filePath) throw new Error(`${uri} is not a file on disk`);
  const name = path.basename(filePath);
  if (!isPartnershipFileName(name)) throw new Error(`${name} is not a partnership file (*${PARTNERSHIP_SUFFIX})`);
  const doc = ctx.documents.get(uri);
  if (doc) {
    const before = doc.getText();
    const record = ctx.service.recordStatusReportSent(before, filePath, ctx.today);
    if (!record.edit) return nothingRecorded(ctx, name, record.why);
    const versioned = ctx.client.workspace?.workspaceEdit?.documentChanges === true;
    const edit: WorkspaceEdit = versioned ? { documentChanges: [TextDocumentEdit.create({ uri, version: doc.version }, [record.edit])] } : { changes: { [uri]: [record.edit] } };
    const applied = await ctx.connection.workspace.applyEdit({ label: MARK_SENT_LABEL, edit });
    if (!applied.applied) {
      ctx.showMessage(MessageType.Warning, `${MARK_SENT_LABEL}: the editor did not apply the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`);
      return null;
    }
    ctx.onRecorded?.({ uri, path: filePath, before, edits: [record.edit], what: record.recorded ?? 'the status report as sent' });
    return uri;
  }
  const real = writeTarget(filePath, name);
  if (!isPartnershipFileName(path.basename(real))) throw new Error(`${name} links to ${real}, which is not a partnership file`);
  const held = await lock(real, name);
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const bytes = readBytes(real, name);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const text = bytes.toString('utf8').slice(bom ? 1 : 0);
      if (!Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8').equals(bytes)) throw new Error(`${name} is not UTF-8 text; not changed`);
      const record = ctx.service.recordStatusReportSent(text, real, ctx.today);
      if (!record.edit) return nothingRecorded(ctx, name, record.why);
      assertReplaceable(real, name);
      if (replaceIfUnchanged(real, name, bytes, Buffer.from((bom ? '\uFEFF' : '') + applyTextEdits(text, [record.edit]), 'utf8'))) {
        ctx.onRecorded?.({ uri, path: filePath, before: text, edits: [record.edit], what: record.recorded ?? 'the status report as sent' });
        return uri;
      }
    }
    throw new Error(`${name} kept changing; lastSent was not recorded`);
  } finally {
    releaseLock(held);
  }
}

function nothingRecorded(ctx: GenerateContext, name: string, why: string | undefined): null {
  ctx.showMessage(MessageType.Info, `${name} was not changed: ${why ?? 'nothing to record'}.`);
  return null;
}

function readBytes(real: string, shown: string): Buffer {
  const st = fs.statSync(real);
  if (!st.isFile()) throw new Error(`${shown} is not a regular file`);
  if (st.size > MAX_FILE_BYTES) throw new Error(`${shown} is too large to update (over ${MAX_FILE_BYTES / 1048576} MiB)`);
  return fs.readFileSync(real);
}
