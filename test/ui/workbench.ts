// What the UI tests share: the VSIX users install, packaged as `npm run package` packages it, and
// a copy of the fixture workspace (reviewed as of partnership.reviewDate) to open it in.
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { closeWorkbench, openWorkbench, REPO_ROOT, takeScreenshot } from '../vscode/codeServer';

/**
 * Package the VSIX offline from the built bundles, with the steps of package.json's "package"
 * script after the build (the extension README with its screenshots inlined, then vsce); returns
 * its path in `dir`.
 */
export function packageVsix(dir: string): string {
  const vsix = path.join(dir, 'partnership.vsix');
  const script: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts.package;
  const steps = script.split(' && ').filter((step) => !step.startsWith('npm run build'));
  const env = { ...process.env, PATH: `${path.join(REPO_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` };
  execSync(`${steps.join(' && ')} --out '${vsix}'`, { cwd: REPO_ROOT, env, stdio: 'pipe' });
  return vsix;
}

/**
 * A fresh copy of test/fixtures/workspace, in a folder named `partnerships` (the name the
 * screenshots show) inside a temp folder; remove it with removeWorkspace.
 */
export function fixtureWorkspace(): string {
  const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-ui-')), 'partnerships');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  return workspace;
}

/** Remove a workspace from fixtureWorkspace, with its temp folder. */
export function removeWorkspace(workspace: string): void {
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
}

export interface InstalledWorkbenchOptions {
  /** Adds files to the fresh fixture workspace before the workbench opens it. */
  prepare?: (workspace: string) => void;
  viewport?: { width: number; height: number };
  /** After a failed test, close what it left open (a picker, a menu) so the next one starts from the editor. */
  escapeAfterFailure?: boolean;
}

/**
 * The hooks every UI suite needs, registered in the calling `describe`: before, a copy of the
 * fixture workspace (plus `prepare`) opened in code-server with the packaged VSIX installed, handed
 * to `opened`; after each failed test, a screenshot; after the suite, the browser closed and the
 * workspace and the VSIX removed.
 */
export function installedWorkbench(options: InstalledWorkbenchOptions, opened: (page: Page, workspace: string) => void): void {
  let page: Page | undefined;
  let workspace: string | undefined;
  let vsixDir: string | undefined;

  before(async () => {
    workspace = fixtureWorkspace();
    options.prepare?.(workspace);
    // The VSIX users install, packaged offline from the built bundles as npm run package does.
    vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-vsix-'));
    page = await openWorkbench(workspace, { vsix: [packageVsix(vsixDir)], ...(options.viewport ? { viewport: options.viewport } : {}) });
    opened(page, workspace);
  });

  after(async () => {
    if (page) await closeWorkbench(page);
    if (workspace) removeWorkspace(workspace);
    if (vsixDir) fs.rmSync(vsixDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      console.log(`screenshot of the failure: ${await takeScreenshot(page, `ui-failure-${this.currentTest.title}`)}`);
      if (options.escapeAfterFailure) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      }
    }
  });
}

/** Poll `probe` until it returns a truthy value (every 250 ms), or fail saying what was awaited. */
export async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Go to `line` (and `column`) of the active editor with Go to Line, as a person would; resolves when the cursor is there. */
export async function goToLine(page: Page, line: number, column?: number, timeoutMs = 20_000): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(column ? `${line}:${column}` : `${line}`);
  // Enter before the row reads the typed line goes nowhere.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: new RegExp(`line ${line}\\b`) }).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: new RegExp(`\\bLn ${line}, Col ${column ?? 1}\\b`) }).waitFor({ state: 'visible', timeout: timeoutMs });
}
