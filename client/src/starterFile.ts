// The text of a new partnership file. It is valid format-v1 YAML; the few warnings it raises
// (no decision maker yet, no status report sent, plan not signed off) are the first to-do list.
// No VS Code API here, so it can be tested in plain Node.

/** A file-name stem from a partnership name: "Acme Analytics (EMEA)" → "acme-analytics-emea". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'partnership';
}

/** A YAML scalar for free text typed by a person: plain when that reads back the same, else quoted. */
export function yamlText(text: string): string {
  const plainSafe =
    /^[A-Za-z][^:#\n\r\t"'`{}[\],&*!|>%@]*$/.test(text) &&
    !/\s$/.test(text) &&
    !/^(true|false|yes|no|on|off|null|y|n)$/i.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/** "YYYY-MM-DD" of the local calendar date. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface StarterOptions {
  name: string;
  customer: string;
  /** "YYYY-MM-DD" */
  today: string;
}

export function starterFile({ name, customer, today }: StarterOptions): string {
  return `# ${name.replace(/[\r\n]+/g, ' ')}: the state of our relationship with ${customer.replace(/[\r\n]+/g, ' ')}.
# Update it after every meeting and whenever a promise is made, by either side.
version: 1

partnership:
  name: ${yamlText(name)}
  customer: ${yamlText(customer)}
  kind: external
  since: ${today}
  summary: What we are building together, in one line

# Both sides. Mark who on the customer's side can decide and obtain resources.
people: []
#  - id: jdoe
#    name: Jane Doe
#    side: customer
#    role: VP Operations
#    decisionMaker: true
#    contactEvery: monthly
#    lastContact: ${today}

# The communication plan. Ask the customer to sign it off (signedOff: {by: <person id>, on: <date>}).
communication:
  statusReport:
    cadence: weekly
    channel: email
  reviewMeeting:
    cadence: biweekly

# Promises, either side: id, summary, owner, to, made, due, status (open | in-progress | done | dropped).
commitments: []

# What the customer raised: id, summary, raised, by, severity, status (open | addressed | closed).
concerns: []

risks: []

# Our judgement of the relationship; reassess it after every review.
health:
  status: healthy
  assessed: ${today}
  trend: steady

meetings: []

milestones: []
`;
}
