/**
 * Regression: the Milestone Trend drift colours covered the Forecast now column too, so every forecast date (a
 * large positive serial) was painted as a slip (seen on the LibreOffice rendering of the sample). Only the
 * slip column and the period columns are coloured.
 */
import { join } from 'node:path';
import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { readXlsxGrids } from '../../../src/xlsx/read';

it('colours the slip and period columns of the drift table, not the forecast dates', async () => {
  const { input } = await readXlsxGrids(join(__dirname, '..', '..', '..', 'examples', 'sample-program.xlsx'));
  const { plan } = rollup(input, DEFAULT_SETTINGS, new Date(Date.UTC(2026, 10, 14)));
  const trend = plan.sheets.find((s) => s.role === 'trend');
  const table = trend?.tables.find((t) => t.name === 'MilestoneTrend');
  const body = /^A(\d+):F(\d+)$/.exec(table?.range ?? '');
  expect(body).not.toBeNull();
  const [first, last] = [Number(body?.[1]) + 1, Number(body?.[2])];
  expect(trend?.conditionalFormats.map((c) => [c.range, c.rule])).toEqual([
    [`D${first}:D${last}`, { kind: 'expression', formula: `=AND(ISNUMBER(D${first}),D${first}>0)` }],
    [`D${first}:D${last}`, { kind: 'expression', formula: `=AND(ISNUMBER(D${first}),D${first}<0)` }],
    [`F${first}:F${last}`, { kind: 'expression', formula: `=AND(ISNUMBER(F${first}),F${first}>0)` }],
    [`F${first}:F${last}`, { kind: 'expression', formula: `=AND(ISNUMBER(F${first}),F${first}<0)` }],
  ]);
}, 60_000);
