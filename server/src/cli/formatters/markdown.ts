// Markdown for a pull-request comment or a GitHub job summary: a heading with the counts, then one
// table per file with a link to each line; a file's long table is folded in <details>, and the
// whole stays under GitHub's 65,536-character limit for a comment or summary, with a note saying
// what was left out.
import { DOCS_BASE_URL, ruleDocsUrl } from '../../service';
import type { Diagnostic } from '../../service';
import { oneLine } from '../errors';
import { portablePath } from '../paths';
import { countOf, FileReport, plural, Report, severityName, totalCounts } from '../report';

/** GitHub refuses comments and job summaries above 65,536 characters; leave room for the note. */
export const MARKDOWN_LIMIT = 65_536;
const NOTE_ROOM = 600;
/** A file with more rows than this shows its table folded. */
export const FOLD_ROWS = 10;

export interface MarkdownOptions {
  /**
   * Where line links point: `${base}/${path from root}#L${line}`, e.g. base
   * `https://github.com/acme/accounts/blob/<sha>` and root the checkout. Without it, links are
   * relative to the working folder (they work in a repository's own Markdown files).
   */
  links?: { base: string; root: string };
  /** The limit to stay under (tests use a small one). */
  limit?: number;
}

/**
 * The line-link base of a GitHub Actions run (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA,
 * GITHUB_WORKSPACE), or undefined outside one.
 */
export function githubLinks(env: NodeJS.ProcessEnv, cwd: string): MarkdownOptions['links'] {
  const server = env.GITHUB_SERVER_URL || (env.GITHUB_REPOSITORY ? 'https://github.com' : undefined);
  if (!server || !env.GITHUB_REPOSITORY || !env.GITHUB_SHA) return undefined;
  return { base: `${server.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}`, root: env.GITHUB_WORKSPACE || cwd };
}

const ICON: Record<string, string> = { error: '❌', warning: '⚠️', information: 'ℹ️', hint: '💡' };

/** Text safe inside a Markdown table cell: one line, no HTML, no table or emphasis syntax. */
export function cell(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1');
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function summaryOf(files: readonly FileReport[]): string {
  const c = countOf(files.flatMap((f) => f.diagnostics));
  return [c.errors ? plural(c.errors, 'error') : '', c.warnings ? plural(c.warnings, 'warning') : '', c.infos ? plural(c.infos, 'info') : ''].filter(Boolean).join(', ');
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const withProblems = report.files.filter((f) => f.diagnostics.length > 0);
  const c = totalCounts(report.files);
  const total = c.errors + c.warnings + c.infos;
  const checked = plural(report.files.length, 'file');
  if (total === 0) return `## Partnership check: ✔ no problems\n\n${checked} checked.\n`;

  const out: string[] = [
    `## Partnership check: ${c.errors > 0 ? '❌' : c.warnings > 0 ? '⚠️' : 'ℹ️'} ${plural(total, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')})`,
    '',
    `${checked} checked, ${plural(withProblems.length, 'file')} with problems.`,
    '',
  ];
  let size = out.join('\n').length;
  let shownRows = 0;
  const add = (lines: string[]): boolean => {
    const text = lines.join('\n') + '\n';
    if (size + text.length > limit - NOTE_ROOM) return false;
    out.push(...lines);
    size += text.length;
    return true;
  };

  let cut = false;
  for (const file of withProblems) {
    const rel = portablePath(file.absPath, report.cwd);
    const fromRoot = options.links ? portablePath(file.absPath, options.links.root) : rel;
    const href = (line?: number) => `${options.links ? `${options.links.base}/` : ''}${encodePath(fromRoot)}${line ? `#L${line}` : ''}`;
    const heading = `### [${cell(rel)}](${href()}): ${summaryOf([file])}`;
    const folded = file.diagnostics.length > FOLD_ROWS;
    if (!add([heading, '', ...(folded ? ['<details>', `<summary>${plural(file.diagnostics.length, 'problem')}</summary>`, ''] : []), '| | Line | Problem | Rule |', '|---|---:|---|---|'])) {
      cut = true;
      break;
    }
    for (const d of file.diagnostics) {
      if (!add([row(d, href)])) {
        cut = true;
        break;
      }
      shownRows++;
    }
    // Always close the fold, cut or not (NOTE_ROOM leaves room for it).
    out.push(...(folded ? ['', '</details>'] : []), '');
    if (cut) break;
  }
  if (cut) {
    const left = total - shownRows;
    out.push('', `> **${plural(left, 'more problem')} not shown**: this report stops before GitHub's limit of ${MARKDOWN_LIMIT.toLocaleString('en-US')} characters. Run \`partnership check\` for the full list.`, '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * A rule id, linked to its page when the pages are on the web (package.json names a repository);
 * a relative or file link would be dead in a pull-request comment, so then it is the id alone.
 */
export function ruleLink(code: Diagnostic['code']): string {
  return /^https?:\/\//.test(DOCS_BASE_URL) ? `[\`${code}\`](${ruleDocsUrl(code)})` : `\`${code}\``;
}

function row(d: Diagnostic, href: (line: number) => string): string {
  const severity = severityName(d);
  const line = d.range.start.line + 1;
  return `| ${ICON[severity]} ${severity} | [${line}:${d.range.start.character + 1}](${href(line)}) | ${cell(d.message)} | ${ruleLink(d.code)} |`;
}
