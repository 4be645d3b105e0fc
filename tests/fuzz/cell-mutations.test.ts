/**
 * Fuzz, cell level (issue 12): 300 mutations of the bundled sample, each ending in a roll-up or a clear
 * message with every output check passing (tests/fuzz/harness.ts). Fixed seed; `npm run fuzz` runs more.
 */
import { cellCase } from './arbitraries';
import { fuzz } from './fuzz-case';

jest.setTimeout(120_000);

it('300 cell-level mutations of the sample: no crash, no hang, inputs untouched, every output well-formed', async () => {
  const figures = await fuzz(cellCase, 300, 12, 8);
  expect(figures.cases).toBe(300);
  expect(figures.rolledUp + figures.messages).toBe(300);
  // Cell values never stop a roll-up: every case must roll up.
  expect(figures.rolledUp).toBe(300);
});
