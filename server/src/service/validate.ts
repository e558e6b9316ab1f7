// Text → diagnostics: parse once, report syntax; else schema, then every domain rule that is on.
import { defaultConfig, severityOf } from './config';
import { MAX_DIAGNOSTICS, ParsedDocument } from './document';
import { factsOf } from './domain';
import { PartnershipModel, TypoKeys } from './model';
import { ruleDocsUrl, ruleMeta } from './ruleMeta';
import { DOMAIN_RULES } from './rules';
import type { RuleContext } from './rules/rule';
import { validateSchema } from './schema';
import type { Diagnostic, Fix, Range, RuleId, ValidateOptions } from './types';
import type { Fixes } from './rules/rule';

function diagnostic(id: RuleId, severity: Diagnostic['severity'], range: Range, message: string, fixes?: Fixes, docsBaseUrl?: string): Diagnostic {
  // Messages are one line in every output (Problems panel, stylish, SARIF, annotations).
  message = message
    .replace(/[ \t]*[\r\n]+[ \t]*/g, ' ')
    // Control characters from binary junk would garble terminals and annotations.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  message = shortened(message);
  const d: Diagnostic = { range, severity, code: id, source: 'partnership', message, codeDescription: { href: ruleDocsUrl(id, docsBaseUrl) } };
  if (fixes && typeof fixes !== 'function' && fixes.length > 0) d.data = { fixes };
  return d;
}

/**
 * `data.fixes` computed when first read: a code action reads it, publishing never does (the server
 * strips `data`), so an open or an edit does not build edits nobody asks for (a 5,000-commitment
 * file has hundreds of late commitments, each with two fixes). If the parse they were judged on
 * has been taken over by a re-parse of a newer text since (its nodes now carry the newer text's
 * offsets), `recompute` judges this text again on a parse of its own and takes the fixes of the
 * same diagnostic: an edit is never computed from offsets of another text.
 */
function lazyFixes(pd: ParsedDocument, compute: () => Fix[], recompute: () => Fix[]): { fixes: Fix[] } {
  let fixes: Fix[] | undefined;
  return Object.defineProperty({} as { fixes: Fix[] }, 'fixes', {
    enumerable: true,
    get: () => (fixes ??= pd.retired ? recompute() : compute()),
  });
}

/** The fixes of the diagnostic `d` among `fresh`, the diagnostics of its text judged again on a parse of their own. */
function fixesAgain(fresh: Diagnostic[], d: Diagnostic): Fix[] {
  const same = fresh.find((f) => f.code === d.code && f.message === d.message && f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character && f.range.end.line === d.range.end.line && f.range.end.character === d.range.end.character);
  return same?.data?.fixes ?? [];
}

/** The longest message a diagnostic has: the end says what to do, so a long middle is cut. */
export const MAX_MESSAGE_LENGTH = 1000;

/** A 1 MB summary must not make a 1 MB message: long quoted text is shortened, then the whole. */
function shortened(message: string): string {
  if (message.length <= 200) return message;
  const cut = (text: string, n: number) => text.slice(0, /[\ud800-\udbff]/.test(text.charAt(n - 1)) ? n - 1 : n);
  message = message.replace(/'([^']{120,})'/g, (_m, quoted: string) => `'${cut(quoted, 100)}…'`);
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  const tail = message.slice(-300).replace(/^[\udc00-\udfff]/, '');
  return `${cut(message, MAX_MESSAGE_LENGTH - tail.length - 1)}…${tail}`;
}

export function validateParsed(pd: ParsedDocument, options: ValidateOptions): Diagnostic[] {
  const config = options.config ?? defaultConfig();
  const severity = (id: RuleId) => severityOf(config.rules[id], ruleMeta(id).defaultSeverity);
  const docs = options.docsBaseUrl;
  const out: Diagnostic[] = [];
  const text = pd.text;
  // The same text judged again on a parse no re-parse can take over, once, if fixes are read late (lazyFixes).
  let again: Diagnostic[] | undefined;
  const judgedAgain = () => (again ??= validateParsed(new ParsedDocument(text), options));

  if (pd.syntaxProblems.length > 0) {
    // Nothing else is trustworthy until the YAML parses; one problem, one diagnostic.
    const s = severity('yaml-syntax');
    if (s !== undefined) for (const p of pd.syntaxProblems.slice(0, MAX_DIAGNOSTICS)) out.push(diagnostic('yaml-syntax', s, pd.range(p.start, p.end), p.message, undefined, docs));
    return out;
  }

  const schemaSeverity = severity('schema');
  const schemaProblems = validateSchema(pd);
  if (schemaSeverity !== undefined) {
    for (const p of schemaProblems) out.push(diagnostic('schema', schemaSeverity, p.range, p.message, p.fixes, docs));
  }

  const typos: TypoKeys = new WeakMap();
  for (const p of schemaProblems) {
    if (!p.typo) continue;
    const keys = typos.get(p.typo.map) ?? new Set<string>();
    keys.add(p.typo.key);
    typos.set(p.typo.map, keys);
  }
  const model = new PartnershipModel(pd, typos);
  // A file of another format version is not judged by version 1's rules: the schema said so once.
  const version = model.root?.scalar('version');
  if (!model.root || (version !== undefined && version !== 1)) return out;
  const facts = factsOf(model, options.today, config);
  for (const rule of DOMAIN_RULES) {
    const s = severity(rule.id);
    if (s === undefined) continue;
    const ctx: RuleContext = {
      model,
      pd,
      today: options.today,
      config,
      facts,
      report(range, message, fixes) {
        if (out.length >= MAX_DIAGNOSTICS) return;
        const d = diagnostic(rule.id, s, range, message, fixes, docs);
        if (typeof fixes === 'function') d.data = lazyFixes(pd, fixes, () => fixesAgain(judgedAgain(), d));
        out.push(d);
      },
    };
    rule.check(ctx);
  }
  return sortByPosition(out);
}

/** Top to bottom, like every linter's output; ties keep rule order (Array.prototype.sort is stable). */
function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The parse's diagnostics; never throws: an internal failure (the parse's too) becomes a diagnostic rather than a dead server or CLI. */
export function validateDocument(parse: () => ParsedDocument, options: ValidateOptions): Diagnostic[] {
  try {
    return validateParsed(parse(), options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [diagnostic('yaml-syntax', 1, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `Internal error while checking this file: ${message}`, undefined, options.docsBaseUrl)];
  }
}
