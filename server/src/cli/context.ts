// What a command may touch of the outside world. main.ts builds the real one; nothing below it
// reads the clock, process.argv or process.env directly.
import type { Day } from '../service';

export interface CliContext {
  /** The working folder: relative paths in arguments and in reports are relative to it. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The local calendar date, used when `--today` is not given. */
  today: Day;
  /** Whether stdout is a terminal (colours are used only then, and only without NO_COLOR). */
  stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}
