// `partnership diff BASE [paths…]`: what a change did to each relationship. Reads every
// partnership file at git revision BASE and in the working tree (or at `--head REV`), and reports
// per file what the service finds changed in the relationship, plus the problems the change
// introduced and fixed (matched by rule and subject, not by line).
import * as path from 'path';
import { createLanguageService, Diagnostic, newDiagnostics, RelationshipChange } from '../../service';
import { flag, OptionSpec, ParsedArgs, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK, EXIT_PROBLEMS, oneLine, printable, usageError } from '../errors';
import { discoverFiles } from '../files';
import { cell, githubLinks, MARKDOWN_LIMIT, ruleLink } from '../formatters/markdown';
import { Git } from '../git';
import { DIFF_HELP } from '../help';
import { NodeFileSystem, readText } from '../../node/nodeFs';
import { writeOutput } from '../output';
import { plural, severityName } from '../report';
import { resolveToday } from '../today';

const OPTIONS: OptionSpec[] = [
  { name: 'head', value: true },
  { name: 'format', value: true, short: 'f' },
  { name: 'today', value: true },
  { name: 'output', value: true, short: 'o' },
  { name: 'help', value: false, short: 'h' },
];

export const DIFF_FORMATS = ['stylish', 'json', 'markdown'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface FileDiff {
  /** Path relative to the repository root, as the change leaves it (or as it was, when deleted). */
  path: string;
  status: 'added' | 'modified' | 'renamed' | 'deleted';
  /** The old path of a renamed file. */
  from?: string;
  changes: RelationshipChange[];
  introduced: Diagnostic[];
  fixed: Diagnostic[];
}

export function runDiff(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'diff');
  if (flag(args, 'help')) {
    ctx.stdout(DIFF_HELP);
    return EXIT_OK;
  }
  const format = stringOption(args, 'format') ?? 'stylish';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw usageError(`unknown format '${format}': expected one of ${DIFF_FORMATS.join(', ')}`, 'diff');
  const [baseRev, ...paths] = args.positionals;
  if (baseRev === undefined) throw usageError('diff needs the base revision: partnership diff BASE [paths...]', 'diff');
  const diffs = diffFiles(baseRev, paths, args, ctx);
  const output = stringOption(args, 'output');
  const text = format === 'json' ? formatJson(diffs) : format === 'markdown' ? formatMarkdownDiff(diffs, baseRev, githubLinks(ctx.env, ctx.cwd)) : formatStylishDiff(diffs, baseRev);
  writeOutput(ctx, text, output);
  return diffs.some((d) => d.introduced.some((x) => x.severity === 1)) ? EXIT_PROBLEMS : EXIT_OK;
}

