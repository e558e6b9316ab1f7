// The one starter partnership file, for `partnership init` and the editor's "New partnership file":
// valid format v1 that checks without errors, every section shown with marked placeholders, and
// findings that say what to fill in next. The file name is the caller's business; its stem comes from here.
import { formatDay } from '../dates';
import type { Day } from '../types';
import { yamlString } from '../edits';
import { PLACEHOLDER_MARK } from '../rules/placeholder';

export interface StarterOptions {
  /** The partnership, as the team calls it (one line; written back exactly as given). */
  name: string;
  /** The customer organisation. */
  customer: string;
  today: Day;
}

/** A file-name stem from a partnership name: "Société Générale – Zürich" → "societe-generale-zurich". */
export function partnershipFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'partnership';
}

/**
 * The text of a new partnership file. It records nothing that has not happened: no contact, report,
 * meeting or health assessment is dated, so the first check says what to do first rather than
 * vouching for an imagined relationship. Every value a person must fill in carries PLACEHOLDER_MARK,
 * which the `placeholder` rule reports until it is replaced.
 */
export function starterFile({ name, customer, today }: StarterOptions): string {
  const mark = PLACEHOLDER_MARK;
  return `# ${oneLineComment(name)}: the state of the relationship with ${oneLineComment(customer)}, kept as code.
# Started ${formatDay(today)}. Update it after every meeting and whenever a promise is made;
# \`partnership check\` and the editor tell you what needs attention, starting with the
# values marked ${mark}.
version: 1

partnership:
  name: ${yamlString(name)}
  customer: ${yamlString(customer)}
  kind: external
  summary: What we are building together, in one sentence ${mark}
  # since: YYYY-MM-DD            when the relationship started

# Shared goals, measured in the customer's terms.
goals:
  - id: G-1
    statement: The outcome the customer wants, in their words ${mark}
    metric: how the customer measures it ${mark}
    target: the number that means success ${mark}
    definedBy: customer-lead

people:
  # --- the customer ---
  - id: customer-lead
    name: Customer lead ${mark}
    side: customer
    role: Sponsor
    decisionMaker: true
    sponsor: true
    contactEvery: monthly
    # lastContact: YYYY-MM-DD    the last real conversation
  # --- us ---
  - id: tech-lead
    name: Our tech lead ${mark}
    side: ours
    role: Tech lead

# The communication plan: agree it with the customer, then record the sign-off.
communication:
  statusReport:
    cadence: weekly
    channel: email
    audience: [customer-lead]
    # lastSent: YYYY-MM-DD       the last report that went out
  reviewMeeting:
    cadence: biweekly
    # lastHeld: YYYY-MM-DD
  escalation: [tech-lead]
  # signedOff:
  #   by: customer-lead
  #   on: YYYY-MM-DD

# Promises, either side: every one with an owner and a due date.
commitments: []

# What the customer raised, and how we answered.
concerns: []

risks: []

# How healthy the relationship is, once you can judge it:
# health:
#   status: healthy            healthy | watch | strained | broken
#   assessed: YYYY-MM-DD

# Meetings as they happen (kickoff, status, review, steering, reset).
meetings: []

milestones: []
`;
}

/** Free text on one comment line: any run of white space, line breaks included, becomes one space. */
function oneLineComment(text: string): string {
  return text.replace(/\s+/g, ' ');
}
