// Document sync: an open is checked at once, a change after the scheduler's delay, a close drops
// the document's state and leaves its problems to the workspace check (or none).
import type { ServerContext } from '../serverContext';
import { uriToPath } from '../uris';

export function registerValidationHandlers(ctx: ServerContext): void {
  const { documents, safety, scheduler, workspace } = ctx;
  documents.documents.onDidOpen(
    safety.guard('didOpen', undefined, (e) => {
      if (!documents.served(e.document)) return;
      workspace.opened(e.document.uri);
      scheduler.opened(e.document.uri);
    }),
  );

  documents.documents.onDidChangeContent(safety.guard('didChange', undefined, (e) => void scheduler.changed(e.document.uri)));

  documents.documents.onDidClose(
    safety.guard('didClose', undefined, (e) => {
      const uri = e.document.uri;
      scheduler.closed(uri);
      documents.closed(uri);
      ctx.service.forget(uri);
      ctx.service.forget(uriToPath(uri) ?? uri);
      if (!documents.served(e.document)) return;
      workspace.closed(uri); // the disk version's problems (workspace mode), or none
      ctx.outlinesChanged([uri]); // the outline now comes from the file on disk
    }),
  );
}
