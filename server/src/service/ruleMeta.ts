// Rule metadata: ids, default severities and descriptions. The CLI (SARIF rules), the docs pages
// and the config validation all read this one table.
import { RuleId, Severity } from './types';

import pkg from '../../../package.json';

/**
 * Where rule links point by default: the rule pages in the repository named by package.json's
 * `repository`, else the path of the pages inside the package (`docs/rules/`, relative). An entry
 * point that knows where it is installed passes an absolute `docsBaseUrl` instead (the language
 * server: the bundled pages as file URIs).
 */
export const DOCS_BASE_URL = repositoryDocsBase((pkg as { repository?: unknown }).repository) ?? 'docs/rules/';

/** `https://github.com/o/r/blob/HEAD/docs/rules/` from package.json's `repository` (a string or `{ url }`), if it names a GitHub repository. */
export function repositoryDocsBase(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return undefined;
  const m = /^(?:git\+)?(?:https?:\/\/|git:\/\/|ssh:\/\/git@|git@)?(?:github\.com[/:])?([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url.replace(/^github:/, ''));
  return m ? `https://github.com/${m[1]}/blob/HEAD/docs/rules/` : undefined;
}

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  short: string;
  /** A few sentences: what it checks and why it matters for the relationship. */
  full: string;
}

export function ruleDocsUrl(id: RuleId, base: string = DOCS_BASE_URL): string {
  return `${base}${id}.md`;
}

