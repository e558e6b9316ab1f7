// `partnership agenda FILE` and `partnership report FILE`: write the generated Markdown document
// beside the file (never over an existing one) and apply the service's edits to the file.
import * as fs from 'fs';
import * as path from 'path';
import { assertReplaceable, lockSync, releaseLock, removeQuietly, replaceIfUnchanged, WriteRefused, writeTarget } from '../../node/safeFiles';
import { createLanguageService, Day, GeneratedDocument, TextEdit } from '../../service';
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

const OPTIONS: OptionSpec[] = [
  { name: 'today', value: true },
  { name: 'output', value: true, short: 'o' },
  { name: 'help', value: false, short: 'h' },
];

type Kind = 'agenda' | 'report';
const WHAT: Record<Kind, string> = { agenda: 'reset-meeting agenda', report: 'status report' };

export function runGenerate(kind: Kind, argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, kind);
  if (flag(args, 'help')) {
    ctx.stdout(generateHelp(kind));
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw usageError(`${kind} needs the partnership file to generate the ${WHAT[kind]} from`, kind);
  if (args.positionals.length > 1) throw usageError(`${kind} takes one file, got ${args.positionals.length}`, kind);
  const today = resolveToday(stringOption(args, 'today'), ctx, kind);
  const output = stringOption(args, 'output');
  if (output === '') throw usageError("option '--output' needs a file name", kind);

  const fileArg = args.positionals[0];
  const file = path.resolve(ctx.cwd, fileArg);
  const shownFile = displayPath(file, ctx.cwd);
  // Only a missing file is "no such file"; a symlink loop or a permission problem is said by readText.
  if (!fs.existsSync(file) && missing(file)) throw inputError(`no such file: ${fileArg}`);
  if (!isFolder(file)) assertPartnershipFile(file, fileArg, kind);
  const toStdout = output === '-';
  if (output !== undefined && !toStdout) assertNotAnInput(path.resolve(ctx.cwd, output), output, [file]);

  if (toStdout) {
    // A preview: the document on stdout, the file unchanged (there is no document for it to point at).
    const { text } = readText(file, shownFile);
    const doc = generateFrom(kind, text, file, shownFile, today);
    ctx.stdout(doc.content);
    ctx.stderr(`partnership: note: ${shownFile} was not changed: the ${WHAT[kind]} went to stdout\n`);
    leftOutNote(doc, kind, shownFile, ctx);
    return EXIT_OK;
  }

  readText(file, shownFile); // unreadable, binary, too large: said before anything is locked
  const real = refused(() => writeTarget(file, shownFile));
  if (real !== file) assertPartnershipFile(real, `${shownFile} (a link to ${displayPath(real, ctx.cwd)})`, kind);
  // Every process that updates the file takes this lock, so parallel runs wait for each other and
  // each starts from the text the previous one wrote.
  const lock = refused(() => lockSync(real, shownFile));
  try {
    for (let attempt = 1; ; attempt++) {
      const result = generateOnce(kind, real, shownFile, output, today, ctx);
      if (result !== 'changed') return result;
      // Someone who ignores the lock (an editor saving) changed the file meanwhile: start again from their text.
      if (attempt === MAX_ATTEMPTS) throw inputError(`${shownFile} kept changing while the ${WHAT[kind]} was generated; nothing was written (try again)`);
    }
  } finally {
    releaseLock(lock);
  }
}

/** Attempts before giving up when the file keeps changing under us. */
const MAX_ATTEMPTS = 3;

function generateFrom(kind: Kind, text: string, file: string, shownFile: string, today: Day): GeneratedDocument {
  const service = createLanguageService({ fs: new NodeFileSystem() });
  const syntax = service.validate(text, file, { today }).filter((d) => d.code === 'yaml-syntax');
  if (syntax.length > 0) {
    const d = syntax[0];
    throw inputError(`cannot generate a ${WHAT[kind]}: ${shownFile}:${d.range.start.line + 1}:${d.range.start.character + 1} is not valid YAML: ${oneLine(d.message)}`);
  }
  try {
    return kind === 'agenda' ? service.generateAgenda(text, file, today) : service.generateStatusReport(text, file, today);
  } catch (err) {
    throw new CliError(`cannot generate a ${WHAT[kind]} for ${shownFile}: ${err instanceof Error ? err.message : String(err)}`, EXIT_USAGE);
  }
}

/**
 * Read, generate, write the document, record it: under the lock. 'changed' when the file changed
 * between the read and the replace (the document just written is removed again).
 */
function generateOnce(kind: Kind, real: string, shownFile: string, output: string | undefined, today: Day, ctx: CliContext): number | 'changed' {
  const { text, bom } = readText(real, shownFile);
  // The bytes read (UTF-8 round-trips exactly: readText refuses anything else), for the compare before the replace.
  const before = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
  // From the link's target: the document lands beside the file that records it.
  const doc = generateFrom(kind, text, real, shownFile, today);

  const generated = path.resolve(path.dirname(real), doc.path);
  const target = output !== undefined ? path.resolve(ctx.cwd, output) : generated;
  const shownTarget = displayPath(target, ctx.cwd);
  const edits = target === generated ? doc.edits : retarget(doc.edits, real, generated, target);

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
