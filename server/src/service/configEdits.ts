// Edits to `.partnershiprc.yaml` that keep its formatting and comments: turning a rule off from
// the editor ("Turn off <rule> in .partnershiprc.yaml"), as ESLint's extension offers for its rules.
import { getPair, isMap, isScalar, ParsedDocument } from './document';
import { addMapping, editableRoot, setScalar } from './edits';
import type { RuleId, SeveritySetting, TextEdit } from './types';

/** Rules a config may turn off: yaml-syntax cannot be (config.ts refuses it). */
export function canTurnOff(id: RuleId): boolean {
  return id !== 'yaml-syntax';
}

/**
 * The edits that set `rules.<id>` to `setting` in a config's text: the rule's entry replaced or
 * added under `rules`, or `rules:` added. For a config that does not exist yet (`text` undefined)
 * or holds nothing but comments, the whole text to write. Undefined when the config's shape cannot
 * be edited safely (it does not parse, `rules` is not a mapping): the caller says so instead.
 */
export function setRuleSeverity(text: string | undefined, id: RuleId, setting: SeveritySetting): { edits: TextEdit[] } | undefined {
  const entry = `${id}: ${setting}`;
  if (text === undefined) return { edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `rules:\n  ${entry}\n` }] };
  const pd = new ParsedDocument(text.replace(/^\uFEFF/, ''));
  if (pd.syntaxProblems.length > 0) return undefined;
  const root = pd.root;
  if (root === null || (isScalar(root) && root.value === null && !/\S/.test(text.replace(/#.*$/gm, '')))) {
    const eol = pd.eol();
    const end = pd.positionAt(text.length);
    const before = text.length > 0 && !text.endsWith('\n') ? eol : '';
    return { edits: [{ range: { start: end, end }, newText: `${before}rules:${eol}  ${entry}${eol}` }] };
  }
  const map = editableRoot(pd);
  if (!map) return undefined;
  const rules = getPair(map, 'rules');
  let edit: TextEdit | undefined;
  if (!rules) edit = addMapping(pd, map, 'rules', [entry]);
  else if (isMap(rules.value)) edit = setScalar(pd, rules.value, id, setting);
  return edit ? { edits: [edit] } : undefined;
}
