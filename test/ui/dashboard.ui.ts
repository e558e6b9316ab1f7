// The dashboard as a person sees it (issue 15, item 3): examples/northwind-logistics in code-server
// with the packaged VSIX, reviewed as of 2026-11-23 — one mark per commitment and milestone in the
// SVG, a click that selects the mark's line in the file, and a screenshot per colour theme; on a
// file too large to draw whole, the part drawn and a caption that says so.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { generatePartnership } from '../../bench/generate';
import { quickOpen, REPO_ROOT, runCommand, takeScreenshot } from '../vscode/codeServer';
import { installedWorkbench, poll } from './workbench';

const FILE = 'northwind-logistics.partnership.yaml';
/** A generated file with more commitments than the dashboard draws (200). */
const LARGE = 'large.partnership.yaml';
const LARGE_COMMITMENTS = 260;

describe('the dashboard, as a person sees it', function () {
  this.timeout(180_000);
  let page: Page;
  let workspace: string;
  let dashboard: FrameLocator;
  installedWorkbench(
    {
      prepare: (w) => {
        fs.copyFileSync(path.join(REPO_ROOT, 'examples', FILE), path.join(w, FILE));
        fs.writeFileSync(path.join(w, LARGE), generatePartnership({ commitments: LARGE_COMMITMENTS, seed: 5, name: 'Large portfolio' }).text);
      },
      viewport: { width: 1440, height: 900 },
    },
    (p, w) => {
      page = p;
      workspace = w;
    },
  );

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

  it('on a file with more commitments than it draws, draws the 200 nearest to today and says so with the total', async () => {
    await quickOpen(page, LARGE);
    await runCommand(page, 'Partnership: Open Dashboard');
    await page.locator('.tabs-container .tab', { hasText: 'Dashboard: large' }).waitFor({ state: 'visible', timeout: 30_000 });
    // The panel of this file among the open webviews: the one whose title names it.
    const large = await poll('the dashboard of the large file', async () => {
      const frames = await page.locator('iframe.webview.ready').count();
      for (let i = frames - 1; i >= 0; i--) {
        const frame = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
        if ((await frame.locator('h1', { hasText: 'Large portfolio — Acme Corp' }).count()) > 0) return frame;
      }
      return undefined;
    });
    const caption = large.locator('.subtitle', { hasText: 'Drawn:' });
    await caption.waitFor({ state: 'visible', timeout: 30_000 });
    assert.strictEqual(await caption.innerText(), `Drawn: the 200 commitments nearest to today of ${LARGE_COMMITMENTS}.`);
    assert.strictEqual(await large.locator('svg g.mark-commitment a').count(), 200);
    console.log(`screenshot: ${await takeScreenshot(page, 'dashboard-large')}`);
  });
});
