// PLACEHOLDER — being written: the status report.
import type { ParsedDocument } from '../document';
import type { Day, FileSystem, GeneratedDocument } from '../types';

export function generateStatusReport(_pd: ParsedDocument, _path: string, _today: Day, _fs: FileSystem): GeneratedDocument {
  throw new Error('not implemented yet');
}
