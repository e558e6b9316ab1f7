// Errors the CLI reports as one line on stderr, with the exit code they mean. Nothing here ever
// reaches the user as a stack trace.
import { UnreadableFile } from '../node/nodeFs';

/** Exit codes: 0 clean, 1 problems found (errors or too many warnings), 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    /** Set for usage errors: the command whose `--help` the hint points at ('' for the top level). */
    readonly helpFor?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A usage error: bad option, bad value, unknown command. The message gains a `--help` hint. */
export function usageError(message: string, command = ''): CliError {
  return new CliError(message, EXIT_USAGE, command);
}

/** Bad or unreadable input: a missing path, an unreadable file, an existing target. */
export function inputError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** An error the CLI reports as one line: its own, or a file the shared reader could not read (exit 2). */
export function asCliError(err: unknown): CliError | undefined {
  if (err instanceof CliError) return err;
  if (err instanceof UnreadableFile) return inputError(err.message);
  return undefined;
}

/** The one line printed for an error (without the `partnership: ` prefix). */
export function errorLine(err: CliError): string {
  const message = oneLine(err.message);
  if (err.helpFor === undefined) return message;
  const help = err.helpFor ? `partnership ${err.helpFor} --help` : 'partnership --help';
  return `${message} (run '${help}' for usage)`;
}

/** Collapse line breaks so a message is always exactly one line, and show control characters instead of sending them. */
export function oneLine(text: string): string {
  return printable(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * Control characters as visible escapes (`\u001b`): a file name or a file's text must not move the
 * cursor, retitle or clear the terminal, or hide a line in a CI log. Bidirectional controls
 * (U+202E turns the rest of a line around), zero-width characters and line separators are shown the
 * same way: they make a line read differently from what it says.
 */
export function printable(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A short description of an fs error without the stack or the errno noise (one wording, shared with node/). */
export { describeFsError } from '../node/fsErrors';
