// The one starter partnership file, for `partnership init` and the editor's "New partnership file":
// valid format v1 that checks without errors, every section shown with placeholders, and warnings
// that say what to fill in next. The file name is the caller's business; its stem comes from here.
import { formatDay } from '../dates';
import type { Day } from '../types';
import { yamlString } from '../edits';

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

/** The text of a new partnership file. */
export function starterFile({ name, customer, today }: StarterOptions): string {
  const day = formatDay(today);
  return `# ${oneLineComment(name)}: the state of the relationship with ${oneLineComment(customer)}, kept as code.
# Update it after every meeting and whenever a promise is made; \`partnership check\` and the
# editor tell you what needs attention. Replace the placeholders below with real people.
version: 1

partnership:
  name: ${yamlString(name)}
  customer: ${yamlString(customer)}
  kind: external
  since: ${day}
  summary: What we are building together, in one sentence

# Shared goals, measured in the customer's terms.
goals:
  - id: G-1
    statement: The outcome the customer wants, in their words
    metric: how the customer measures it
    target: the number that means success
    definedBy: customer-lead

people:
  # --- the customer ---
  - id: customer-lead
    name: Customer lead (replace me)
    side: customer
    role: Sponsor
    decisionMaker: true
    sponsor: true
    contactEvery: monthly
    lastContact: ${day}
  # --- us ---
  - id: tech-lead
    name: Our tech lead (replace me)
    side: ours
    role: Tech lead

# The communication plan: agree it with the customer, then record the sign-off.
communication:
  statusReport:
    cadence: weekly
    channel: email
    audience: [customer-lead]
    lastSent: ${day}
  reviewMeeting:
    cadence: biweekly
    lastHeld: ${day}
  escalation: [tech-lead]
  # signedOff:
  #   by: customer-lead
  #   on: YYYY-MM-DD

# Promises, either side: every one with an owner and a due date.
commitments: []

# What the customer raised, and how we answered.
concerns: []

risks: []

health:
  status: healthy
  assessed: ${day}
  trend: steady

meetings:
  - date: ${day}
    kind: kickoff
    attendees: [customer-lead, tech-lead]

milestones: []
`;
}

/** Free text on one comment line: any run of white space, line breaks included, becomes one space. */
function oneLineComment(text: string): string {
  return text.replace(/\s+/g, ' ');
}
