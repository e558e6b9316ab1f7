// Where a generated document goes: beside the partnership file, under a name built only from the
// file's sanitised stem and a date, never over an existing file.
import * as path from 'path';
import type { FileSystem } from '../types';

const MAX_STEM = 100;
/** File names are limited to 255 bytes: the stem leaves room for ".status-internal-YYYY-MM-DD-1000.md". */
const MAX_STEM_BYTES = 200;
/** How many numbered names to try before giving up on finding a free one. */
export const MAX_SUFFIX = 1000;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * "acme" for ".../acme.partnership.yaml": the basename without `.partnership.yaml` (or `.yml`,
 * or any other extension), reduced to letters, digits, `.`, `_` and `-`, with no leading or
 * trailing dot or dash; "partnership" when nothing usable is left.
 */
export function fileStem(filePath: string): string {
  const base = path.basename(filePath);
  let stem = /\.partnership\.ya?ml$/i.test(base) ? base.replace(/\.partnership\.ya?ml$/i, '') : base.replace(/\.[^.]*$/, '');
  stem = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  // At most MAX_STEM characters and MAX_STEM_BYTES bytes of UTF-8, never cutting a character in half.
  const chars = Array.from(stem).slice(0, MAX_STEM);
  const utf8 = new TextEncoder();
  while (utf8.encode(chars.join('')).length > MAX_STEM_BYTES) chars.pop();
  if (chars.join('') !== stem) stem = chars.join('').replace(/[.-]+$/, '');
  if (stem === '') return 'partnership';
  if (WINDOWS_RESERVED.test(stem)) return `${stem}-partnership`;
  return stem;
}

function taken(fs: FileSystem, candidate: string): boolean {
  try {
    return fs.exists(candidate);
  } catch {
    // A file system that cannot answer must not lead us to overwrite anything.
    return true;
  }
}

/**
 * `<dir>/<stem>.<kind>-<date>.md`, or `-2`, `-3`, … when that is taken. Only the sanitised stem
 * and the date go into the name, so the result is always a plain file in the partnership file's
 * folder. Should every candidate up to MAX_SUFFIX be taken, the next number is returned unchecked.
 */
export function freeDocumentPath(fs: FileSystem, partnershipPath: string, kind: 'reset' | 'status' | 'status-internal', date: string): string {
  const dir = path.dirname(partnershipPath);
  const stem = fileStem(partnershipPath);
  const nameFor = (n: number) => `${stem}.${kind}-${date}${n === 1 ? '' : `-${n}`}.md`;
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const candidate = path.join(dir, nameFor(n));
    if (!taken(fs, candidate)) return candidate;
  }
  return path.join(dir, nameFor(MAX_SUFFIX + 1));
}
