// --help texts. Kept short; PRODUCT.md and docs/rules/ say the rest.
import { FORMATS } from './formatters';
import { VERSION } from './version';

export const MAIN_HELP = `partnership ${VERSION}: lint customer relationships kept in *.partnership.yaml files

Usage: partnership <command> [options]

Commands:
  check [paths...]   Check partnership files and folders (default: the current folder)
  agenda FILE        Generate a reset-meeting agenda beside FILE and record the meeting in it
  report FILE        Generate the customer's status report beside FILE (--sent: record it went out)
  diff BASE [paths]  What changed in each relationship since git revision BASE
  summary [paths]    One row per partnership, what needs attention first
  calendar [paths]   The promised dates as an iCalendar file (.ics)
  init [FILE]        Write a starter partnership file (never overwrites)
  schema             Print the JSON schema of the partnership file format

Options:
  -h, --help         Show help (also: partnership <command> --help)
  -v, --version      Show the version

Exit codes: 0 clean, 1 errors or too many warnings, 2 bad usage or unreadable input.
`;

export const CHECK_HELP = `Usage: partnership check [options] [paths...]

Check *.partnership.yaml files. Folders are searched recursively (node_modules and .git are
skipped); with no paths the current folder is searched.

Options:
  --format NAME        Report format: ${FORMATS.join(', ')} (default: stylish)
  --today YYYY-MM-DD   Judge dates as of this day (default: the local date)
  --config FILE        Use this .partnershiprc.yaml instead of the nearest one to each file
  --max-warnings N     Exit with 1 when there are more than N warnings
  --output FILE        Write the report to FILE instead of stdout ('-': stdout); never over an
                       input, a *.partnership.yaml or a .partnershiprc.yaml
  --quiet              Report errors only (hidden warnings do not count for --max-warnings)
  --new-since REV      Report only the problems each file did not have at git revision REV
                       (matched by rule and the id they concern, not by line)
  -h, --help           Show this help

Exit codes: 0 clean (warnings and information within the limit), 1 any error or too many
warnings, 2 bad usage, an invalid config or unreadable input.
`;

export function generateHelp(command: 'agenda' | 'report'): string {
  const what =
    command === 'agenda'
      ? 'Generate a reset-meeting agenda as a new Markdown file beside FILE and add the planned\n`kind: reset` meeting to FILE. An existing file is never overwritten. Prints the path of the\nnew document.'
      : 'Generate the status report for the customer as a new Markdown file beside FILE (never over an\nexisting file) and print its path. It never contains our health assessment, internal risks or\ncontact details. Generating records nothing: once the report has gone out, run\n`partnership report FILE --sent` to set communication.statusReport.lastSent to today.';
  const reportOptions =
    command === 'report'
      ? `  --sent               Record that today's report was sent (lastSent: today); generates nothing
  --internal           Add our own assessment (health, internal risks) in a section marked
                       internal, written to <name>.status-internal-<date>.md: not for sending
`
      : '';
  return `Usage: partnership ${command} [options] FILE

${what}

Options:
  --today YYYY-MM-DD   Generate as of this day (default: the local date)
  --output FILE        Write the document to FILE instead of the generated name ('-': stdout)
  --stdout             Print the document; change nothing (no document file, FILE untouched)
  --dry-run            Say what would be written (the document's path, the lines of FILE that
                       would change); change nothing
${reportOptions}  -h, --help           Show this help
`;
}

export const INIT_HELP = `Usage: partnership init [options] [FILE]

Write a starter partnership file (default: <folder-name>.partnership.yaml in the current
folder). An existing file is never overwritten. Prints the path of the new file.

Options:
  --name NAME          The partnership's name (default: from the file name)
  --customer NAME      The customer organisation (default: a placeholder to replace)
  --today YYYY-MM-DD   The date to start from (default: the local date)
  -h, --help           Show this help
`;

export const SCHEMA_HELP = `Usage: partnership schema [options]

Print the JSON schema (draft-07) of partnership format version 1.

Options:
  --output FILE        Write the schema to FILE instead of stdout ('-': stdout)
  -h, --help           Show this help
`;

export const DIFF_HELP = `Usage: partnership diff BASE [options] [paths...]

Compare every partnership file at git revision BASE with the working tree (or --head REV): the
relationship changes (commitments added, done, dropped, moved — and whether the move was recorded
in history —, concerns raised and answered, health, people, the communication plan, milestones)
and the problems the change introduced and fixed. Files added, deleted and renamed are followed.

Options:
  --head REV           Compare with revision REV instead of the working tree
  --format NAME        stylish, json or markdown (default: stylish)
  --today YYYY-MM-DD   Judge dates as of this day (default: the local date)
  --output FILE        Write the report to FILE instead of stdout
  -h, --help           Show this help

Exit codes: 0, 1 when the change introduced an error, 2 bad usage, an unknown revision, no git
repository or unreadable input.
`;

export const CALENDAR_HELP = `Usage: partnership calendar [options] [paths...]

Write the dates the partnership files promise as one iCalendar file: open commitments' due dates,
milestones not yet delivered, meetings planned from today on, the next status report and review.
Every entry has a stable UID (the partnership and the item's id): importing the file again
updates the entries instead of adding copies.

Options:
  --output FILE        Write to FILE (e.g. partnerships.ics) instead of stdout
  --today YYYY-MM-DD   Meetings before this day are history (default: the local date)
  -h, --help           Show this help
`;

export const SUMMARY_HELP = `Usage: partnership summary [options] [paths...]

One row per partnership file, sorted by what needs attention first (broken before strained before
watch, then late commitments, then unanswered concerns): health and trend, late commitments, due
within a week, the oldest unanswered concern, days since the last status report, decision makers
not contacted as agreed, on-time rate, next milestone. It reports; it does not judge: exit 0.

Options:
  --format NAME        stylish (a table of 100 columns), markdown (the table and a Mermaid timeline
                       per partnership), json or csv (default: stylish)
  --today YYYY-MM-DD   Judge dates as of this day (default: the local date)
  --output FILE        Write to FILE instead of stdout
  -h, --help           Show this help
`;
