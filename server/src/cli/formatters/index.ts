// The report formats `check --format` accepts.
import type { Report } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { cell, formatMarkdown, MarkdownOptions } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export interface FormatOptions {
  color: boolean;
  quiet: boolean;
  /** Markdown: where line links point (a GitHub Actions run), else relative links. */
  links?: MarkdownOptions['links'];
}

/**
 * What stdout holds when the input could not be checked (exit 2), for the formats a program reads:
 * still a valid document. `failures` are the stderr lines, without the `partnership: ` prefix.
 */
export function formatFailure(format: FormatName, cwd: string, failures: readonly string[]): string | undefined {
  if (format === 'json') return formatJson({ files: [], cwd });
  if (format === 'sarif') return formatSarif({ files: [], cwd }, failures);
  if (format === 'markdown') return `## Partnership check: could not run\n\n${failures.map((f) => `- ${cell(f)}`).join('\n')}\n`;
  return undefined;
}

export function formatReport(format: FormatName, report: Report, options: FormatOptions): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'markdown':
      return formatMarkdown(report, { links: options.links });
  }
}