function diffFiles(baseRev: string, paths: readonly string[], args: ParsedArgs, ctx: CliContext): FileDiff[] {
  const today = resolveToday(stringOption(args, 'today'), ctx, 'diff');
  const git = Git.at(ctx.cwd, 'diff');
  const base = git.commit(baseRev, 'BASE');
  const headRev = stringOption(args, 'head');
  const head = headRev === undefined ? undefined : git.commit(headRev, '--head');
  const fs = new NodeFileSystem((p) => `config ${p}`);
  const service = createLanguageService({ fs });

  const specs = (paths.length > 0 ? paths : ['.']).map((p) => {
    const rel = git.relative(path.resolve(ctx.cwd, p));
    if (rel.startsWith('../') || rel === '..') throw usageError(`'${p}' is outside the repository ${git.root}`, 'diff');
    return rel === '' ? '.' : rel;
  });
  // The new side: files at --head, or in the working tree (untracked ones included).
  const headTexts = new Map<string, string>();
  if (head) {
    for (const rel of git.partnershipFiles(head, specs)) headTexts.set(rel, git.show(head, rel) ?? '');
  } else {
    for (const abs of discoverFiles(paths.length > 0 ? paths : ['.'], ctx.cwd, { allowEmpty: true })) headTexts.set(git.relative(abs), readText(abs, abs).text);
  }
  const baseFiles = new Set(git.partnershipFiles(base, specs));
  const renames = git.renames(base, head);

  const diffs: FileDiff[] = [];
  const matched = new Set<string>();
  for (const [rel, text] of [...headTexts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const from = renames.get(rel);
    const baseRel = from && baseFiles.has(from) ? from : baseFiles.has(rel) ? rel : undefined;
    if (baseRel) matched.add(baseRel);
    const baseText = baseRel ? git.show(base, baseRel) : undefined;
    if (baseText === text && baseRel === rel) continue;
    const abs = path.join(git.root, rel);
    const options = { today, config: service.configFor(abs).config };
    const now = service.validate(text, abs, options);
    const before = baseText === undefined ? [] : service.validate(baseText, abs, options);
    const nowSubjects = service.subjects(text, now);
    const beforeSubjects = baseText === undefined ? [] : service.subjects(baseText, before);
    diffs.push({
      path: rel,
      status: baseText === undefined ? 'added' : baseRel !== rel ? 'renamed' : 'modified',
      ...(baseRel !== rel && baseRel ? { from: baseRel } : {}),
      changes: service.relationshipChanges(baseText, text),
      introduced: newDiagnostics(now, nowSubjects, before, beforeSubjects),
      fixed: newDiagnostics(before, beforeSubjects, now, nowSubjects),
    });
  }
  for (const rel of [...baseFiles].sort()) {
    if (matched.has(rel)) continue;
    const baseText = git.show(base, rel) ?? '';
    const abs = path.join(git.root, rel);
    const before = service.validate(baseText, abs, { today, config: service.configFor(abs).config });
    diffs.push({ path: rel, status: 'deleted', changes: service.relationshipChanges(baseText, undefined), introduced: [], fixed: before });
  }
  return diffs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// ------------------------------------------------------------------------------------- formats

function statusText(d: FileDiff): string {
  return d.status === 'renamed' ? `renamed from ${d.from}` : d.status;
}

function totals(diffs: readonly FileDiff[]): string {
  const changes = diffs.reduce((n, d) => n + d.changes.length, 0);
  const attention = diffs.reduce((n, d) => n + d.changes.filter((c) => c.severity === 'warning').length, 0);
  const introduced = diffs.reduce((n, d) => n + d.introduced.length, 0);
  const fixed = diffs.reduce((n, d) => n + d.fixed.length, 0);
  return `${plural(diffs.length, 'partnership file')} changed: ${plural(changes, 'relationship change')}${attention ? ` (${attention} to look at)` : ''}, ${plural(introduced, 'problem')} introduced, ${fixed} fixed`;
}

const position = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;

function formatStylishDiff(diffs: readonly FileDiff[], baseRev: string): string {
  if (diffs.length === 0) return `No partnership file changed since ${printable(baseRev)}.\n`;
  const out: string[] = [];
  for (const d of diffs) {
    out.push(`${printable(d.path)} (${printable(statusText(d))})`);
    const rows: [string, string, string, string][] = [];
    for (const c of d.changes) rows.push([c.inBase ? `was ${position(c.range)}` : position(c.range), c.severity === 'warning' ? 'warning' : 'change', oneLine(c.message), '']);
    for (const x of d.introduced) rows.push([position(x.range), `new ${severityName(x)}`, oneLine(x.message), x.code]);
    for (const x of d.fixed) rows.push([`was ${position(x.range)}`, `fixed ${severityName(x)}`, oneLine(x.message), x.code]);
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i]].length)));
    for (const r of rows) out.push(`  ${r.map((c, i) => (i < 3 ? c + ' '.repeat(w[i] - [...c].length) : c)).join('  ')}`.trimEnd());
    out.push('');
  }
  out.push(totals(diffs));
  return out.join('\n') + '\n';
}

function formatJson(diffs: readonly FileDiff[]): string {
  return JSON.stringify({ files: diffs }, null, 2) + '\n';
}

function formatMarkdownDiff(diffs: readonly FileDiff[], baseRev: string, links: ReturnType<typeof githubLinks>): string {
  if (diffs.length === 0) return `## Partnership diff: no partnership file changed since \`${cell(baseRev)}\`\n`;
  const out = [`## Partnership diff since \`${cell(baseRev)}\``, '', totals(diffs) + '.', ''];
  for (const d of diffs) {
    const href = (line?: number) => `${links ? `${links.base}/` : ''}${d.path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
    out.push(`### ${d.status === 'deleted' ? cell(d.path) : `[${cell(d.path)}](${href()})`} (${cell(statusText(d))})`, '');
    if (d.changes.length > 0) {
      out.push('| | Line | Relationship change |', '|---|---:|---|');
      for (const c of d.changes) {
        const line = c.range.start.line + 1;
        out.push(`| ${c.severity === 'warning' ? '⚠️' : '•'} | ${c.inBase ? `was ${line}` : `[${line}](${href(line)})`} | ${cell(c.message)} |`);
      }
      out.push('');
    }
    if (d.introduced.length + d.fixed.length > 0) {
      out.push('| | Line | Problem | Rule |', '|---|---:|---|---|');
      for (const x of d.introduced) out.push(`| new ${severityName(x)} | [${x.range.start.line + 1}](${href(x.range.start.line + 1)}) | ${cell(x.message)} | ${ruleLink(x.code)} |`);
      for (const x of d.fixed) out.push(`| fixed ${severityName(x)} | was ${x.range.start.line + 1} | ${cell(x.message)} | ${ruleLink(x.code)} |`);
      out.push('');
    }
  }
  return capMarkdown(out.join('\n').replace(/\n+$/, '') + '\n');
}

/** Cut at a line before GitHub's limit for a comment or summary, saying so. */
export function capMarkdown(text: string, limit = MARKDOWN_LIMIT): string {
  if (text.length <= limit) return text;
  const note = `\n> **Cut here**: this report stops before GitHub's limit of ${MARKDOWN_LIMIT.toLocaleString('en-US')} characters. Run \`partnership diff\` for the whole of it.\n`;
  const cut = text.lastIndexOf('\n', limit - note.length - 1);
  return text.slice(0, cut + 1) + note;
}
