// The dashboard as a person sees it (issue 15, item 3): examples/northwind-logistics in code-server
// with the packaged VSIX, reviewed as of 2026-11-23 — one mark per commitment and milestone in the
// SVG, a click that selects the mark's line in the file, and a screenshot per colour theme.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { closeWorkbench, openWorkbench, quickOpen, REPO_ROOT, runCommand, takeScreenshot } from '../vscode/codeServer';
import { fixtureWorkspace, packageVsix, poll, removeWorkspace } from './workbench';

const FILE = 'northwind-logistics.partnership.yaml';

describe('the dashboard, as a person sees it', function () {
  this.timeout(180_000);
  let page: Page;
  let workspace: string;
  let vsixDir: string;
  let dashboard: FrameLocator;

  before(async () => {
    workspace = fixtureWorkspace();
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', FILE), path.join(workspace, FILE));
    vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-vsix-'));
    page = await openWorkbench(workspace, { vsix: [packageVsix(vsixDir)], viewport: { width: 1440, height: 900 } });
  });

  after(async () => {
    if (page) await closeWorkbench(page);
    if (workspace) removeWorkspace(workspace);
    if (vsixDir) fs.rmSync(vsixDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      console.log(`screenshot of the failure: ${await takeScreenshot(page, `ui-failure-${this.currentTest.title}`)}`);
    }
  });

  /** How many links (clickable marks) the SVG's mark of this kind holds (its group has the class mark-<kind>). */
  const count = (mark: string) => dashboard.locator(`svg g.mark-${mark} a`).count();

  it('opens from the palette and draws one mark per commitment and milestone, the late spans, the renegotiation and today', async () => {
    await quickOpen(page, FILE);
    await runCommand(page, 'Partnership: Open Dashboard');
    await page.locator('.tabs-container .tab', { hasText: 'Dashboard: northwind-logistics' }).waitFor({ state: 'visible', timeout: 30_000 });
    dashboard = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await dashboard.locator('h1', { hasText: 'Northwind route planning — Northwind Logistics' }).waitFor({ state: 'visible', timeout: 30_000 });
    await poll('the four commitments drawn', async () => ((await count('commitment')) === 4 ? true : undefined));
    assert.deepStrictEqual(
      [await count('commitment'), await count('milestone'), await count('late'), await count('renegotiation'), await dashboard.locator('svg g.mark-today line').count()],
      [4, 2, 2, 1, 1],
    );
    assert.strictEqual(await dashboard.locator('.subtitle').innerText(), 'As of 2026-11-23. Click a mark to show it in the file.');
    // One health assessment, one open concern, three owners in the table.
    assert.deepStrictEqual([await count('assessment'), await count('concern'), await dashboard.locator('#reliability tr').count()], [1, 1, 3]);
  });

  it('a click on a mark selects its line in the file', async () => {
    // C-3's bar: its id on line 104 ("  - id: C-3", columns 9–11).
    await dashboard.locator('svg g.mark-commitment a').nth(2).click();
    await page.locator('.statusbar-item', { hasText: /\bLn 104, Col 12 \(3 selected\)/ }).waitFor({ state: 'visible', timeout: 20_000 });
    // M-2's diamond: line 181.
    await dashboard.locator('svg g.mark-milestone a').nth(1).click();
    await page.locator('.statusbar-item', { hasText: /\bLn 181, Col 12 \(3 selected\)/ }).waitFor({ state: 'visible', timeout: 20_000 });
    // C-2's late span: its due date on line 97 ("    due: 2026-10-30", columns 10–19).
    await dashboard.locator('svg g.mark-late a').nth(0).click();
    await page.locator('.statusbar-item', { hasText: /\bLn 97, Col 20 \(10 selected\)/ }).waitFor({ state: 'visible', timeout: 20_000 });
  });

  // The workbench starts in Light Modern; the toggle command gives Dark Modern; the workspace's
  // settings give Dark High Contrast (its id is "Default High Contrast").
  const highContrast = () => {
    const settings = { 'partnership.reviewDate': '2026-11-23', 'files.autoSave': 'off', 'workbench.colorTheme': 'Default High Contrast' };
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  };
  for (const [theme, change, bodyClass] of [
    ['Light Modern', undefined, 'vscode-light'],
    ['Dark Modern', () => runCommand(page, 'Preferences: Toggle between Light/Dark Themes'), 'vscode-dark'],
    ['Dark High Contrast', highContrast, 'vscode-high-contrast'],
  ] as const) {
    it(`follows the ${theme} colour theme`, async () => {
      if (change) await change();
      await dashboard.locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: 20_000 });
      // Drawn again in the theme's colours: the late spans take the theme's charts.red.
      const red = await dashboard.locator('body').evaluate((b) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(b).getPropertyValue('--vscode-charts-red').trim());
      assert.ok(red !== '', 'the theme gives --vscode-charts-red');
      await poll(`the late spans in ${red}`, async () => ((await dashboard.locator('svg g.mark-late').getAttribute('fill')) === red ? true : undefined));
      assert.strictEqual(await count('commitment'), 4);
      const shot = await takeScreenshot(page, `dashboard-${bodyClass}`);
      console.log(`screenshot: ${shot}`);
      assert.ok(fs.statSync(shot).size > 10_000);
      // The panel alone (the README's Portfolio section shows the light one, copied to images/).
      const panel = path.join(path.dirname(shot), `dashboard-panel-${bodyClass}.png`);
      await page.locator('iframe.webview.ready').last().screenshot({ path: panel });
      assert.ok(fs.statSync(panel).size > 10_000);
    });
  }
});
