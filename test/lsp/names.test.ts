// The one definition of a partnership file's name (server/src/node/names.ts), used by the CLI's
// search, the server and the client's Partnerships view.
import * as assert from 'assert';
import { isPartnershipFileName, isPartnershipUri, PARTNERSHIP_GLOB } from '../../server/src/node/names';

describe('what a partnership file is called', () => {
  it('a name ending in .partnership.yaml, with something before it, case-sensitively', () => {
    assert.deepStrictEqual(
      ['acme.partnership.yaml', '.partnership.yaml', 'acme.Partnership.yaml', 'acme.partnership.YAML', 'acme.partnership.yml', 'acme.yaml'].map(isPartnershipFileName),
      [true, false, false, false, false, false],
    );
  });

  it('a URI or URI path by its last segment, percent-escapes decoded', () => {
    assert.deepStrictEqual(
      ['file:///work/Acme%20Co.partnership.yaml', '/work/acme.partnership.yaml', 'file:///work/acme.partnership.yaml/notes.md', 'file:///work/%E0%A4%A.partnership.yaml', 'file:///work/x.PARTNERSHIP.yaml'].map(isPartnershipUri),
      [true, true, false, true, false],
    );
  });

  it('the glob the watchers and searches use says the same', () => {
    assert.strictEqual(PARTNERSHIP_GLOB, '**/*.partnership.yaml');
  });
});
