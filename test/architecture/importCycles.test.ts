// No import cycles in the sources (server/src, client/src): a module's dependencies load before it,
// and a newcomer can read the layers bottom-up. Type-only imports count too: they still tie two
// modules together. Reads the TypeScript sources, so it needs no build of its own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCES = ['server/src', 'client/src'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The module a relative specifier names: `x.ts` or `x/index.ts`. */
function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/** Every relative module a file imports or re-exports (`import … from`, `export … from`, `import('…')`, `require('…')`). */
export function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  return [...new Set(specifiers.map((s) => resolve(file, s)).filter((f): f is string => f !== undefined))];
}

/** The cycles of the import graph, each as the list of files around it (Tarjan's strongly connected components). */
export function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.map((f) => path.relative(ROOT, f)).sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

describe('the module structure', () => {
  const files = SOURCES.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

  it('reads the sources and their imports', () => {
    assert.ok(files.length > 50, `found ${files.length} TypeScript files under ${SOURCES.join(', ')}`);
    const server = path.join(ROOT, 'server/src/lsp/server.ts');
    assert.ok(importsOf(server).includes(path.join(ROOT, 'server/src/lsp/openDocuments.ts')), 'server.ts imports openDocuments.ts');
  });

  it('finds a cycle when there is one', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cycles-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = 1;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import type { a } from './a';\nexport const b = 2;\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "import { a } from './a';\n");
      assert.deepStrictEqual(importCycles(['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(dir, f))), [[path.relative(ROOT, path.join(dir, 'a.ts')), path.relative(ROOT, path.join(dir, 'b.ts'))]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no import cycle in server/src and client/src', () => {
    const cycles = importCycles(files);
    assert.deepStrictEqual(cycles, [], `import cycles:\n${cycles.map((c) => `  ${c.join(' ↔ ')}`).join('\n')}`);
  });
});
