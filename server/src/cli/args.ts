// A small, strict argument parser: `--name value`, `--name=value`, boolean flags, `--` to end
// options, options anywhere among the positionals. Anything unknown is a usage error.
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
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw usageError(`unknown option '--${name}'${suggestOption(name, specs)}`, command);
      if (!spec.value) {
        if (eq !== -1) throw usageError(`option '--${name}' takes no value`, command);
        options.set(name, true);
        continue;
      }
      let value: string;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw usageError(`option '--${name}' needs a value`, command);
        value = next;
        i++;
      }
      options.set(name, value);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const spec = byShort.get(arg.slice(1));
      if (!spec) throw usageError(`unknown option '${arg}'`, command);
      if (spec.value) {
        const next = argv[i + 1];
        if (next === undefined) throw usageError(`option '${arg}' needs a value`, command);
        options.set(spec.name, next);
        i++;
      } else options.set(spec.name, true);
      continue;
    }
    positionals.push(arg);
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

/** Levenshtein distance with transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
