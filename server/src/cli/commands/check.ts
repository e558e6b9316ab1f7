// `partnership check [paths…]`: validate files, report in a format, exit 0/1/2.
import { ruleDocsBase } from '../../install';
import * as path from 'path';
import { ConfigResult, createLanguageService, Diagnostic } from '../../service';
import { flag, OptionSpec, ParsedArgs, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { CliError, errorLine, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, inputError, oneLine, usageError } from '../errors';
import { discoverFiles } from '../files';
import { FormatName, formatFailure, FORMATS, formatReport, isFormat } from '../formatters';
import { CHECK_HELP } from '../help';
import { NodeFileSystem, readText } from '../nodeFs';
import { writeOutput } from '../output';
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
  // Whatever stops the check from here on, a JSON or SARIF reader still gets a valid document.
  const failed = (lines: string[]) => {
    const document = formatFailure(format, ctx.cwd, lines);
    if (document === undefined) return;
    try {
      writeOutput(ctx, document, output || undefined);
    } catch {
      // the output file is what failed: stderr says so
    }
  };
  try {
    return check(args, format, output, ctx, failed);
  } catch (err) {
    if (err instanceof CliError) failed([errorLine(err)]);
    throw err;
  }
}

function check(args: ParsedArgs, format: FormatName, output: string | undefined, ctx: CliContext, failed: (lines: string[]) => void): number {
  const today = resolveToday(stringOption(args, 'today'), ctx, 'check');
  const maxWarnings = parseMaxWarnings(stringOption(args, 'max-warnings'));
  const quiet = flag(args, 'quiet');
  if (output === '') throw usageError("option '--output' needs a file name", 'check');
  const configOption = stringOption(args, 'config');

  const fs = new NodeFileSystem((p) => `config ${displayPath(p, ctx.cwd)}`);
  const service = createLanguageService({ fs, docsBaseUrl: ruleDocsBase() });

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
    const key = c.path ?? '';
    if (reported.has(key)) continue;
    reported.add(key);
    problemLines.push(...configProblemLines(c, ctx.cwd));
  }
  if (problemLines.length > 0) {
    for (const line of problemLines) ctx.stderr(`partnership: ${oneLine(line)}\n`);
    failed(problemLines);
    return EXIT_USAGE;
  }

  const all: FileReport[] = files.map((file, i) => {
    const { text } = readText(file, displayPath(file, ctx.cwd));
    return { absPath: file, diagnostics: service.validate(text, file, { today, config: configs[i].config }) };
  });
  const shown: FileReport[] = quiet ? all.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 1) })) : all;

  const color = output === undefined && ctx.stdoutIsTTY && !ctx.env.NO_COLOR;
  writeOutput(ctx, formatReport(format, { files: shown, cwd: ctx.cwd }, { color, quiet }), output);

  // As in ESLint, --quiet reports errors only, so hidden warnings do not count against --max-warnings.
  const counts = totalCounts(shown);
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) ctx.stderr(`partnership: too many warnings (${counts.warnings}); --max-warnings allows ${maxWarnings}\n`);
  return counts.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}
