// The `partnership` command: the only place that reads the clock, argv, env and the TTY state.
import { dayOfDate } from '../service';
import { runCli } from './cli';
import { oneLine } from './errors';

function fail(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  try {
    process.stderr.write(`partnership: internal error: ${oneLine(message)}\n`);
  } finally {
    process.exit(2);
  }
}

function main(): void {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // `partnership check | head`: a closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(err);
  });
  try {
    process.exitCode = runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      today: dayOfDate(new Date()),
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
    });
  } catch (err) {
    fail(err);
  }
}

main();
