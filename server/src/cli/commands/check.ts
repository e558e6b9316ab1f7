// `partnership check [paths…]`: validate files, report in a format, exit 0/1/2.
import { ruleDocsBase } from '../../install';
import * as path from 'path';
import { ConfigResult, createLanguageService, Diagnostic, newDiagnostics } from '../../service';
import { Git } from '../git';
import { flag, OptionSpec, ParsedArgs, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { asCliError, errorLine, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, inputError, oneLine, usageError } from '../errors';
import { discoverFiles } from '../files';
import { FormatName, formatFailure, FORMATS, formatReport, isFormat } from '../formatters';
import { githubLinks } from '../formatters/markdown';
import { CHECK_HELP } from '../help';
import { NodeFileSystem, readText } from '../../node/nodeFs';
import { assertNotAnInput, writeOutput } from '../output';
import { displayPath } from '../paths';
import { FileReport, totalCounts } from '../report';
import { resolveToday } from '../today';

const OPTIONS: OptionSpec[] = [
  { name: 'format', value: true, short: 'f' },
  { name: 'today', value: true },
  { name: 'config', value: true, short: 'c' },
  { name: 'max-warnings', value: true },
  { name: 'output', value: true, short: 'o' },
  { name: 'quiet', value: false, short: 'q' },
  { name: 'new-since', value: true },
  { name: 'help', value: false, short: 'h' },
];

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw usageError(`invalid --max-warnings '${value}': expected a whole number, 0 or more`, 'check');
  }
  return Number(value);
}

/** Problems in a config file, one stderr line each: `invalid config <path>:<line>:<col>: <message>`. */
function configProblemLines(result: ConfigResult, cwd: string): string[] {
  const shown = result.path ? displayPath(result.path, cwd) : '.partnershiprc.yaml';
  return result.problems.map((p: Diagnostic) => `invalid config ${shown}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${oneLine(p.message)}`);
}

export function runCheck(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'check');
  if (flag(args, 'help')) {
    ctx.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  const format = stringOption(args, 'format') ?? 'stylish';
  if (!isFormat(format)) throw usageError(`unknown format '${format}': expected one of ${FORMATS.join(', ')}`, 'check');
  const output = stringOption(args, 'output');
  // What the check reads, which its output may never replace (partnership and config files are protected by name too).
  const configOption = stringOption(args, 'config');
  const inputs = [...args.positionals, ...(configOption !== undefined ? [configOption] : [])].map((p) => path.resolve(ctx.cwd, p));
  // Whatever stops the check from here on, a JSON or SARIF reader still gets a valid document.
  const failed = (lines: string[]) => {
    const document = formatFailure(format, ctx.cwd, lines);
    if (document === undefined) return;
    try {
      writeOutput(ctx, document, output || undefined, inputs);
    } catch {
      // the output file is what failed: stderr says so
    }
  };
  try {
    if (output && output !== '-') assertNotAnInput(path.resolve(ctx.cwd, output), output, inputs);
    return check(args, format, output, ctx, failed, inputs);
  } catch (err) {
    const known = asCliError(err);
    if (known) failed([errorLine(known)]);
    throw known ?? err;
  }
}

