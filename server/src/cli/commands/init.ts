// `partnership init [FILE]`: a starter partnership file that checks without errors and whose
// warnings say what to fill in next. Never overwrites.
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { createLanguageService, Day, formatDay } from '../../service';
import { flag, OptionSpec, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { CliError, describeFsError, EXIT_OK, EXIT_USAGE, inputError, usageError } from '../errors';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../files';
import { INIT_HELP } from '../help';
import { NodeFileSystem } from '../nodeFs';
import { displayPath } from '../paths';
import { resolveToday } from '../today';

const OPTIONS: OptionSpec[] = [
  { name: 'name', value: true },
  { name: 'customer', value: true },
  { name: 'today', value: true },
  { name: 'help', value: false, short: 'h' },
];

/** A file-name stem from a folder name: lower case, dashes for anything unusual. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'partnership';
}

/** A YAML scalar for a one-line string (plain when it reads back the same, else quoted). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export interface StarterOptions {
  name: string;
  customer: string;
  today: Day;
}

export function starterFile({ name, customer, today }: StarterOptions): string {
  const day = formatDay(today);
  return `# ${oneLineComment(name)}: the state of the relationship with ${oneLineComment(customer)}, kept as code.
# Update it after every meeting and whenever a promise is made; \`partnership check\` and the
# editor tell you what needs attention. Replace the placeholders below with real people.
version: 1

partnership:
  name: ${scalar(name)}
  customer: ${scalar(customer)}
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

function oneLineComment(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function runInit(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'init');
  if (flag(args, 'help')) {
    ctx.stdout(INIT_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length > 1) throw usageError(`init takes at most one file, got ${args.positionals.length}`, 'init');
  const today = resolveToday(stringOption(args, 'today'), ctx, 'init');
  const fileArg = args.positionals[0] ?? `${slug(path.basename(ctx.cwd))}${PARTNERSHIP_SUFFIX}`;
  if (!isPartnershipFileName(path.basename(fileArg))) {
    throw usageError(`the file name must end with ${PARTNERSHIP_SUFFIX} so the editor and 'partnership check' find it: ${fileArg}`, 'init');
  }
  const target = path.resolve(ctx.cwd, fileArg);
  const shown = displayPath(target, ctx.cwd);
  const name = stringOption(args, 'name') ?? path.basename(target).slice(0, -PARTNERSHIP_SUFFIX.length);
  const customer = stringOption(args, 'customer') ?? 'Customer organisation (replace me)';
  for (const [option, value] of [
    ['name', name],
    ['customer', customer],
  ]) {
    if (value.trim() === '' || /[\r\n]/.test(value)) throw usageError(`--${option} must be a non-empty single line`, 'init');
  }

  const content = starterFile({ name: name.trim(), customer: customer.trim(), today });
  // The starter must check clean of errors; anything else is a bug here, not the user's problem.
  const errors = createLanguageService({ fs: new NodeFileSystem() })
    .validate(content, target, { today })
    .filter((d) => d.severity === 1);
  if (errors.length > 0) throw new CliError(`internal error: the starter file is invalid: ${errors[0].message}`, EXIT_USAGE);

  try {
    fs.writeFileSync(target, content, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw inputError(`${shown} already exists; not overwriting it`);
    throw inputError(`cannot write ${shown}: ${describeFsError(err)}`);
  }
  ctx.stdout(`${shown}\n`);
  return EXIT_OK;
}
