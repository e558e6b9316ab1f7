// The real git, for `diff` and `check --new-since`: a file as it was at a revision, which
// partnership files a revision holds, and which were renamed. Every call is `git` with arguments
// (never a shell), revisions are verified before use, and failures become one-line errors.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { inputError, usageError } from './errors';

const MAX_BUFFER = 64 * 1024 * 1024;

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
}

function gitError(err: unknown): string {
  const e = err as { code?: string; stderr?: string; message?: string };
  if (e.code === 'ENOENT') return 'git is not installed (or not on PATH): install git';
  return (e.stderr || e.message || String(err)).trim().split('\n')[0];
}

export class Git {
  private constructor(readonly root: string) {}

  /** The repository holding `cwd`, or a one-line error (exit 2). */
  static at(cwd: string, command: string): Git {
    try {
      return new Git(path.resolve(git(['rev-parse', '--show-toplevel'], cwd).trim()));
    } catch (err) {
      throw inputError(`${command} needs a git repository: ${gitError(err)}`);
    }
  }

  /** The commit a revision names, or a one-line error (exit 2) naming it. */
  commit(rev: string, option: string): string {
    if (rev === '' || rev.startsWith('-')) throw usageError(`invalid revision '${rev}' for ${option}`);
    try {
      return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], this.root).trim();
    } catch {
      throw inputError(`unknown revision '${rev}' (${option}): no such commit, branch or tag in ${this.root}`);
    }
  }

  /** A path relative to the repository root, with forward slashes. */
  relative(absPath: string): string {
    return path.relative(this.root, absPath).split(path.sep).join('/');
  }

  /** The text of a file at a commit, or undefined when the commit has no such file. */
  show(commit: string, rel: string): string | undefined {
    try {
      return execFileSync('git', ['show', `${commit}:${rel}`], { cwd: this.root, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  }

  /** The partnership files a commit holds under the given paths (relative to the root). */
  partnershipFiles(commit: string, pathspecs: readonly string[]): string[] {
    const out = git(['ls-tree', '-r', '-z', '--name-only', commit, '--', ...pathspecs], this.root);
    return out.split('\0').filter((f) => /\.partnership\.yaml$/i.test(f) && !/(^|\/)node_modules\//.test(f));
  }

  /** New path → old path of the partnership files git sees as renamed from `base` to `head` (or the working tree). */
  renames(base: string, head: string | undefined): Map<string, string> {
    const out = git(['diff', '-z', '-M', '--name-status', base, ...(head ? [head] : []), '--'], this.root);
    const fields = out.split('\0');
    const renamed = new Map<string, string>();
    for (let i = 0; i < fields.length; ) {
      const status = fields[i];
      if (!status) break;
      if (status.startsWith('R') || status.startsWith('C')) {
        const [from, to] = [fields[i + 1], fields[i + 2]];
        if (status.startsWith('R') && /\.partnership\.yaml$/i.test(to)) renamed.set(to, from);
        i += 3;
      } else {
        i += 2;
      }
    }
    return renamed;
  }
}