function check(args: ParsedArgs, format: FormatName, output: string | undefined, ctx: CliContext, failed: (lines: string[]) => void, inputs: readonly string[]): number {
  const today = resolveToday(stringOption(args, 'today'), ctx, 'check');
  const maxWarnings = parseMaxWarnings(stringOption(args, 'max-warnings'));
  const quiet = flag(args, 'quiet');
  if (output === '') throw usageError("option '--output' needs a file name", 'check');
  const configOption = stringOption(args, 'config');

  const fs = new NodeFileSystem((p) => `config ${displayPath(p, ctx.cwd)}`);
  const service = createLanguageService({ fs, home: ctx.env.HOME || undefined, docsBaseUrl: ruleDocsBase() });

  let explicitConfig: ConfigResult | undefined;
  if (configOption !== undefined) {
    const configPath = path.resolve(ctx.cwd, configOption);
    const { text } = readText(configPath, `config ${configOption}`);
    explicitConfig = service.parseConfig(text, configPath);
  }

  const files = discoverFiles(args.positionals.length > 0 ? args.positionals : ['.'], ctx.cwd);

  // One config per folder; each distinct invalid config is reported once, before any report.
  const configByFolder = new Map<string, ConfigResult>();
  const configFor = (file: string): ConfigResult => {
    if (explicitConfig) return explicitConfig;
    const folder = path.dirname(file);
    let result = configByFolder.get(folder);
    if (!result) {
      result = service.configFor(file);
      const failed = result.path ? fs.failedReads.get(path.resolve(result.path)) : undefined;
      if (failed !== undefined) throw inputError(failed);
      configByFolder.set(folder, result);
    }
    return result;
  };
  const configs = files.map(configFor);
  const problemLines: string[] = [];
  const reported = new Set<string>();
  for (const c of configs) {
    for (const skipped of c.ignored ?? []) {
      if (reported.has(`ignored ${skipped.path}`)) continue;
      reported.add(`ignored ${skipped.path}`);
      ctx.stderr(`partnership: note: ignoring config ${oneLine(displayPath(skipped.path, ctx.cwd))}: ${oneLine(skipped.reason)}\n`);
    }
    const key = c.path ?? '';
    if (reported.has(key)) continue;
    reported.add(key);
    for (const line of configProblemLines(c, ctx.cwd)) problemLines.push(line); // no spread: a config can have 10,000
  }
  if (problemLines.length > 0) {
    for (const line of problemLines) ctx.stderr(`partnership: ${oneLine(line)}\n`);
    failed(problemLines);
    return EXIT_USAGE;
  }

  const newSince = stringOption(args, 'new-since');
  const since = newSince === undefined ? undefined : baseVersions(newSince, ctx.cwd);
  const all: FileReport[] = files.map((file, i) => {
    const { text } = readText(file, displayPath(file, ctx.cwd));
    const options = { today, config: configs[i].config };
    const diagnostics = service.validate(text, file, options);
    const baseText = since?.textOf(file);
    if (baseText === undefined) return { absPath: file, diagnostics };
    // Only what the change brought: matched by rule and subject, never by line.
    const before = service.validate(baseText, file, options);
    return { absPath: file, diagnostics: newDiagnostics(diagnostics, service.subjects(text, diagnostics), before, service.subjects(baseText, before)) };
  });
  const shown: FileReport[] = quiet ? all.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 1) })) : all;

  const color = (output === undefined || output === '-') && ctx.stdoutIsTTY && !ctx.env.NO_COLOR;
  writeOutput(ctx, formatReport(format, { files: shown, cwd: ctx.cwd }, { color, quiet, links: githubLinks(ctx.env, ctx.cwd) }), output, inputs);

  // As in ESLint, --quiet reports errors only, so hidden warnings do not count against --max-warnings.
  const counts = totalCounts(shown);
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) ctx.stderr(`partnership: too many warnings (${counts.warnings}); --max-warnings allows ${maxWarnings}\n`);
  return counts.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Each checked file as it was at `rev` (following renames git sees), for `--new-since`; a file
 * the revision does not have, or outside the repository, has no base: all its problems are new.
 */
function baseVersions(rev: string, cwd: string): { textOf(absPath: string): string | undefined } {
  const git = Git.at(cwd, 'check --new-since');
  const commit = git.commit(rev, '--new-since');
  const renames = git.renames(commit, undefined);
  return {
    textOf(absPath) {
      const rel = git.relative(absPath);
      if (rel.startsWith('../') || path.isAbsolute(rel)) return undefined;
      return git.show(commit, renames.get(rel) ?? rel);
    },
  };
}
