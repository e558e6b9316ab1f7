// What a partnership file is called: the one definition for the CLI's search, the server (which
// documents it serves, which files it checks from disk, where it generates) and the VS Code
// client's Partnerships view. Case-sensitive, as the glob the editor and the CLI use. No imports:
// the client bundles this file too.
export const PARTNERSHIP_SUFFIX = '.partnership.yaml';
/** The glob for file watchers and workspace searches. */
export const PARTNERSHIP_GLOB = `**/*${PARTNERSHIP_SUFFIX}`;

/** A file name (no folder) of a partnership file: something before `.partnership.yaml`. */
export function isPartnershipFileName(name: string): boolean {
  return name.endsWith(PARTNERSHIP_SUFFIX) && name.length > PARTNERSHIP_SUFFIX.length;
}

/** A `file:` URI (or a URI path) whose last segment is a partnership file name. */
export function isPartnershipUri(uri: string): boolean {
  let name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape: judge the name as written
  }
  return isPartnershipFileName(name);
}
