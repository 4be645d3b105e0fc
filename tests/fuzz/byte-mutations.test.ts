/**
 * Fuzz, byte level (issue 12): 400 mutations of the bundled sample, each ending in a roll-up or a clear
 * message with every output check passing (tests/fuzz/harness.ts). Fixed seed; `npm run fuzz` runs more.
 */
import { byteCase } from './arbitraries';
import { fuzz } from './fuzz-case';

jest.setTimeout(120_000);

it('400 byte-level mutations of the sample: no crash, no hang, inputs untouched, every output well-formed', async () => {
  const figures = await fuzz(byteCase, 400, 56, 8);
  expect(figures.cases).toBe(400);
  expect(figures.rolledUp + figures.messages).toBe(400);
  // Most byte damage is refused with a message (checksums); damage in parts the roll-up does not read is not.
  expect(figures.messages).toBeGreaterThan(300);
  expect(figures.rolledUp).toBeGreaterThan(0);
});
