// Warm-up: in a fresh process the parser, the schema validator (generated at build time) and the
// rules run in V8's interpreter, several times slower than once optimised by the JIT. While
// the server is idle and no document is open, check a sample a few dozen times in small slices
// (setImmediate: messages are handled in between), so the first real file meets compiled code.
// It stops when a document opens; a file opened together with the editor arrives before it starts.
import { readFileSync } from 'fs';
import { join } from 'path';
import { Day, LanguageService } from '../service';

/** Idle time after `initialized` before the warm-up starts (a file opened with the editor arrives sooner). */
export const WARM_UP_DELAY_MS = 100;
/** The sample's name: esbuild.mjs copies it beside dist/server.js. */
export const WARM_UP_SAMPLE = 'warmUpSample.yaml';
/** The larger text repeats the sample's commitments this often: about 110 KB, enough for the incremental re-parse. */
const LARGE_COPIES = 50;

/** The sample beside the bundle (dist/) or in the sources (tests run from out/server/src/lsp). */
export function warmUpSample(): string | undefined {
  for (const candidate of [join(__dirname, WARM_UP_SAMPLE), join(__dirname, '..', '..', '..', '..', 'server', 'src', 'lsp', WARM_UP_SAMPLE)]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // not there: try the next candidate
    }
  }
  return undefined;
}

/** The sample with its commitments repeated `copies` times, each copy under its own ids. */
export function largerSample(sample: string, copies: number): string {
  const start = sample.indexOf('\ncommitments:\n') + '\ncommitments:\n'.length;
  const end = sample.indexOf('\nconcerns:\n') + 1;
  const items = sample.slice(start, end);
  let repeated = '';
  for (let k = 0; k < copies; k++) repeated += items.replace(/id: C-/g, `id: C-${k}-`);
  return sample.slice(0, start) + repeated + sample.slice(end);
}

/** The name the sample is checked under: its parse is forgotten when the warm-up ends. */
const WARM_UP_NAME = 'warm-up.partnership.yaml';

/** Start warming up after WARM_UP_DELAY_MS; `busy` says a document is open (then it stops). */
export function warmUp(service: LanguageService, day: Day, busy: () => boolean): void {
  const small = warmUpSample();
  if (small === undefined) return; // a bundle without its sample only starts slower
  const large = largerSample(small, LARGE_COPIES);
  const middle = large.indexOf('summary: ', large.length >> 1) + 'summary: '.length;
  const started = Date.now();
  let round = 0;
  const step = () => {
    if (round >= 28 || Date.now() - started > 3000 || busy()) return service.forget(WARM_UP_NAME);
    // A different text every round (the same one would come from the parse memo): the small file,
    // then the larger one in full (it also grows the heap to a working size), then edits of it.
    const text = round < 12 ? `${small}# ${round}\n` : round < 15 ? `${large}# ${round}\n` : `${large.slice(0, middle)}${'x'.repeat(round - 14)}${large.slice(middle)}`;
    round++;
    try {
      service.validate(text, WARM_UP_NAME, { today: day });
    } catch {
      return service.forget(WARM_UP_NAME);
    }
    setImmediate(step);
  };
  setTimeout(step, WARM_UP_DELAY_MS).unref();
}
