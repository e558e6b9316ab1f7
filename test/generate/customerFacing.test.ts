// What a customer-facing status report must never contain, checked on every realistic partnership
// file we keep (examples/ and the generators' fixtures): our health assessment (its fields and its
// values, current and earlier), the text of an `internal` risk, an email address. The literal
// values come from each file; the internal version of the same report must contain the ones the
// file has, so the check cannot pass by looking for text that was never there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { md } from '../../server/src/service/generate/markdown';
import { FIXTURES, generate } from './util';

const ROOT = path.join(__dirname, '../../..');
const FILES = [
  ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f)),
  ...fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)),
].filter((f) => f.endsWith('.partnership.yaml'));

const TODAY = '2026-11-20';
const EMAIL = /[\w.%+\\-]+@[\w-]+(?:\.[\w-]+)+/;

type Json = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const words = (v: string) => v.replace(/\s+/g, ' ').trim();

/** The values the customer must never see, each as written (whitespace folded) and as Markdown. */
function secrets(data: Json): { health: string[]; internal: string[]; emails: string[] } {
  const health = (data.health ?? {}) as Json;
  const assessments = [health, ...((Array.isArray(health.previous) ? health.previous : []) as Json[])];
  const healthValues = assessments.flatMap((h) => ['status', 'trend', 'note'].map((k) => text(h[k])).filter((v): v is string => v !== undefined));
  const risks = (Array.isArray(data.risks) ? data.risks : []) as Json[];
  const internal = risks.filter((r) => r.internal === true).flatMap((r) => ['summary', 'mitigation'].map((k) => text(r[k])).filter((v): v is string => v !== undefined));
  const people = (Array.isArray(data.people) ? data.people : []) as Json[];
  const emails = people.map((p) => text(p.email)).filter((v): v is string => v !== undefined);
  return { health: healthValues.map(words), internal: internal.map(words), emails };
}

describe('the customer-facing status report never shows what is ours', () => {
  const seen = { health: 0, internal: 0, emails: 0, notes: 0 };

  for (const file of FILES) {
    const input = fs.readFileSync(file, 'utf8');
    const data = (parse(input) ?? {}) as Json;
    const hidden = secrets(data);
    seen.health += hidden.health.length;
    seen.notes += hidden.health.filter((h) => h.includes(' ')).length;
    seen.internal += hidden.internal.length;
    seen.emails += hidden.emails.length;

    describe(path.relative(ROOT, file), () => {
      const report = generate('report', input, { today: TODAY, file }).content;

      it('has no health section, field or score', () => {
        assert.doesNotMatch(report, /^#+ (?:Health|Internal)/m);
        assert.doesNotMatch(report, /assessment|INTERNAL/);
        assert.doesNotMatch(report, /\| (?:Status \| Trend|Access|Credibility|Trust) \|/);
        assert.doesNotMatch(report, /\b[1-5]\/5\b/);
        // Status words ("watch", "healthy") may occur in other text; notes are sentences that may not.
        for (const v of hidden.health.filter((h) => h.includes(' '))) assert.ok(!report.includes(v) && !report.includes(md(v)), `health note leaked: ${v}`);
      });

      it("has no internal risk's text", () => {
        for (const v of hidden.internal) assert.ok(!report.includes(v) && !report.includes(md(v)), `internal risk leaked: ${v}`);
      });

      it('has no email address', () => {
        assert.doesNotMatch(report, EMAIL);
        for (const v of hidden.emails) assert.ok(!report.includes(v) && !report.includes(md(v)), `email leaked: ${v}`);
      });

      it('the internal version carries the assessment and the internal risks the file has', () => {
        const internal = generate('report', input, { today: TODAY, file, internal: true }).content;
        for (const v of [...hidden.health, ...hidden.internal]) assert.ok(internal.includes(md(v)), `internal version lacks: ${v}`);
        assert.doesNotMatch(internal, EMAIL);
      });
    });
  }

  it('the files checked hold health notes, internal risks and email addresses to leak', () => {
    assert.ok(FILES.length >= 6, `${FILES.length} files`);
    assert.ok(seen.notes > 0 && seen.health > 0 && seen.internal > 0 && seen.emails > 0, JSON.stringify(seen));
  });
});
