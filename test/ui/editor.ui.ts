// What a person sees of issue 9's editor polish, in VS Code (code-server in Debian chromium) with
// the packaged VSIX installed: the review date in the language status, the ESLint-style actions in
// the Quick Fix menu, each snippet once in Insert Snippet, the next free id in completion, and the
// notification that says what generating an agenda recorded, with an Undo that takes it back.
// Every wait is for the final state a person would see (a locator on its exact text).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { quickOpen, REPO_ROOT, runCommand, takeScreenshot } from '../vscode/codeServer';
import { goToLine, installedWorkbench, poll } from './workbench';

const NORTHWIND = 'northwind.partnership.yaml';
const TIMEOUT = 30_000;

/**
 * Bring northwind's editor to the front and give it the keyboard: a click on its tab when it has
 * one (a Markdown preview, a webview, may hold the keyboard: Ctrl+P would go to it), else Ctrl+P.
 */
async function showNorthwind(page: Page): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: NORTHWIND });
  if ((await tab.count()) === 0) return quickOpen(page, NORTHWIND);
  await tab.first().click();
  await page.locator('.tabs-container .tab.active', { hasText: NORTHWIND }).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible', timeout: TIMEOUT });
}

describe('the editor, as a person sees it', function () {
  this.timeout(180_000);
  let page: Page;
  let workspace: string;
  installedWorkbench({ escapeAfterFailure: true }, (p, w) => {
    page = p;
    workspace = w;
  });

  it('the language status says the files are judged as of the review date', async () => {
    await showNorthwind(page);
    // The "{}" entry of the status bar, once it holds the review date the server reports (its
    // label names the items' texts; "today" until the server's first word), then its hover.
    const entry = page.locator('.statusbar-item#status\\.languageStatus');
    await page.locator('.statusbar-item#status\\.languageStatus[aria-label*="as of 2026-11-23"]').waitFor({ state: 'visible', timeout: TIMEOUT });
    await entry.hover();
    const item = page.locator('.hover-language-status .element', { hasText: 'as of 2026-11-23' });
    await item.waitFor({ state: 'visible', timeout: TIMEOUT });
    assert.match(await item.innerText(), /partnership\.reviewDate overrides the date/);
    console.log(`screenshot: ${await takeScreenshot(page, 'language-status')}`);
    await page.mouse.move(640, 400);
    await page.keyboard.press('Escape');
  });

  it('the Quick Fix menu on the overdue commitment offers Turn off and Show documentation; Show documentation opens the rule page', async () => {
    await showNorthwind(page);
    await goToLine(page, 51, 10); // due: 2026-11-01 of C-12
    const menu = page.locator('.action-widget');
    const turnOff = menu.locator('.monaco-list-row', { hasText: 'Turn off commitment-overdue in .partnershiprc.yaml' });
    const show = menu.locator('.monaco-list-row', { hasText: 'Show documentation for commitment-overdue' });
    // The diagnostics may not be published yet when the menu is first asked for: ask again until they are.
    await poll('Turn off and Show documentation in the Quick Fix menu', async () => {
      if (!(await menu.isVisible())) await page.keyboard.press('Control+.');
      await show.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
      if ((await show.isVisible()) && (await turnOff.isVisible())) return true;
      await page.keyboard.press('Escape');
      return undefined;
    });
    const titles = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
    assert.deepStrictEqual(titles.slice(-2), ['Turn off commitment-overdue in .partnershiprc.yaml', 'Show documentation for commitment-overdue'], 'last, once each, as ESLint orders them');
    console.log(`screenshot: ${await takeScreenshot(page, 'quick-fix-menu')}`);
    // The menu takes keys (a pointer block covers it until the mouse moves): down to the action, then Enter.
    await poll('Show documentation focused in the menu', async () => {
      if (await menu.locator('.monaco-list-row.focused', { hasText: 'Show documentation for commitment-overdue' }).isVisible()) return true;
      await page.keyboard.press('ArrowDown');
      return undefined;
    });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'Preview commitment-overdue.md' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    // The rule page itself, rendered in the preview's webview.
    const heading = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame').locator('h1', { hasText: 'commitment-overdue' });
    await heading.waitFor({ state: 'visible', timeout: TIMEOUT });
    console.log(`screenshot: ${await takeScreenshot(page, 'rule-documentation')}`);
  });

  it('Insert Snippet lists each partnership snippet once', async () => {
    await showNorthwind(page);
    await runCommand(page, 'Snippets: Insert Snippet');
    const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'partnership.code-snippets'), 'utf8')) as Record<string, { prefix: string; description: string }>;
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    const descriptions = Object.values(snippets).map((s) => s.description);
    const labels = page.locator('.quick-input-widget .monaco-list-row .label-name');
    // A row's label (the prefix) and its detail (the description). The picker is filled at once:
    // wait for every snippet, then read them all.
    for (const prefix of prefixes) await labels.filter({ hasText: new RegExp(`^${prefix}$`) }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const listed = await labels.allInnerTexts();
    console.log(`screenshot: ${await takeScreenshot(page, 'insert-snippet')}`);
    await page.keyboard.press('Escape');
    assert.deepStrictEqual([...listed].sort(), [...prefixes, ...descriptions].sort(), 'each snippet once');
  });

  it('completion in the commitments list offers the next free id', async () => {
    await showNorthwind(page);
    await goToLine(page, 68); // the blank line after the last commitment (C-9)
    await page.keyboard.type('  - id: ');
    const suggest = page.locator('.editor-widget.suggest-widget');
    // The row with its detail: the label may be drawn before the detail.
    const next = suggest.locator('.monaco-list-row', { hasText: 'C-15' }).filter({ hasText: 'next free id' });
    await poll('C-15 in the completion list', async () => {
      if (!(await suggest.isVisible())) await page.keyboard.press('Control+Space');
      await next.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
      if (await next.isVisible()) return true;
      await page.keyboard.press('Escape'); // a list from before the server answered: ask again
      return undefined;
    });
    console.log(`screenshot: ${await takeScreenshot(page, 'completion-next-id')}`);
    await next.click();
    // Monaco renders spaces as U+00A0, which \s matches.
    await page.locator('.monaco-editor .view-line', { hasText: /^\s{2}-\sid:\sC-15$/ }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  it('generating an agenda says what it recorded in the file, with Undo; Undo takes the record out', async () => {
    const file = path.join(workspace, NORTHWIND);
    const original = fs.readFileSync(file, 'utf8');
    await showNorthwind(page);
    await runCommand(page, 'Partnership: Generate Reset-Meeting Agenda');
    const recorded = 'Recorded the reset meeting of 2026-11-24 in northwind.partnership.yaml';
    const toast = page.locator('.notification-toast', { hasText: recorded });
    await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
    await toast.locator('.monaco-button', { hasText: /^Undo$/ }).waitFor({ state: 'visible', timeout: TIMEOUT });
    // The agenda, opened.
    await page.locator('.tabs-container .tab.active', { hasText: 'northwind.reset-2026-11-24.md' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    // Opened beside the partnership file: the heading may wrap, so only its start is looked for.
    await page.locator('.monaco-editor .view-line', { hasText: 'Reset meeting: Northwind' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    console.log(`screenshot: ${await takeScreenshot(page, 'recorded-with-undo')}`);

    // The record, at the end of the partnership file.
    await showNorthwind(page);
    await page.keyboard.press('Control+End');
    const record = page.locator('.monaco-editor .view-line', { hasText: 'agenda: northwind.reset-2026-11-24.md' });
    await record.waitFor({ state: 'visible', timeout: TIMEOUT });

    // An information toast hides itself after a while; it stays in the notification center.
    const undo = page.locator('.notification-list-item', { hasText: recorded }).locator('.monaco-button', { hasText: /^Undo$/ });
    if (!(await undo.first().isVisible())) await runCommand(page, 'Notifications: Show Notifications');
    await undo.first().click();
    await record.waitFor({ state: 'detached', timeout: TIMEOUT });
    await showNorthwind(page);
    await page.keyboard.press('Control+S');
    await poll('the partnership file on disk as it was before the agenda', async () => fs.readFileSync(file, 'utf8') === original || undefined);
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  it('generating a status report records nothing; the notification offers Mark as sent and Open; Mark as sent records lastSent', async () => {
    const file = path.join(workspace, NORTHWIND);
    await showNorthwind(page);
    await runCommand(page, 'Partnership: Generate Status Report');
    const toast = page.locator('.notification-toast', { hasText: 'Status report northwind.status-2026-11-23.md generated. It is recorded as sent only when you mark it so.' });
    await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
    await toast.locator('.monaco-button', { hasText: /^Open$/ }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.locator('.tabs-container .tab.active', { hasText: 'northwind.status-2026-11-23.md' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    assert.match(fs.readFileSync(file, 'utf8'), /^ {4}lastSent: 2026-11-20$/m, 'generating records nothing');
    console.log(`screenshot: ${await takeScreenshot(page, 'report-mark-as-sent')}`);
    await toast.locator('.monaco-button', { hasText: /^Mark as sent$/ }).click();
    // The edit goes to the open file's buffer: saved, it is on disk.
    await page.locator('.tabs-container .tab.dirty', { hasText: NORTHWIND }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await showNorthwind(page);
    await page.keyboard.press('Control+S');
    await poll('lastSent on disk', async () => /^ {4}lastSent: 2026-11-23$/m.test(fs.readFileSync(file, 'utf8')) || undefined);
  });
});
