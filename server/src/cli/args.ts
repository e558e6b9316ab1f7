// The CLI's arguments: `--name value`, `--name=value`, boolean flags, `--` to end options, options
// anywhere among the positionals, read by Node's util.parseArgs. Anything unknown is a usage error.
import { parseArgs as nodeParseArgs } from 'util';
import { editDistance } from '../service';
import { usageError } from './errors';

export interface OptionSpec {
  /** Long name without dashes, e.g. `format`. */
  name: string;
  /** `true` for options that take a value; flags take none. */
  value: boolean;
  /** One-letter alias, e.g. `h`. */
  short?: string;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  // Node reads the arguments (long and short names, `=`, `--`, grouped short flags); the checks
  // and their messages are ours, so strict mode is off and every token is judged here.
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: Object.fromEntries(specs.map((s) => [s.name, { type: s.value ? 'string' : 'boolean', ...(s.short ? { short: s.short } : {}) }] as const)),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const long = token.rawName.startsWith('--');
    const spec = byName.get(token.name);
    if (!spec) throw usageError(`unknown option '${token.rawName}'${long ? suggestOption(token.name, specs) : ''}`, command);
    const shown = long ? `--${spec.name}` : token.rawName;
    if (!spec.value) {
      if (token.value !== undefined) throw usageError(`option '${shown}' takes no value`, command);
      options.set(spec.name, true);
      continue;
    }
    // A value is the next argument unless it is another long option (`--today --quiet`).
    const missing = token.value === undefined || (long && !token.inlineValue && token.value.startsWith('--') && token.value.length > 2);
    if (missing) throw usageError(`option '${shown}' needs a value`, command);
    options.set(spec.name, token.value!);
  }
  return { options, positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

function suggestOption(name: string, specs: readonly OptionSpec[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const s of specs) {
    const d = editDistance(name, s.name);
    if (d < bestDistance) {
      bestDistance = d;
      best = s.name;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean '--${best}'?` : '';
}
