// `partnership agenda FILE` and `partnership report FILE`: write the generated Markdown document
// beside the file (never over an existing one) and apply the service's edits to the file.
// `--stdout` prints the document and changes nothing; `--dry-run` says what would be written and
// changes nothing; `report --sent` records, separately from generating, that today's report went out.
import * as fs from 'fs';
import * as path from 'path';
import { assertReplaceable, lockSync, releaseLock, removeQuietly, replaceIfUnchanged, WriteRefused, writeTarget } from '../../node/safeFiles';
import { createLanguageService, Day, formatDay, GeneratedDocument, LanguageService, TextEdit } from '../../service';
import { flag, OptionSpec, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { CliError, describeFsError, EXIT_OK, EXIT_USAGE, inputError, oneLine, usageError } from '../errors';
import { generateHelp } from '../help';
import { NodeFileSystem, readText } from '../../node/nodeFs';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../../node/names';
import { assertNotAnInput, ensureParentFolder } from '../output';
import { displayPath } from '../paths';
import { applyTextEdits } from '../../node/textEdits';
import { resolveToday } from '../today';

const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'today', value: true },
  { name: 'output', value: true, short: 'o' },
  { name: 'stdout', value: false },
  { name: 'dry-run', value: false },
  { name: 'help', value: false, short: 'h' },
];
const OPTIONS: Record<'agenda' | 'report', OptionSpec[]> = {
  agenda: COMMON_OPTIONS,
  report: [...COMMON_OPTIONS, { name: 'sent', value: false }, { name: 'internal', value: false }],
};

type Kind = 'agenda' | 'report';
const WHAT: Record<Kind, string> = { agenda: 'reset-meeting agenda', report: 'status report' };

export function runGenerate(kind: Kind, argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS[kind], kind);
  if (flag(args, 'help')) {
    ctx.stdout(generateHelp(kind));
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw usageError(`${kind} needs the partnership file to generate the ${WHAT[kind]} from`, kind);
  if (args.positionals.length > 1) throw usageError(`${kind} takes one file, got ${args.positionals.length}`, kind);
  const today = resolveToday(stringOption(args, 'today'), ctx, kind);
  const output = stringOption(args, 'output');
  if (output === '') throw usageError("option '--output' needs a file name", kind);
  const sent = flag(args, 'sent');
  const internal = flag(args, 'internal');
  const dryRun = flag(args, 'dry-run');
  const toStdout = output === '-' || flag(args, 'stdout');
  if (flag(args, 'stdout') && output !== undefined) throw usageError(`--stdout prints the ${WHAT[kind]}; it cannot also go to --output ${output}`, kind);
  if (dryRun && toStdout) throw usageError(`--dry-run and ${output === '-' ? '--output -' : '--stdout'} do not go together: --stdout already changes nothing`, kind);
  if (sent && (toStdout || output !== undefined || internal)) {
    throw usageError(`--sent records that today's report went out; it generates nothing, so it takes no ${internal ? '--internal' : toStdout ? '--stdout' : '--output'}`, kind);
  }

  const fileArg = args.positionals[0];
  const file = path.resolve(ctx.cwd, fileArg);
  const shownFile = displayPath(file, ctx.cwd);
  // Only a missing file is "no such file"; a symlink loop or a permission problem is said by readText.
  if (!fs.existsSync(file) && missing(file)) throw inputError(`no such file: ${fileArg}`);
  if (!isFolder(file)) assertPartnershipFile(file, fileArg, kind);
  if (output !== undefined && !toStdout) assertNotAnInput(path.resolve(ctx.cwd, output), output, [file]);
  const options: GenerateOptions = { internal };

  if (toStdout) {
    // A preview: the document on stdout, the file unchanged (there is no document for it to point at).
    const { text } = readText(file, shownFile);
    const doc = generateFrom(kind, text, file, shownFile, today, options);
    ctx.stdout(doc.content);
    ctx.stderr(`partnership: note: ${shownFile} was not changed: the ${WHAT[kind]} went to stdout\n`);
    leftOutNote(doc, kind, shownFile, ctx);
    return EXIT_OK;
  }
  if (dryRun) return sent ? dryRunSent(file, shownFile, today, ctx) : dryRunGenerate(kind, file, shownFile, output, today, options, ctx);

  readText(file, shownFile); // unreadable, binary, too large: said before anything is locked
  const real = refused(() => writeTarget(file, shownFile));
  if (real !== file) assertPartnershipFile(real, `${shownFile} (a link to ${displayPath(real, ctx.cwd)})`, kind);
  // Every process that updates the file takes this lock, so parallel runs wait for each other and
  // each starts from the text the previous one wrote.
  const lock = refused(() => lockSync(real, shownFile));
  try {
    for (let attempt = 1; ; attempt++) {
      const result = sent ? recordSentOnce(real, shownFile, today, ctx) : generateOnce(kind, real, shownFile, output, today, options, ctx);
      if (result !== 'changed') return result;
      // Someone who ignores the lock (an editor saving) changed the file meanwhile: start again from their text.
      if (attempt === MAX_ATTEMPTS) throw inputError(`${shownFile} kept changing while the ${WHAT[kind]} was ${sent ? 'recorded as sent' : 'generated'}; nothing was written (try again)`);
    }
  } finally {
    releaseLock(lock);
  }
}

