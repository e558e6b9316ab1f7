// The product version, from package.json (esbuild inlines just this field into the bundle), and
// the tool's home page for SARIF viewers.
import { version } from '../../../package.json';
import { DOCS_BASE_URL } from '../service';

export const VERSION: string = version;

/**
 * The GitHub repository's page when package.json names one in `repository` (the fact that also
 * points rule links at it: `https://github.com/o/r/blob/HEAD/docs/rules/` → `https://github.com/o/r`),
 * else undefined: there is no page to name.
 */
export function informationUri(docsBase: string): string | undefined {
  return /^(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\/blob\/HEAD\/docs\/rules\/$/.exec(docsBase)?.[1];
}

export const INFORMATION_URI: string | undefined = informationUri(DOCS_BASE_URL);
