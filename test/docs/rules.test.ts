// The rule pages in docs/rules are true: every example file, run through the language service as
// of the date the page states, produces exactly the diagnostics the page quotes under it (position,
// severity, message); a file shown "after applying the quick fix X" is what that fix produces; the
// quick-fix titles the tool offers are the ones the page names; the configuration shown is a
// valid `.partnershiprc.yaml`; and the default severity matches RULE_META.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  createLanguageService,
  Diagnostic,
  Fix,
  parseDay,
  RULE_IDS,
  RULE_META,
  RuleId,
  TextEdit,
} from '../../server/src/service';

const DOCS = path.join(__dirname, '../../../docs/rules');
const REQUIRED_SECTIONS = ['What it checks', 'Why it matters', 'How to fix', 'Example', 'Configuration'];
const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The date sentence every Example section states, in this fixed form. */
const AS_OF = /Checked as of (\d{4}-\d{2}-\d{2})\./;
/** A quoted diagnostic: `> 12:10 warning — message`. */
const QUOTED = /^> (\d+):(\d+) (error|warning|information|hint) — (.+)$/;
/** Introduces a file that is the previous example after one of its quick fixes. */
const AFTER_FIX = /After applying the quick fix \*([^*]+)\*(?: to `([^`]+)`)?/;
const NOTHING = 'The tool reports nothing.';

// No file exists: generated documents get their first-choice name, and no config is found.
const NO_FILES = { readFile: (): string | undefined => undefined, exists: (): boolean => false };
const service = createLanguageService({ fs: NO_FILES });

interface Example {
  /** 1-based line of the opening fence in the page, for failure messages. */
  line: number;
  yaml: string;
  /** The prose between the previous fence (or the section start) and this one. */
  before: string;
  /** The quoted diagnostic lines in the prose after this fence. */
  quoted: string[];
  nothing: boolean;
}

function readPage(id: string): string {
  return fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8').replace(/\r\n/g, '\n');
}

/** `## Heading` → body, in page order. */
function sections(page: string): Map<string, { body: string; line: number }> {
  const out = new Map<string, { body: string; line: number }>();
  const lines = page.split('\n');
  let current: { name: string; start: number } | undefined;
  const close = (end: number) => {
    if (current) out.set(current.name, { body: lines.slice(current.start + 1, end).join('\n'), line: current.start + 2 });
  };
  let inFence = false;
  lines.forEach((line, i) => {
    if (line.startsWith('```')) inFence = !inFence;
    const m = !inFence && /^## (.+)$/.exec(line);
    if (m) {
      close(i);
      current = { name: m[1].trim(), start: i };
    }
  });
  close(lines.length);
  return out;
}

/** The ```yaml fences of a section, each with the prose around it. */
function examples(body: string, firstLine: number): Example[] {
  const lines = body.split('\n');
  const out: Example[] = [];
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '```yaml') {
      const start = i;
      const yaml: string[] = [];
      for (i++; i < lines.length && lines[i].trim() !== '```'; i++) yaml.push(lines[i]);
      if (out.length > 0) finish(out[out.length - 1], prose);
      out.push({ line: firstLine + start, yaml: yaml.join('\n') + '\n', before: prose.join('\n'), quoted: [], nothing: false });
      prose = [];
    } else {
      prose.push(lines[i]);
    }
  }
  if (out.length > 0) finish(out[out.length - 1], prose);
  return out;
}

