// "Turn off <rule> in .partnershiprc.yaml": the workspace edit that creates the config beside the
// file when none applies, or edits the nearest one (the service keeps its formatting).
import { dirname, join } from 'path';
import { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { canTurnOff, CONFIG_FILE_NAME, FileSystem, LanguageService, RULE_IDS, RuleId, setRuleSeverity } from '../service';
import { pathToUri, uriToPath } from './uris';

export type TurnOffResult = { ok: true; configUri: string; edit: WorkspaceEdit } | { ok: false; message: string };

/** `configUris` maps a config path to the URI the client spells it with, when known. */
export function turnOffRule(service: LanguageService, fs: FileSystem, fileUri: unknown, ruleId: unknown, canCreate: boolean, configUris: Map<string, string>): TurnOffResult {
  const filePath = typeof fileUri === 'string' ? uriToPath(fileUri) : undefined;
  if (!filePath) return { ok: false, message: `Turning a rule off needs a partnership file on disk, not ${String(fileUri)}.` };
  if (typeof ruleId !== 'string' || !(RULE_IDS as readonly string[]).includes(ruleId)) return { ok: false, message: `'${String(ruleId)}' is not a rule.` };
  const id = ruleId as RuleId;
  if (!canTurnOff(id)) return { ok: false, message: `${id} cannot be turned off: a file that does not parse cannot be checked.` };
  const existing = service.configFor(filePath).path;
  const configPath = existing ?? join(dirname(filePath), CONFIG_FILE_NAME);
  const configUri = configUris.get(configPath) ?? pathToUri(configPath);
  const text = existing ? fs.readFile(existing) : undefined;
  if (existing && text === undefined) return { ok: false, message: `Cannot read ${existing}.` };
  const change = setRuleSeverity(text, id, 'off');
  if (!change) return { ok: false, message: `${CONFIG_FILE_NAME} at ${configPath} could not be edited safely (it has problems, or its 'rules' is not a mapping): add '${id}: off' under 'rules' by hand.` };
  if (existing) return { ok: true, configUri, edit: { documentChanges: [TextDocumentEdit.create({ uri: configUri, version: null }, change.edits)] } };
  if (!canCreate) return { ok: false, message: `The editor cannot create ${configPath}: create it with 'rules:' and '  ${id}: off'.` };
  return {
    ok: true,
    configUri,
    edit: { documentChanges: [CreateFile.create(configUri, { overwrite: false, ignoreIfExists: false }), TextDocumentEdit.create({ uri: configUri, version: null }, change.edits)] },
  };
}
