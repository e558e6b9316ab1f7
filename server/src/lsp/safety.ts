// Handler safety: a handler that throws logs the error and answers with an empty result; after
// `shutdown` every request is refused, as the protocol says.
import { Connection, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver/node';

export class HandlerSafety {
  /** Whether `shutdown` was received: every later request is refused. */
  shutDown = false;

  constructor(private readonly connection: Connection) {}

  logError(what: string, err: unknown): void {
    const text = err instanceof Error ? err.stack ?? err.message : String(err);
    this.connection.console.error(`${what} failed: ${text}`);
  }

  /** A notification handler (or timer) that logs what it throws and returns `fallback`. */
  guard<P extends unknown[], R>(what: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await handler(...args);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        this.logError(what, err);
        return fallback;
      }
    };
  }

  /** A request handler: refused after `shutdown`, else guarded. */
  request<P extends unknown[], R>(what: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return this.guard(what, fallback, (...args: P) => {
      if (this.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `${what}: the server is shutting down (shutdown was received)`);
      return handler(...args);
    });
  }

  /** A message for the user; a notification, so nothing waits for them to dismiss it. */
  showMessage(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }
}