function finish(example: Example, prose: string[]): void {
  example.quoted = prose.filter((l) => l.startsWith('> '));
  example.nothing = oneLine(prose.join('\n')).includes(NOTHING);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function shown(d: Diagnostic): string {
  return `> ${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity]} — ${d.message}`;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  const ordered = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of ordered) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function fixesOf(diagnostics: readonly Diagnostic[]): Fix[] {
  return diagnostics.flatMap((d) => d.data?.fixes ?? []);
}

/** A page and the diagnostics of each of its examples. */
interface CheckedPage {
  page: string;
  examples: { example: Example; diagnostics: Diagnostic[] }[];
}

function checkExamples(id: RuleId): void {
  const page = readPage(id);
  const example = sections(page).get('Example');
  assert.ok(example, `${id}.md has no Example section`);
  const list = examples(example.body, example.line);
  assert.ok(list.length > 0, `${id}.md: the Example section has no \`\`\`yaml file`);
  const asOf = AS_OF.exec(example.body);
  assert.ok(asOf, `${id}.md: the Example section does not say "Checked as of YYYY-MM-DD."`);
  const today = parseDay(asOf[1]);
  assert.ok(today !== undefined, `${id}.md: "${asOf[1]}" is not a date`);

  let previous: { example: Example; diagnostics: Diagnostic[] } | undefined;
  for (const ex of list) {
    const where = `${id}.md:${ex.line}`;
    assert.ok(/^version: 1\n/.test(ex.yaml), `${where}: an example is a complete partnership file, starting with 'version: 1'`);
    assert.ok(ex.quoted.length > 0 || ex.nothing, `${where}: quote the diagnostics under the example, or say "${NOTHING}"`);
    assert.ok(!(ex.quoted.length > 0 && ex.nothing), `${where}: quotes diagnostics and says "${NOTHING}"`);
    for (const q of ex.quoted) assert.ok(QUOTED.test(q), `${where}: a quoted diagnostic must read "> LINE:COL SEVERITY — message", not: ${q}`);

    // A file shown after a quick fix must be exactly what the fix produces from the file before it.
    const after = AFTER_FIX.exec(oneLine(ex.before));
    if (after) {
      assert.ok(previous, `${where}: "After applying the quick fix" needs an example before it`);
      const [, title, fileName] = after;
      const fix = fixesOf(previous.diagnostics).find((f) => f.title === title);
      assert.ok(fix, `${where}: the example before offers no quick fix titled "${title}"; it offers: ${fixesOf(previous.diagnostics).map((f) => f.title).join(' | ') || 'none'}`);
      let edits: TextEdit[];
      if (fix.kind === 'quickfix') {
        edits = fix.edits;
      } else {
        assert.ok(fileName, `${where}: a generating quick fix needs the file's name ("… to \`name.partnership.yaml\`")`);
        const file = path.join(path.sep, 'docs-example', fileName);
        const generate = fix.generate === 'agenda' ? service.generateAgenda : service.generateStatusReport;
        edits = generate(previous.example.yaml, file, today).edits;
      }
      assert.strictEqual(ex.yaml, applyEdits(previous.example.yaml, edits), `${where}: the file after "${title}" is not what the quick fix produces`);
    }

    const diagnostics = service.validate(ex.yaml, path.join(DOCS, `${id}.example.partnership.yaml`), { today });
    assert.deepStrictEqual(ex.quoted, diagnostics.map(shown), `${where}: the quoted diagnostics differ from what the tool reports as of ${asOf[1]}`);
    if (!after) {
      assert.ok(
        diagnostics.some((d) => d.code === id),
        `${where}: the example does not trigger ${id}; it reports: ${diagnostics.map((d) => d.code).join(', ') || 'nothing'}`,
      );
    }
    previous = { example: ex, diagnostics };
  }
}

/** The page's examples and their diagnostics, without judging them (checkExamples does that). */
function runExamples(id: RuleId): CheckedPage {
  const page = readPage(id);
  const example = sections(page).get('Example');
  const asOf = example && AS_OF.exec(example.body);
  const today = asOf ? parseDay(asOf[1]) : undefined;
  if (!example || today === undefined) return { page, examples: [] };
  const list = examples(example.body, example.line);
  return {
    page,
    examples: list.map((ex) => ({ example: ex, diagnostics: service.validate(ex.yaml, path.join(DOCS, `${id}.example.partnership.yaml`), { today }) })),
  };
}

describe('docs/rules pages', () => {
  it('there is one page per rule, and no page for a rule that does not exist', () => {
    const pages = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepStrictEqual(pages, [...RULE_IDS].sort());
  });

  it('the index lists every rule with its default severity', () => {
    const index = readPage('README');
    for (const meta of RULE_META) {
      const row = `| [\`${meta.id}\`](${meta.id}.md) | ${SEVERITY_NAMES[meta.defaultSeverity]} |`;
      assert.ok(index.includes(row), `README.md has no row starting ${row}`);
    }
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      it('has the sections and the default severity of RULE_META', () => {
        const page = readPage(id);
        assert.ok(page.startsWith(`# ${id}\n`), `${id}.md must start with "# ${id}"`);
        const found = [...sections(page).keys()];
        for (const name of REQUIRED_SECTIONS) assert.ok(found.includes(name), `${id}.md has no "## ${name}" section (it has: ${found.join(', ')})`);
        const meta = RULE_META.find((m) => m.id === id);
        assert.ok(meta, `RULE_META has no ${id}`);
        const severity = /^\*\*Default severity:\*\* (\S+)$/m.exec(page);
        assert.ok(severity, `${id}.md has no "**Default severity:** …" line`);
        assert.strictEqual(severity[1], SEVERITY_NAMES[meta.defaultSeverity], `${id}.md states the wrong default severity`);
      });

      it('each example produces exactly the diagnostics quoted under it', () => {
        checkExamples(id);
      });

      it('names the quick fixes the tool offers, or says there is none', () => {
        const { page, examples: checked } = runExamples(id);
        const titles = new Set(fixesOf(checked.flatMap((c) => c.diagnostics.filter((d) => d.code === id))).map((f) => f.title));
        const text = oneLine(page);
        const saysNone = /There is no quick fix/i.test(text);
        if (titles.size === 0) {
          assert.ok(saysNone, `${id}.md: the tool offers no quick fix for ${id}; say "There is no quick fix"`);
        } else {
          assert.ok(!saysNone, `${id}.md says there is no quick fix, but the tool offers: ${[...titles].join(' | ')}`);
          for (const title of titles) assert.ok(text.includes(`*${title}*`), `${id}.md does not name the quick fix *${title}*`);
        }
      });

      it('the configuration shown is a valid .partnershiprc.yaml that sets this rule', () => {
        const config = sections(readPage(id)).get('Configuration');
        assert.ok(config, `${id}.md has no Configuration section`);
        const blocks = examples(config.body, config.line);
        assert.ok(blocks.length > 0, `${id}.md: the Configuration section shows no \`\`\`yaml`);
        for (const block of blocks) {
          const parsed = service.parseConfig(block.yaml, path.join(DOCS, '.partnershiprc.yaml'));
          assert.deepStrictEqual(parsed.problems.map((p) => p.message), [], `${id}.md:${block.line}: the configuration is not valid`);
          assert.ok(parsed.config.rules[id] !== undefined, `${id}.md:${block.line}: the configuration does not set ${id}`);
        }
      });

      it('links only to pages that exist', () => {
        const page = readPage(id);
        for (const m of page.matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)) {
          assert.ok(fs.existsSync(path.join(DOCS, m[1])), `${id}.md links to ${m[1]}, which does not exist`);
        }
      });
    });
  }
});
