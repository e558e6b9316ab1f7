// The healthy base fixture and line-addressed edits of it, so each test states its change and the
// exact position it expects.
import * as fs from 'fs';
import * as path from 'path';

export const HEALTHY = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/service/healthy.partnership.yaml'), 'utf8');

/** Replace 1-based lines: { 50: '    due: 2026-11-01' }; a value of null deletes the line. */
export function withLines(changes: Record<number, string | null | string[]>, base = HEALTHY): string {
  const lines = base.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const change = changes[i + 1];
    if (change === undefined) out.push(line);
    else if (change === null) return;
    else if (Array.isArray(change)) out.push(...change);
    else out.push(change);
  });
  return out.join('\n');
}
