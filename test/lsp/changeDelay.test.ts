import * as assert from 'assert';
import { changeDelay, FIRST_CHANGE_DELAY_MS, VALIDATION_DELAY_MS } from '../../server/src/lsp/documentScheduling';

describe('language server: when a change is checked', () => {
  it('a change after a pause (or the first one) is checked almost at once', () => {
    assert.strictEqual(FIRST_CHANGE_DELAY_MS, 20);
    assert.strictEqual(changeDelay(1000, undefined), FIRST_CHANGE_DELAY_MS);
    assert.strictEqual(changeDelay(1000, 1000 - VALIDATION_DELAY_MS), FIRST_CHANGE_DELAY_MS);
    assert.strictEqual(changeDelay(5000, 1000), FIRST_CHANGE_DELAY_MS);
  });

  it('while changes come less than the typing delay apart, a change waits for the typing to stop', () => {
    assert.strictEqual(VALIDATION_DELAY_MS, 150);
    assert.strictEqual(changeDelay(1000, 1000), VALIDATION_DELAY_MS);
    assert.strictEqual(changeDelay(1000, 1000 - VALIDATION_DELAY_MS + 1), VALIDATION_DELAY_MS);
  });
});
