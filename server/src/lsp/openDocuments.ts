// The documents open in the editor, as TextDocuments keeps them, except those over the size limit:
// they are kept empty (a 100 MB text is not copied, split into lines or parsed) and get one
// diagnostic, until a full text within the limit replaces them (or they are closed and opened again).
import { TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_TEXT_LENGTH } from '../service';
import { isPartnershipUri } from '../node/names';
import { LANGUAGE_ID } from './protocol';

export class OpenDocuments {
  /** Oversized documents' URIs → their length. */
  private readonly oversized = new Map<string, number>();
  readonly documents: TextDocuments<TextDocument>;

  constructor() {
    const oversized = this.oversized;
    const createDocument = (uri: string, languageId: string, version: number, content: string): TextDocument => {
      oversized.delete(uri);
      if (content.length <= MAX_TEXT_LENGTH) return TextDocument.create(uri, languageId, version, content);
      oversized.set(uri, content.length);
      return TextDocument.create(uri, languageId, version, '');
    };
    this.documents = new TextDocuments({
      create: createDocument,
      update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
        if (oversized.has(document.uri)) {
          // Only a full text can replace one that was not kept; incremental changes cannot apply.
          const full = changes.map((c) => !('range' in c)).lastIndexOf(true);
          if (full < 0) return TextDocument.create(document.uri, document.languageId, version, '');
          const replaced = createDocument(document.uri, document.languageId, version, changes[full].text);
          return oversized.has(document.uri) ? replaced : this.update(replaced, changes.slice(full + 1), version);
        }
        const updated = TextDocument.update(document, changes, version);
        const length = updated.getText().length;
        if (length <= MAX_TEXT_LENGTH) return updated;
        oversized.set(document.uri, length);
        return TextDocument.create(document.uri, document.languageId, version, '');
      },
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** A document this server checks: the partnership language, or a partnership file name. */
  served(doc: TextDocument | undefined): doc is TextDocument {
    return doc !== undefined && (doc.languageId === LANGUAGE_ID || isPartnershipUri(doc.uri));
  }

  /** A document the language features work on: served, and not refused for its size. */
  servedDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return this.served(doc) && !this.oversized.has(uri) ? doc : undefined;
  }

  /** The length of a document refused for its size, else undefined. */
  oversizedLength(uri: string): number | undefined {
    return this.oversized.get(uri);
  }

  closed(uri: string): void {
    this.oversized.delete(uri);
  }
}
