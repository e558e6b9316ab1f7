// Person ids as symbols: go to the `id:` under people, find every reference, rename everywhere.
// The places a person id can appear are the ones `unknown-reference` checks (`personReferences`).
import type { ParsedDocument } from './document';
import { yamlString } from './edits';
import { PartnershipModel } from './model';
import { personReferences } from './model';
import type { Position, Range, TextEdit } from './types';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { DocumentHighlight as LspDocumentHighlight, Location, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageserver-types';

/** A highlight's kind is Read (a reference) or Write (the definition). */
export interface DocumentHighlight extends LspDocumentHighlight {
  kind: typeof DocumentHighlightKind.Read | typeof DocumentHighlightKind.Write;
}

/** A rename's edit: one document's changes. */
export interface WorkspaceEdit extends LspWorkspaceEdit {
  changes: { [uri: string]: TextEdit[] };
}

export type { Location };

export type RenameResult = { ok: true; edit: WorkspaceEdit } | { ok: false; message: string };

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** One place a person id is written: under `people` (a definition) or in a reference field. */
export interface PersonOccurrence {
  id: string;
  range: Range;
  definition: boolean;
  /** The field it appears in: `id` for a definition, else `owner`, `audience`, … */
  field: string;
}

export function personOccurrences(pd: ParsedDocument, model = new PartnershipModel(pd)): PersonOccurrence[] {
  const out: PersonOccurrence[] = [];
  for (const person of model.people) {
    const ref = person.ref('id');
    if (ref) out.push({ id: ref.id, range: ref.range, definition: true, field: 'id' });
  }
  for (const { field, ref } of personReferences({ model })) out.push({ id: ref.id, range: ref.range, definition: false, field });
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The range without the quotes of a quoted scalar. */
function innerRange(pd: ParsedDocument, range: Range): Range {
  const start = pd.offsetAt(range.start);
  const end = pd.offsetAt(range.end);
  const text = pd.text.slice(start, end);
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) return pd.range(start + 1, end - 1);
  return range;
}

interface Target {
  pd: ParsedDocument;
  at: PersonOccurrence;
  all: PersonOccurrence[];
}

function targetAt(pd: ParsedDocument, position: Position): Target | undefined {
  const all = personOccurrences(pd);
  const at = all.find((o) => contains(o.range, position));
  return at ? { pd, at, all } : undefined;
}

function sameId(t: Target): PersonOccurrence[] {
  return t.all.filter((o) => o.id === t.at.id);
}

/** From a reference or a definition: where the person is defined under `people`. */
export function definition(pd: ParsedDocument, position: Position, uri: string): Location[] {
  const t = targetAt(pd, position);
  if (!t) return [];
  return sameId(t)
    .filter((o) => o.definition)
    .map((o) => ({ uri, range: innerRange(t.pd, o.range) }));
}

export function references(pd: ParsedDocument, position: Position, uri: string, includeDeclaration: boolean): Location[] {
  const t = targetAt(pd, position);
  if (!t) return [];
  return sameId(t)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => ({ uri, range: innerRange(t.pd, o.range) }));
}

export function documentHighlights(pd: ParsedDocument, position: Position): DocumentHighlight[] {
  const t = targetAt(pd, position);
  if (!t) return [];
  return sameId(t).map((o) => ({ range: innerRange(t.pd, o.range), kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function prepareRename(pd: ParsedDocument, position: Position): { range: Range; placeholder: string } | null {
  const t = targetAt(pd, position);
  if (!t) return null;
  return { range: innerRange(t.pd, t.at.range), placeholder: t.at.id };
}

/** Every id defined in the file (ids are unique across all sections), with what it names. */
function definedIds(model: PartnershipModel): Map<string, string> {
  const ids = new Map<string, string>();
  const sections: [string, typeof model.people][] = [
    ['goal', model.goals],
    ['person', model.people],
    ['commitment', model.commitments],
    ['concern', model.concerns],
    ['risk', model.risks],
    ['milestone', model.milestones],
  ];
  for (const [noun, items] of sections) {
    for (const item of items) {
      const id = item.str('id');
      if (id !== undefined && !ids.has(id)) ids.set(id, noun);
    }
  }
  return ids;
}

/** Rename the person id at `position` in its definition and every reference. */
export function rename(pd: ParsedDocument, position: Position, newName: string, uri: string): RenameResult {
  const t = targetAt(pd, position);
  if (!t) return { ok: false, message: 'Only a person id (under people, or in owner, to, by, audience, attendees, …) can be renamed here' };
  const name = newName.trim();
  if (!ID_PATTERN.test(name)) {
    return { ok: false, message: `'${newName}' is not a valid id: an id starts with a letter A–Z or a–z and has only those letters, digits 0–9, '_', '.' and '-'` };
  }
  if (name === t.at.id) return { ok: true, edit: { changes: { [uri]: [] } } };
  const taken = definedIds(new PartnershipModel(t.pd)).get(name);
  if (taken) return { ok: false, message: `'${name}' is already the id of a ${taken} in this file; ids must be unique across the file` };
  const edits: TextEdit[] = sameId(t).map((o) => {
    const inner = innerRange(t.pd, o.range);
    const quoted = inner !== o.range;
    return { range: quoted ? inner : o.range, newText: quoted ? name : yamlString(name) };
  });
  return { ok: true, edit: { changes: { [uri]: edits } } };
}
