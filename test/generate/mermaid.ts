// Mermaid's own parser in Node, for the timeline tests: `mermaid` needs a DOM (its sanitiser,
// DOMPurify, is built on `window`), so a jsdom window is installed first; mermaid is an ES module,
// loaded with a real `import()` (TypeScript would turn `import()` into `require`). Loaded once.
import * as path from 'path';
import { pathToFileURL } from 'url';

/** One bar or milestone as Mermaid's gantt database holds it after parsing. */
export interface MermaidTask {
  id: string;
  /** The label as Mermaid shows it: entity codes (`#58;`) decoded, the lexer's trailing space trimmed. */
  task: string;
  section: string;
  start: string;
  /** The first day after the bar (Mermaid's end is exclusive). */
  end: string;
  tags: string[];
}

export interface ParsedGantt {
  title: string;
  sections: string[];
  tasks: MermaidTask[];
}

interface GanttDb {
  getTasks(): { id: string; task: string; section: string; startTime: Date; endTime: Date; done?: boolean; crit?: boolean; active?: boolean; milestone?: boolean }[];
  getDiagramTitle(): string;
  getSections(): string[];
}
interface MermaidModule {
  default: {
    initialize(config: object): void;
    parse(text: string): Promise<unknown>;
    mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: GanttDb }> };
  };
}

const INSTALL = 'the timeline tests need mermaid and jsdom: run `npm install` (they are devDependencies; `npm install -D mermaid jsdom` to add them)';

let loading: Promise<MermaidModule['default']> | undefined;

function load(): Promise<MermaidModule['default']> {
  return (loading ??= (async () => {
    let jsdom: { JSDOM: new (html: string) => { window: { document: unknown } } };
    let entry: string;
    try {
      jsdom = require('jsdom') as typeof jsdom;
      entry = require.resolve('mermaid');
    } catch (e) {
      throw new Error(`${INSTALL} (${(e as Error).message.split('\n')[0]})`);
    }
    const g = globalThis as { window?: unknown; document?: unknown };
    if (g.window === undefined) {
      const { window } = new jsdom.JSDOM('');
      g.window = window;
      g.document = window.document;
    }
    // A real dynamic import: mermaid ships only as an ES module.
    const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<MermaidModule>;
    const mermaid = (await importModule(pathToFileURL(path.resolve(entry)).href)).default;
    mermaid.initialize({ startOnLoad: false, logLevel: 'fatal' });
    return mermaid;
  })());
}

/** Mermaid's entity codes back to characters, as its renderer shows them (`ﬂ°°58¶ß` is its placeholder for `#58;`). */
function decode(text: string): string {
  return text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Parse a gantt chart (the text inside the fence) with Mermaid; throws Mermaid's own error when it does not accept it. */
export async function parseGantt(text: string): Promise<ParsedGantt> {
  const mermaid = await load();
  await mermaid.parse(text);
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  return {
    title: decode(db.getDiagramTitle()),
    sections: db.getSections().map((s) => decode(s).trim()),
    tasks: db.getTasks().map((t) => ({
      id: t.id,
      task: decode(t.task).trim(),
      section: decode(t.section).trim(),
      start: localDay(t.startTime),
      end: localDay(t.endTime),
      tags: (['done', 'active', 'crit', 'milestone'] as const).filter((k) => t[k]),
    })),
  };
}
