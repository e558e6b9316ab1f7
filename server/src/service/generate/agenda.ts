// PLACEHOLDER — being written: the reset-meeting agenda.
import type { ParsedDocument } from '../document';
import type { Day, FileSystem, GeneratedDocument } from '../types';

export function generateAgenda(_pd: ParsedDocument, _path: string, _today: Day, _fs: FileSystem): GeneratedDocument {
  throw new Error('not implemented yet');
}