export const RULE_META: readonly RuleMeta[] = [
  {
    id: 'yaml-syntax',
    defaultSeverity: Severity.Error,
    short: 'The file is not valid YAML.',
    full: 'The YAML does not parse, a mapping repeats a key, or the document hits a resource limit (alias expansion, nesting depth). Nothing else can be checked until the file parses.',
  },
  {
    id: 'schema',
    defaultSeverity: Severity.Error,
    short: 'The file does not follow partnership format version 1.',
    full: 'A value has the wrong type, an enum value or date is invalid, a required key is missing or an unknown key is present. Unknown keys and bad enum values suggest the closest valid name.',
  },
  {
    id: 'unknown-reference',
    defaultSeverity: Severity.Error,
    short: 'A person id is used but never defined.',
    full: 'Owners, recipients, authors, audiences, escalation contacts, sign-offs and attendees must name a person defined under `people`. A dangling reference means nobody is accountable.',
  },
  {
    id: 'duplicate-id',
    defaultSeverity: Severity.Error,
    short: 'An id is defined more than once.',
    full: 'Ids of people, goals, commitments, concerns, risks and milestones are unique across the whole file, so every reference points at exactly one thing.',
  },
  {
    id: 'commitment-overdue',
    defaultSeverity: Severity.Warning,
    short: 'An open commitment is past its due date.',
    full: 'A commitment that is open or in progress and due before today is a broken promise until it is delivered or renegotiated with the customer.',
  },
  {
    id: 'commitment-slipped',
    defaultSeverity: Severity.Warning,
    short: 'A commitment moved without a record of the move.',
    full: "A commitment's `due` differs from the `to` of its latest `history` entry, or its history does not chain (a move starts from a date the previous one did not set, or moves go back in time). A date that slips silently is the broken promise nobody admitted.",
  },
  {
    id: 'commitment-due-soon',
    defaultSeverity: Severity.Information,
    short: 'An open commitment is due within the next few days.',
    full: 'A commitment that is open or in progress and due within `dueSoonDays` (default 7) days. Deliver it or renegotiate it before it is late, not after.',
  },
  {
    id: 'commitment-unowned',
    defaultSeverity: Severity.Warning,
    short: 'An open commitment has no owner.',
    full: 'A commitment nobody owns is a commitment nobody keeps. Every open or in-progress commitment names the person responsible for it.',
  },
  {
    id: 'communication-plan-missing',
    defaultSeverity: Severity.Warning,
    short: 'There is no communication plan, or it has no status report.',
    full: 'Without an agreed plan (how often status is reported, to whom, on which channel) the customer learns about problems late and by accident.',
  },
  {
    id: 'communication-plan-unsigned',
    defaultSeverity: Severity.Warning,
    short: 'Nobody on the customer side signed off the communication plan.',
    full: 'A plan the customer never agreed to is only our intention. The sign-off must come from a person on the customer side.',
  },
  {
    id: 'status-report-overdue',
    defaultSeverity: Severity.Warning,
    short: 'The status report is late for its cadence.',
    full: 'The last status report plus its cadence is before today, or no report was ever sent. Reports go out on schedule with the same format, good news or bad.',
  },
  {
    id: 'review-meeting-overdue',
    defaultSeverity: Severity.Information,
    short: 'The review meeting is late for its cadence.',
    full: 'The last review (the later of `lastHeld` and the held review, steering or reset meetings in `meetings`) plus its cadence is before today. Regular reviews are where concerns surface early.',
  },
  {
    id: 'no-decision-maker',
    defaultSeverity: Severity.Warning,
    short: 'No customer-side person is marked as a decision maker.',
    full: 'A contact is not the customer. Know who on the customer side can decide and obtain resources, and mark them with `decisionMaker: true`.',
  },
  {
    id: 'contact-stale',
    defaultSeverity: Severity.Information,
    short: 'A customer contact has not been in touch for longer than agreed, or a customer decision maker has no agreed contact cadence.',
    full: "A customer-side person's last contact (the later of `lastContact` and the held meetings they attended) plus their `contactEvery` cadence is before today, or the cadence is set and no contact was ever recorded; or a customer decision maker or sponsor has no `contactEvery`.",
  },
  {
    id: 'concern-unanswered',
    defaultSeverity: Severity.Warning,
    short: 'An open customer concern has had no response for too long.',
    full: 'An open concern without a response, raised longer ago than its severity allows (`concernResponseDays`, default high 2, medium 5, low 10 days; no severity counts as medium). Difficulties are addressed quickly and directly, or they grow.',
  },
  {
    id: 'relationship-strained',
    defaultSeverity: Severity.Warning,
    short: 'The relationship is strained or broken and no reset meeting is planned.',
    full: 'Health is strained or broken and no `kind: reset` meeting is dated on or after the assessment. Get the problems into the open with a reset-point meeting.',
  },
  {
    id: 'goal-without-metric',
    defaultSeverity: Severity.Information,
    short: 'A goal has no metric or no target.',
    full: "A shared goal is measured in the customer's terms: it needs a metric and a target, or nobody can tell whether it was met.",
  },
  {
    id: 'date-order',
    defaultSeverity: Severity.Warning,
    short: 'A date contradicts another date.',
    full: 'A due date before the date the commitment was made, a completion before it was made, a response before the concern was raised, or a date that records something that happened (since, made, completed, raised, respondedOn, lastSent, lastHeld, lastContact, signedOff.on, health assessments, history entries, delivered, a held meeting) more than a day in the future.',
  },
  {
    id: 'milestone-overdue',
    defaultSeverity: Severity.Warning,
    short: 'A milestone is still planned after its due date.',
    full: 'A milestone with status `planned` (or none) is past its `due` date. Mark it delivered with the date, or slipped, and tell the customer before they notice.',
  },
  {
    id: 'record-incomplete',
    defaultSeverity: Severity.Information,
    short: 'A record says something happened but not when or how.',
    full: 'A `done` commitment without `completed`, a `delivered` milestone without `delivered`, an `addressed` or `closed` concern without `response`. Without the date or the answer, the record cannot be checked later.',
  },
  {
    id: 'record-outdated',
    defaultSeverity: Severity.Information,
    short: 'A "last…" field is older than the meeting log.',
    full: "`reviewMeeting.lastHeld` is older than the last review in `meetings`, or a customer person's `lastContact` is older than a held meeting they attended. The checks use the later date; the field should say it too.",
  },
  {
    id: 'wrong-side',
    defaultSeverity: Severity.Warning,
    short: 'A person field names someone on the wrong side.',
    full: "`escalation` or `partnership.lead` names a customer person, a goal's `definedBy` is one of our people (the customer sets the measure), or the status report's `audience` names nobody on the customer side.",
  },
  {
    id: 'risk-unmanaged',
    defaultSeverity: Severity.Warning,
    short: 'A likely or high-impact open risk has no owner or no mitigation.',
    full: 'An open risk (status `open` or none) with likelihood `high` or impact `high` and no `owner` or no `mitigation`. A serious risk nobody owns, or nobody plans against, is a surprise waiting to happen.',
  },
  {
    id: 'placeholder',
    defaultSeverity: Severity.Information,
    short: 'A value is still a "(replace me)" placeholder.',
    full: 'The starter file marks every value a person must fill in with "(replace me)": names, the summary, the first goal. A file that still holds one describes an imagined relationship, not the real one.',
  },
];

const byId = new Map(RULE_META.map((m) => [m.id, m]));

export function ruleMeta(id: RuleId): RuleMeta {
  return byId.get(id)!;
}
