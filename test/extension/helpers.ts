// Shared helpers of the in-VS-Code integration tests. The workspace is a throwaway copy of
// test/fixtures/workspace/ (the runner copies it), reviewed as of partnership.reviewDate.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PartnershipExtensionApi } from '../../client/src/extension';
import { createLanguageService, parseDay } from '../../server/src/service';
import { nodeFileSystem } from '../../server/src/node/nodeFs';

export const EXTENSION_ID = 'partnership-tools.partnership';
/** The fixed "today" of the fixture workspace (.vscode/settings.json). */
export const REVIEW_DATE = '2026-11-23';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open as the first folder');
  return folder.uri;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...segments);
}

export async function activateExtension(): Promise<PartnershipExtensionApi> {
  const ext = vscode.extensions.getExtension<PartnershipExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.ready;
  return api;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Poll until `probe` returns something truthy; fail with `what`. A probe must test the final state
 * itself (a tree item's description, the diagnostics of the current text), never an event that
 * could come before that state: an event seen is no proof that what follows it is up to date.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, describe?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`);
    await sleep(100);
  }
}

export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Wait until the file's diagnostics satisfy `ready` (the server publishes asynchronously). */
export function waitForDiagnostics(uri: vscode.Uri, ready: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${vscode.workspace.asRelativePath(uri)}`, () => {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'partnership');
    return ready(d) ? d : undefined;
  }, timeoutMs);
}

/**
 * The diagnostics VS Code shows once the server has validated the document's current text: waits
 * until they equal what the language service computes for that text (as of the review date), so a
 * publish for an earlier version is never taken for the result. Diagnostics carry no version in
 * the VS Code API; comparing with the expected set is the only wait that cannot see a stale state.
 */
export async function waitForCurrentDiagnostics(doc: vscode.TextDocument, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const service = createLanguageService({ fs: nodeFileSystem });
  const today = parseDay(REVIEW_DATE)!;
  const key = (d: { code?: unknown; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
    const code = typeof d.code === 'object' && d.code !== null ? String((d.code as { value: unknown }).value) : String(d.code);
    return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${code} ${d.message}`;
  };
  let seen: string[] = [];
  let wanted: string[] = [];
  return waitFor(
    `the diagnostics of the current text of ${doc.uri.toString()}`,
    () => {
      const config = doc.uri.scheme === 'file' ? service.configFor(doc.uri.fsPath).config : undefined;
      wanted = service.validate(doc.getText(), doc.uri.fsPath, { today, config }).map(key).sort();
      const shown = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'partnership');
      seen = shown.map(key).sort();
      return seen.length === wanted.length && seen.every((k, i) => k === wanted[i]) ? shown : undefined;
    },
    timeoutMs,
    () => `shown [${seen.join(' | ')}], expected [${wanted.join(' | ')}]`,
  );
}

export async function openPartnershipFile(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Close every editor and drop unsaved changes, so each suite starts from the files on disk. */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    // Revert and close in one step: closing a dirty (or untitled) editor would ask to save.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
