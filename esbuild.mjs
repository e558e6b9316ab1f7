// Bundles the entry points: the CLI, the language server, the VS Code extension and the dashboard's
// webview script (for the browser: Observable Plot and d3 inside, nothing loaded from the network).
import * as esbuild from 'esbuild';
import { copyFileSync } from 'fs';
import { fileURLToPath } from 'url';

// yaml's ES module build instead of its CommonJS one (same code, same version: package.json pins it).
// Bundled from CommonJS, every use of an import such as `isMap` went through a getter esbuild adds
// for interop; a fresh process runs those in the interpreter on every node (a cold open at 5,000
// commitments spent ~5% of its time in them).
const yamlModule = fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url));
const yamlAsModule = {
  name: 'yaml-as-module',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlModule }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [yamlAsModule],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: true, sourcemap: false, logLevel: 'warning', entryPoints: ['client/webview/dashboard.ts'], outfile: 'dist/webview/dashboard.js' }),
]);

// The dashboard's stylesheet, beside its script (the webview's policy loads styles from the extension only).
copyFileSync('client/webview/dashboard.css', 'dist/webview/dashboard.css');

// The language server's warm-up sample (server/src/lsp/warmUp.ts reads it beside the bundle).
copyFileSync('server/src/lsp/warmUpSample.yaml', 'dist/warmUpSample.yaml');
