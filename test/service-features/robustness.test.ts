// Whatever half-edited text the editor holds and wherever the cursor is, the features answer
// (possibly with nothing) instead of throwing.
import * as assert from 'assert';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import { fixture, TODAY } from './util';

/** The features, from one language service (its methods need no `this`). */
const { completion, definition, documentHighlights, documentSymbols, hover, prepareRename, references, rename } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const base = fixture('initech.partnership.yaml');

/** The fixture with a slice replaced by arbitrary YAML-ish text. */
const edited = fc
  .tuple(fc.nat(base.length), fc.nat(40), fc.stringMatching(/^[ a-z:\-\[\]{},#|>'"\n]{0,20}$/))
  .map(([start, length, insert]) => base.slice(0, start) + insert + base.slice(start + length));

describe('editor features on arbitrary edits', () => {
  it('never throw, at any position', () => {
    fc.assert(
      fc.property(edited, fc.nat(120), fc.nat(60), (text, line, character) => {
        const position = { line, character };
        completion(text, position, { today: TODAY });
        completion(text, position, { today: TODAY, triggerCharacter: ' ' });
        hover(text, position, { today: TODAY });
        definition(text, position, 'file:///x');
        references(text, position, 'file:///x', true);
        documentHighlights(text, position);
        prepareRename(text, position);
        rename(text, position, 'someone', 'file:///x');
        const symbols = documentSymbols(text, '/x/initech.partnership.yaml', { today: TODAY });
        assert.strictEqual(symbols.length, 1);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