/** Attempts before giving up when the file keeps changing under us. */
const MAX_ATTEMPTS = 3;

interface GenerateOptions {
  /** The status report with our own assessment. */
  internal: boolean;
}

function generateFrom(kind: Kind, text: string, file: string, shownFile: string, today: Day, options: GenerateOptions): GeneratedDocument {
  const service = createLanguageService({ fs: new NodeFileSystem() });
  assertParses(service, text, file, shownFile, today, `cannot generate a ${WHAT[kind]}`);
  try {
    return kind === 'agenda' ? service.generateAgenda(text, file, today) : service.generateStatusReport(text, file, today, { internal: options.internal });
  } catch (err) {
    throw new CliError(`cannot generate a ${WHAT[kind]} for ${shownFile}: ${err instanceof Error ? err.message : String(err)}`, EXIT_USAGE);
  }
}

/**
 * Read, generate, write the document, record it: under the lock. 'changed' when the file changed
 * between the read and the replace (the document just written is removed again).
 */
function generateOnce(kind: Kind, real: string, shownFile: string, output: string | undefined, today: Day, options: GenerateOptions, ctx: CliContext): number | 'changed' {
  const { text, bom } = readText(real, shownFile);
  // The bytes read (UTF-8 round-trips exactly: readText refuses anything else), for the compare before the replace.
  const before = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
  // From the link's target: the document lands beside the file that records it.
  const doc = generateFrom(kind, text, real, shownFile, today, options);
  const { target, shownTarget, edits } = placed(doc, real, output, ctx);

  let updated: string;
  try {
    updated = applyTextEdits(text, edits);
  } catch (err) {
    throw new CliError(`cannot record the ${WHAT[kind]} in ${shownFile}: ${err instanceof Error ? err.message : String(err)}`, EXIT_USAGE);
  }
  // Said before the document is written, so a refusal leaves nothing behind.
  if (edits.length > 0) refused(() => assertReplaceable(real, shownFile));

  // The service picked a free name; `wx` is the safety net if the name was taken since.
  if (output !== undefined) ensureParentFolder(target, shownTarget);
  try {
    fs.writeFileSync(target, doc.content, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw inputError(`${shownTarget} already exists; not overwriting it`);
    throw inputError(`cannot write ${shownTarget}: ${describeFsError(err)}`);
  }

  if (edits.length > 0) {
    let replaced: boolean;
    try {
      replaced = replaceIfUnchanged(real, shownFile, before, Buffer.from((bom ? '\uFEFF' : '') + updated, 'utf8'));
    } catch (err) {
      removeQuietly(target); // a document the file does not record would be an orphan
      throw inputError(`${err instanceof Error ? err.message : String(err)}; ${shownTarget} was not kept`);
    }
    if (!replaced) {
      removeQuietly(target);
      return 'changed';
    }
  } else {
    // Say why, rather than let the user believe the file records it (the service knows the reason).
    ctx.stderr(`partnership: note: ${shownFile} was not changed: ${doc.notRecorded ?? 'nothing to record'}\n`);
  }
  leftOutNote(doc, kind, shownFile, ctx);
  ctx.stdout(`${shownTarget}\n`);
  return EXIT_OK;
}

function assertParses(service: LanguageService, text: string, file: string, shownFile: string, today: Day, what: string): void {
  const syntax = service.validate(text, file, { today }).find((d) => d.code === 'yaml-syntax');
  if (syntax) throw inputError(`${what}: ${shownFile}:${syntax.range.start.line + 1}:${syntax.range.start.character + 1} is not valid YAML: ${oneLine(syntax.message)}`);
}

/** Where the document goes (`--output` or the generated name) and the edits, pointing at that place. */
function placed(doc: GeneratedDocument, real: string, output: string | undefined, ctx: CliContext): { target: string; shownTarget: string; edits: TextEdit[] } {
  const generated = path.resolve(path.dirname(real), doc.path);
  const target = output !== undefined ? path.resolve(ctx.cwd, output) : generated;
  return { target, shownTarget: displayPath(target, ctx.cwd), edits: target === generated ? doc.edits : retarget(doc.edits, real, generated, target) };
}

/** The edit recording today's report as sent, or a CLI error saying why there is none. `already` when lastSent says today. */
function sentRecord(text: string, file: string, shownFile: string, today: Day): { edit: TextEdit; recorded: string } | { already: string } {
  const service = createLanguageService({ fs: new NodeFileSystem() });
  assertParses(service, text, file, shownFile, today, 'cannot record the status report as sent');
  const record = service.recordStatusReportSent(text, file, today);
  if (record.edit) return { edit: record.edit, recorded: record.recorded ?? 'the status report as sent' };
  if (record.why?.startsWith('lastSent already says')) return { already: record.why };
  throw inputError(`cannot record the status report as sent: ${record.why ?? 'no edit'}; ${shownFile} was not changed`);
}

/** `report FILE --sent`: lastSent = today, under the lock, replacing the file only if unchanged since read. */
function recordSentOnce(real: string, shownFile: string, today: Day, ctx: CliContext): number | 'changed' {
  const { text, bom } = readText(real, shownFile);
  const before = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
  const record = sentRecord(text, real, shownFile, today);
  if ('already' in record) {
    ctx.stderr(`partnership: note: ${shownFile} was not changed: ${record.already}\n`);
    return EXIT_OK;
  }
  const updated = applyTextEdits(text, [record.edit]);
  refused(() => assertReplaceable(real, shownFile));
  let replaced: boolean;
  try {
    replaced = replaceIfUnchanged(real, shownFile, before, Buffer.from((bom ? '\uFEFF' : '') + updated, 'utf8'));
  } catch (err) {
    throw inputError(err instanceof Error ? err.message : String(err));
  }
  if (!replaced) return 'changed';
  ctx.stdout(`${shownFile}: recorded ${record.recorded} (communication.statusReport.lastSent: ${formatDay(today)})\n`);
  return EXIT_OK;
}

/** `--dry-run`: the document that would be written and the lines of the file that would change; nothing is written. */
function dryRunGenerate(kind: Kind, file: string, shownFile: string, output: string | undefined, today: Day, options: GenerateOptions, ctx: CliContext): number {
  const { text } = readText(file, shownFile);
  const real = refused(() => writeTarget(file, shownFile));
  const doc = generateFrom(kind, text, real, shownFile, today, options);
  const { shownTarget, edits } = placed(doc, real, output, ctx);
  const lines = [`partnership: dry run, nothing written`, `would write ${shownTarget} (${doc.content.split('\n').length - 1} lines)`];
  if (edits.length > 0) lines.push(`would change ${shownFile}:`, ...changedLines(text, applyTextEdits(text, edits)));
  else lines.push(`would not change ${shownFile}: ${doc.notRecorded ?? 'nothing to record'}`);
  ctx.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

/** `report FILE --sent --dry-run`: the line that would record the report; nothing is written. */
function dryRunSent(file: string, shownFile: string, today: Day, ctx: CliContext): number {
  const { text } = readText(file, shownFile);
  const record = sentRecord(text, file, shownFile, today);
  const lines = [`partnership: dry run, nothing written`];
  if ('already' in record) lines.push(`would not change ${shownFile}: ${record.already}`);
  else lines.push(`would record ${record.recorded} in ${shownFile}:`, ...changedLines(text, applyTextEdits(text, [record.edit])));
  ctx.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

/**
 * The lines that differ between two texts, as `-  12 | old` / `+  12 | new` hunks (line numbers of
 * each side): the common lines before and after the change are left out.
 */
export function changedLines(before: string, after: string): string[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const width = String(Math.max(endA, endB)).length;
  const num = (n: number) => String(n).padStart(width);
  return [...a.slice(start, endA).map((l, i) => `- ${num(start + i + 1)} | ${l}`), ...b.slice(start, endB).map((l, i) => `+ ${num(start + i + 1)} | ${l}`)];
}

/** One line on stderr when the document left entries with errors out (it says which at its top). */
function leftOutNote(doc: GeneratedDocument, kind: Kind, shownFile: string, ctx: CliContext): void {
  const n = doc.leftOut?.length ?? 0;
  if (n > 0) ctx.stderr(`partnership: note: ${shownFile}: ${n === 1 ? '1 entry' : `${n} entries`} left out of the ${kind === 'agenda' ? 'agenda' : 'status report'}; see the top of the document\n`);
}

/** Run a file-safety step; its refusal becomes the CLI's one-line error with exit 2. */
function refused<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof WriteRefused) throw inputError(err.message);
    throw err;
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** `agenda /etc/passwd` writes nothing beside it: only partnership files are generated for. */
function assertPartnershipFile(file: string, shown: string, kind: Kind): void {
  if (!isPartnershipFileName(path.basename(file))) {
    throw inputError(`${shown} is not a partnership file (*${PARTNERSHIP_SUFFIX}); ${kind} generates only for those`);
  }
}

function missing(file: string): boolean {
  try {
    fs.statSync(file);
    return false;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

/** A path as a YAML scalar: plain when safe, else double-quoted. */
function yamlPath(ref: string): string {
  return /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/.test(ref) ? ref : JSON.stringify(ref);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `--output` moves the document: the edits that reference the generated name (the meeting's
 * `agenda:`) must point at the new place instead, keeping the quoting style they used.
 */
function retarget(edits: readonly TextEdit[], file: string, generated: string, target: string): TextEdit[] {
  const folder = path.dirname(file);
  const posix = (p: string) => path.relative(folder, p).split(path.sep).join('/');
  const from = posix(generated);
  const to = posix(target);
  const re = new RegExp(`(["']?)${escapeRegExp(from)}\\1`, 'g');
  return edits.map((e) => ({
    range: e.range,
    newText: e.newText.replace(re, (_m, quote: string) =>
      quote === '"' ? JSON.stringify(to) : quote === "'" ? `'${to.replace(/'/g, "''")}'` : yamlPath(to),
    ),
  }));
}
