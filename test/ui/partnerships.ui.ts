// What a person sees in VS Code (code-server in Debian chromium) after installing the packaged
// VSIX, as a tech lead would: the overdue commitment in the Problems panel, the partnership in
// the Partnerships view, and a click that selects it in the file; the errors of a file nobody
// opened, in the Problems panel and on its node in the view; the extension's page with its README
// and screenshots.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { problems, quickOpen, REPO_ROOT, runCommand, takeScreenshot } from '../vscode/codeServer';
import { installedWorkbench, poll } from './workbench';

const OVERDUE = "C-12 'Pilot the audit dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)";

describe('the workbench, as a person sees it', function () {
  this.timeout(180_000);
  let page: Page;
  installedWorkbench(
    // Five errors on purpose; never opened in these tests.
    { prepare: (workspace) => fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'globex-typos.partnership.yaml'), path.join(workspace, 'globex.partnership.yaml')) },
    (p) => {
      page = p;
    },
  );

  it('lists the overdue commitment in the Problems panel', async () => {
    await quickOpen(page, 'northwind.partnership.yaml');
    const rows = await poll('the overdue commitment in Problems', async () => {
      const texts = await problems(page);
      return texts.some((t) => t.includes(OVERDUE)) ? texts : undefined;
    });
    const row = rows.find((t) => t.includes(OVERDUE))!;
    assert.match(row, /commitment-overdue/, 'with its rule id');
    assert.match(row, /\[Ln 51, Col 10\]/, 'at the due date');
  });

  it('shows the partnership in the Partnerships view; a click selects it in the file', async () => {
    await page.locator('.activitybar .action-item [aria-label^="Partnerships"]').first().click();
    const sidebar = page.locator('.part.sidebar');
    const northwind = sidebar.locator('.monaco-list-row', { hasText: 'Northwind logistics portal' });
    await northwind.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await sidebar.locator('.monaco-list-row', { hasText: 'Acme compliance analytics' }).isVisible());
    assert.match(await northwind.innerText(), /watch · 1 late · on-time 50% · 1 warning/);

    await northwind.click(); // expands it; Commitments and Overdue open by themselves
    const c12 = sidebar.locator('.monaco-list-row', { hasText: 'C-12: Pilot the audit dashboard' });
    await c12.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await c12.innerText(), /22 days late · Amir Lee/);
    await c12.click();
    await page.locator('.statusbar', { hasText: '(4 selected)' }).waitFor({ state: 'visible', timeout: 10_000 });

    const shot = await takeScreenshot(page, 'partnerships-view');
    console.log(`screenshot: ${shot}`);
    assert.ok(fs.statSync(shot).size > 10_000);
  });

  it("lists the errors of a file that is not open in the Problems panel, and counts them on its node", async () => {
    const typo = "Unknown key 'ownr' in commitment C-1 (did you mean 'owner'?)";
    const rows = await poll("globex's errors in Problems", async () => {
      const texts = await problems(page);
      return texts.some((t) => t.includes(typo)) ? texts : undefined;
    });
    assert.match(rows.find((t) => t.includes(typo))!, /\[Ln 76, Col 5\]/);
    assert.ok(rows.some((t) => /globex\.partnership\.yaml/.test(t) && /\b5\b/.test(t)), `a file row for globex with its count of 5; rows: ${rows.join(' | ')}`);
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(!tabs.some((t) => t.includes('globex')), `globex was never opened; tabs: ${tabs.join(', ')}`);

    // The view may still be showing from the test before; a click on its icon would then hide it.
    const shown = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Northwind logistics portal' });
    if (!(await shown.first().isVisible())) await page.locator('.activitybar .action-item [aria-label^="Partnerships"]').first().click();
    const node = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Globex billing migration' });
    await node.waitFor({ state: 'visible', timeout: 30_000 });
    await poll('the Globex node to count its errors', async () => ((await node.innerText()).includes('healthy · on-time 100% · 5 errors') ? true : undefined));
    assert.strictEqual(await node.locator('.codicon-error').count(), 1, 'an error icon, not a heart');
    assert.strictEqual(await node.locator('.codicon-heart').count(), 0);
    console.log(`screenshot: ${await takeScreenshot(page, 'closed-file-problems')}`);
  });

  it("the extension's page shows the README with its screenshots, offline, from the installed VSIX", async () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'client', 'README.md'), 'utf8');
    const alts = [...readme.matchAll(/!\[([^\]]*)\]\(images\/[\w.-]+\.png\)/g)].map((m) => m[1]);
    assert.ok(alts.length > 0, 'client/README.md shows screenshots');
    await runCommand(page, 'Extensions: Show Enabled Extensions');
    await page.locator('.part.sidebar .extension-list-item', { hasText: 'Partnership as Code' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Extension: Partnership as Code' }).waitFor({ state: 'visible', timeout: 30_000 });
    const details = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await details.locator('h1', { hasText: 'Partnership as Code' }).waitFor({ state: 'visible', timeout: 30_000 });
    for (const alt of alts) {
      const img = details.locator(`img[alt="${alt}"]`);
      await img.waitFor({ state: 'attached', timeout: 30_000 });
      // Decoded: the page's policy loads images from https: and data: only, never from the extension's folder.
      await poll(`the screenshot "${alt}" shown`, async () =>
        (await img.evaluate((e) => (e as unknown as { complete: boolean }).complete && (e as unknown as { naturalWidth: number }).naturalWidth > 0)) || undefined,
      );
    }
    await details.locator(`img[alt="${alts[0]}"]`).scrollIntoViewIfNeeded();
    console.log(`screenshot: ${await takeScreenshot(page, 'extension-details')}`);
  });
});
