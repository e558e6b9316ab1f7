// Where the CLI or the server is installed, and what it finds there: the package's root and the
// bundled rule pages that diagnostics link to. Only entry points call this.
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { DOCS_BASE_URL } from './service';

interface PackageJson {
  name?: string;
  version?: string;
}

/** The package's root folder and its package.json: above the bundle (dist/*.js) or above the compiled sources (out/server/src). */
export function installedPackage(): { root: string; pkg: PackageJson } | undefined {
  for (const root of [join(__dirname, '..'), join(__dirname, '..', '..', '..')]) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'partnership') return { root, pkg };
    } catch {
      // not there: try the next candidate
    }
  }
  return undefined;
}

/**
 * Where diagnostics link to: the repository's rule pages when package.json names one
 * (DOCS_BASE_URL is then absolute), else the pages bundled with the server, as file URIs.
 */
export function ruleDocsBase(root = installedPackage()?.root): string {
  if (/^[a-z]+:/i.test(DOCS_BASE_URL) || !root) return DOCS_BASE_URL;
  return `${pathToFileURL(join(root, 'docs', 'rules')).href}/`;
}
