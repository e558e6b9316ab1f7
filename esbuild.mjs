// Bundles the entry points: the CLI, the language server and the VS Code extension.
import * as esbuild from 'esbuild';
import { copyFileSync } from 'fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);

// The language server's warm-up sample (server/src/lsp/warmUp.ts reads it beside the bundle).
copyFileSync('server/src/lsp/warmUpSample.yaml', 'dist/warmUpSample.yaml');
