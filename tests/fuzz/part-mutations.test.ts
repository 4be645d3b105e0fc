/**
 * Fuzz, part level (issue 12): 350 mutations of the bundled sample, each ending in a roll-up or a clear
 * message with every output check passing (tests/fuzz/harness.ts). Fixed seed; `npm run fuzz` runs more.
 */
import { partCase } from './arbitraries';
import { fuzz } from './fuzz-case';

jest.setTimeout(120_000);

it('350 part-level mutations of the sample: no crash, no hang, inputs untouched, every output well-formed', async () => {
  const figures = await fuzz(partCase, 350, 34, 4);
  expect(figures.cases).toBe(350);
  expect(figures.rolledUp + figures.messages).toBe(350);
  // Damaged parts must sometimes be refused and sometimes (damage outside what is read) still roll up.
  expect(figures.messages).toBeGreaterThan(50);
  expect(figures.rolledUp).toBeGreaterThan(20);
});
