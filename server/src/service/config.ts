// `.partnershiprc.yaml`: per-rule severities, dueSoonDays, concernResponseDays, workingDays,
// reliabilityWindowDays. Found in the
// file's folder or the nearest parent; an invalid config is reported with positions, never ignored.
import * as path from 'path';
import { getPair, isMap, isScalar, isSeq, MAX_DIAGNOSTICS, Node, ParsedDocument } from './document';
import { ruleDocsUrl } from './ruleMeta';
import { closest, didYouMean } from './suggest';
import {
  Diagnostic,
  FileSystem,
  PartnershipConfig,
  Range,
  RULE_IDS,
  RuleId,
  Severity,
  SeveritySetting,
} from './types';

export const CONFIG_FILE_NAME = '.partnershiprc.yaml';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const CONFIG_KEYS = ['rules', 'dueSoonDays', 'concernResponseDays', 'workingDays', 'reliabilityWindowDays'];
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LEVELS = ['high', 'medium', 'low'] as const;

export function defaultConfig(): PartnershipConfig {
  return { rules: {}, dueSoonDays: 7, concernResponseDays: { high: 2, medium: 5, low: 10 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 };
}

export interface ParsedConfig {
  config: PartnershipConfig;
  problems: Diagnostic[];
}

function problemAt(range: Range, message: string, code: RuleId, docsBaseUrl?: string): Diagnostic {
  return { range, severity: Severity.Error, code, source: 'partnership', message, codeDescription: { href: ruleDocsUrl(code, docsBaseUrl) } };
}

/** Parse and check a config file's text. Valid parts apply even when other parts are reported. */
export function parseConfigText(text: string, docsBaseUrl?: string): ParsedConfig {
  const config = defaultConfig();
  const problems: Diagnostic[] = [];
  const problem = (range: Range, message: string, code: RuleId) => problemAt(range, message, code, docsBaseUrl);
  const pd = new ParsedDocument(text.replace(/^\uFEFF/, ''));
  if (pd.syntaxProblems.length > 0) {
    for (const p of pd.syntaxProblems) problems.push(problem(pd.range(p.start, p.end), p.message, 'yaml-syntax'));
    return { config, problems };
  }
  const root = pd.root;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    problems.push(problem(pd.nodeRange(root), `The config must be a mapping with ${CONFIG_KEYS.join(', ')}`, 'schema'));
    return { config, problems };
  }
  for (const item of root.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    if (!CONFIG_KEYS.includes(key)) {
      const s = closest(key, CONFIG_KEYS);
      problems.push(problem(pd.nodeRange(item.key as Node), `Unknown config key '${key}'${didYouMean(s)}; expected one of: ${CONFIG_KEYS.join(', ')}`, 'schema'));
    }
  }
  const days = (v: Node | null): number | undefined => {
    const value = isScalar(v) ? v.value : undefined;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3650 ? value : undefined;
  };
  const DAYS = 'must be a whole number of days between 0 and 3650';
  for (const key of ['dueSoonDays', 'reliabilityWindowDays'] as const) {
    const pair = getPair(root, key);
    if (!pair) continue;
    const v = pair.value as Node | null;
    const n = days(v);
    if (n !== undefined) config[key] = n;
    else problems.push(problem(v ? pd.nodeRange(v) : pd.nodeRange(pair.key as Node), `'${key}' ${DAYS}`, 'schema'));
  }
  const concernPair = getPair(root, 'concernResponseDays');
  if (concernPair) {
    const v = concernPair.value as Node | null;
    const where = v ? pd.nodeRange(v) : pd.nodeRange(concernPair.key as Node);
    if (isMap(v)) {
      for (const item of v.items) {
        const level = isScalar(item.key) ? String(item.key.value) : '';
        const n = days(item.value as Node | null);
        if (!(LEVELS as readonly string[]).includes(level)) problems.push(problem(pd.nodeRange(item.key as Node), `Unknown severity '${level}'${didYouMean(closest(level, LEVELS))}; expected high, medium or low`, 'schema'));
        else if (n === undefined) problems.push(problem(item.value ? pd.nodeRange(item.value as Node) : pd.nodeRange(item.key as Node), `'concernResponseDays.${level}' ${DAYS}`, 'schema'));
        else config.concernResponseDays[level as (typeof LEVELS)[number]] = n;
      }
    } else {
      const n = days(v);
      if (n !== undefined) config.concernResponseDays = { high: n, medium: n, low: n };
      else problems.push(problem(where, `'concernResponseDays' ${DAYS}, or a mapping of high, medium and low to days`, 'schema'));
    }
  }
  const workPair = getPair(root, 'workingDays');
  if (workPair) {
    const v = workPair.value as Node | null;
    const names = isSeq(v) ? v.items.map((i) => (isScalar(i) ? String(i.value).toLowerCase() : '')) : undefined;
    if (names && names.every((n) => WEEKDAY_NAMES.includes(n))) config.workingDays = [...new Set(names.map((n) => WEEKDAY_NAMES.indexOf(n)))].sort();
    else problems.push(problem(v ? pd.nodeRange(v) : pd.nodeRange(workPair.key as Node), `'workingDays' must be a list of weekdays: ${WEEKDAY_NAMES.join(', ')}`, 'schema'));
  }
  const rulesPair = getPair(root, 'rules');
  if (rulesPair) {
    const rules = rulesPair.value as Node | null;
    if (!isMap(rules)) {
      problems.push(problem(pd.nodeRange((rules ?? rulesPair.key) as Node), "'rules' must be a mapping of rule ids to error, warning, information, hint or off", 'schema'));
    } else {
      for (const item of rules.items) {
        const id = isScalar(item.key) ? String(item.key.value) : '';
        const keyRange = pd.nodeRange(item.key as Node);
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          problems.push(problem(keyRange, `Unknown rule '${id}'${didYouMean(closest(id, RULE_IDS))}`, 'schema'));
          continue;
        }
        const v = item.value as Node | null;
        const setting = isScalar(v) ? String(v.value) : '';
        if (!(SEVERITY_SETTINGS as readonly string[]).includes(setting)) {
          const s = closest(setting, SEVERITY_SETTINGS);
          problems.push(problem(v ? pd.nodeRange(v) : keyRange, `'${setting}' is not a severity for ${id}${didYouMean(s)}; expected one of: ${SEVERITY_SETTINGS.join(', ')}`, 'schema'));
          continue;
        }
        if (id === 'yaml-syntax' && setting === 'off') {
          // As with parse errors in ESLint: a file that does not parse cannot pass a check.
          problems.push(problem(v ? pd.nodeRange(v) : keyRange, "yaml-syntax cannot be turned off: a file that does not parse cannot be checked (its severity can be changed)", 'schema'));
          continue;
        }
        config.rules[id as RuleId] = setting as SeveritySetting;
      }
    }
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // As for a partnership file: at most MAX_DIAGNOSTICS problems, the last one saying how many more.
  if (problems.length > MAX_DIAGNOSTICS) {
    const more = problems.length - MAX_DIAGNOSTICS + 1;
    const last = problems[MAX_DIAGNOSTICS - 1];
    problems.length = MAX_DIAGNOSTICS - 1;
    problems.push(problem(last.range, `… and ${more} more problems in this config file`, last.code as RuleId));
  }
  return { config, problems };
}

