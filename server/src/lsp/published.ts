// What the server sends as diagnostics: everything but `data`. A diagnostic's quick fixes stay on
// the server, with its own validation of that version; a code action request matches the client's
// diagnostic against them (code, message, range), so the fixes' edits never travel on every change
// (megabytes for a large file) only to be sent back.
import type { Diagnostic } from '../service';

export function published(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.data === undefined) return d;
    const { data: _fixes, ...rest } = d;
    return rest;
  });
}
