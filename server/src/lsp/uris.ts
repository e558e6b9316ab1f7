// URI ↔ path for the server: the client names documents by URI, the disk by path.
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/** The file-system path of a `file:` URI; undefined for `untitled:` and other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The URI of a file in the same folder as `uri`. Built from `uri` itself rather than from the
 * path, so the scheme and the client's own spelling of the folder (e.g. `file:///c%3A/…`) are kept.
 */
export function siblingUri(uri: string, filePath: string): string {
  const slash = uri.lastIndexOf('/');
  return `${uri.slice(0, slash + 1)}${encodeURIComponent(path.basename(filePath))}`;
}

/** The URI of a path found on disk (a config file the client never opened). */
export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

export function isConfigFile(uri: string, configName: string): boolean {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) === configName;
}
