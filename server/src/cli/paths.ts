// Path helpers: paths in reports are relative to the working folder, with forward slashes where
// a tool reads them (SARIF, GitHub annotations, JSON).
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The path as a person typed it relative to cwd (native separators), or absolute when outside. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  if (rel === '') return '.';
  if (path.isAbsolute(rel)) return absPath;
  return rel;
}

/** The same with forward slashes, for machine-read outputs. */
export function portablePath(absPath: string, cwd: string): string {
  return displayPath(absPath, cwd).split(path.sep).join('/');
}

/** Whether `absPath` is inside `cwd` (so it can be given relative to it). */
export function isInside(absPath: string, cwd: string): boolean {
  const rel = path.relative(cwd, absPath);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A relative URI reference for a path inside cwd, each segment percent-encoded. */
export function relativeUri(absPath: string, cwd: string): string {
  return path
    .relative(cwd, absPath)
    .split(path.sep)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** An absolute `file:` URI; with `folder`, guaranteed to end with a slash. */
export function fileUri(absPath: string, folder = false): string {
  const href = pathToFileURL(absPath).href;
  return folder && !href.endsWith('/') ? `${href}/` : href;
}

/** Compare paths segment by segment (a folder's files stay together), by code unit, not locale. */
export function comparePaths(a: string, b: string): number {
  const sa = a.split(/[\\/]/);
  const sb = b.split(/[\\/]/);
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    if (sa[i] !== sb[i]) return sa[i] < sb[i] ? -1 : 1;
  }
  return sa.length - sb.length;
}
