// The README inside the VSIX: client/README.md with its screenshots inlined as data: URIs.
// VS Code's extension page renders the README under a policy that loads images from https: and
// data: only, and this package names no repository whose https: address vsce could point the
// relative links at; inlined, the screenshots show offline, from the installed VSIX.
//
//   node client/readme-for-vsix.mjs   (writes out/README.vsix.md; the "package" script runs it)
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = fs.readFileSync(path.join(root, 'client', 'README.md'), 'utf8');
const inlined = readme.replace(/(!\[[^\]]*\]\()(images\/[\w.-]+\.png)\)/g, (_, head, link) => {
  const png = fs.readFileSync(path.join(root, link));
  return `${head}data:image/png;base64,${png.toString('base64')})`;
});
fs.mkdirSync(path.join(root, 'out'), { recursive: true });
fs.writeFileSync(path.join(root, 'out', 'README.vsix.md'), inlined);
