// Where rule links point: a repository named in package.json, else the bundled pages.
import * as assert from 'assert';
import { createLanguageService, DOCS_BASE_URL, parseDay, repositoryDocsBase } from '../../server/src/service';

describe('service: rule documentation links', () => {
  it('come from package.json `repository` when it names a GitHub repository', () => {
    for (const repository of ['github:acme/partnership', 'https://github.com/acme/partnership.git', 'git+https://github.com/acme/partnership.git', { type: 'git', url: 'git@github.com:acme/partnership.git' }, 'acme/partnership']) {
      assert.strictEqual(repositoryDocsBase(repository), 'https://github.com/acme/partnership/blob/HEAD/docs/rules/', JSON.stringify(repository));
    }
    for (const none of [undefined, '', { type: 'git' }, 'https://gitlab.com/acme/partnership.git']) assert.strictEqual(repositoryDocsBase(none), undefined, JSON.stringify(none));
  });

  it('without a repository in package.json, default to the pages inside the package, and take the base an entry point gives', () => {
    assert.strictEqual(DOCS_BASE_URL, 'docs/rules/', 'this package.json names no repository');
    const today = parseDay('2026-11-23')!;
    const text = 'version: 1\npartnership:\n  name: A\n  customer: B\n';
    const base = 'file:///opt/partnership/docs/rules/';
    const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false }, docsBaseUrl: base });
    assert.deepStrictEqual(service.validate(text, 'a.partnership.yaml', { today }).map((d) => d.codeDescription.href), [`${base}communication-plan-missing.md`, `${base}no-decision-maker.md`]);
    assert.deepStrictEqual(service.parseConfig('rules: {nope: off}\n', '/w/.partnershiprc.yaml').problems.map((d) => d.codeDescription.href), [`${base}schema.md`]);
  });
});