export interface ConfigLookup {
  /** The config that applies, if any. */
  path?: string;
  /** Configs on the way that were not trusted, nearest first. */
  ignored: { path: string; reason: string }[];
}

/**
 * The nearest trusted `.partnershiprc.yaml` at or above the file's folder. The search stops at the
 * repository root (the folder holding `.git`) or at `home`: a config further up belongs to someone
 * else's project, or to whoever can write a shared parent folder.
 */
export function findConfigFile(filePath: string, fs: FileSystem, home?: string): ConfigLookup {
  const ignored: ConfigLookup['ignored'] = [];
  const stop = home === undefined ? undefined : path.resolve(home);
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.exists(candidate)) {
      const reason = fs.distrust?.(candidate);
      if (reason === undefined) return { path: candidate, ignored };
      ignored.push({ path: candidate, reason });
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop || fs.exists(path.join(dir, '.git'))) return { ignored };
    dir = parent;
  }
}

export function severityOf(setting: SeveritySetting | undefined, fallback: Severity): Severity | undefined {
  switch (setting) {
    case undefined:
      return fallback;
    case 'off':
      return undefined;
    case 'error':
      return Severity.Error;
    case 'warning':
      return Severity.Warning;
    case 'information':
      return Severity.Information;
    case 'hint':
      return Severity.Hint;
  }
}
