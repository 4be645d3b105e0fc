/**
 * Fuzz, byte level (issue 12): 450 mutations of the bundled sample, each ending in a roll-up or a clear
 * message with every output check passing (tests/fuzz/harness.ts). Fixed seed; `npm run fuzz` runs more.
 */
import { byteCase } from './arbitraries';
import { fuzz } from './fuzz-case';

jest.setTimeout(120_000);

it('450 byte-level mutations of the sample: no crash, no hang, inputs untouched, every output well-formed', async () => {
  const figures = await fuzz(byteCase, 450, 56, 8);
  expect(figures.cases).toBe(450);
  expect(figures.rolledUp + figures.messages).toBe(450);
  // Most byte damage is refused with a message (checksums); damage in parts the roll-up does not read is not.
  expect(figures.messages).toBeGreaterThan(350);
  expect(figures.rolledUp).toBeGreaterThan(0);
});
