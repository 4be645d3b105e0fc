import fc from 'fast-check';
import { parseA1 } from '../../../src/core/a1';
import type { CellValue, Grid } from '../../../src/core/grid';
import { readProgram } from '../../../src/core/read';
import { appSheet, platformSheet, settings } from './helpers';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 3000000 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Task', 'Finish', 'Start', 'ID', 'Predecessors', 'Risk', 'Probability', 'PV', 'EV', 'Date', 'Project ID', 'Status Date', 'From Project', 'From Task', 'To Project', 'To Task'),
  fc.constantFrom('#N/A', '#REF!', 'n/a', 'TBD', '-', '03/04/2026', '2026-02-30', '15 Jan 2026', '50%', '$1,000', "'X':1SS+2d", '1;2;3', '1FS+', ':'),
);

const gridArb: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.string({ minLength: 1, maxLength: 8 }),
  values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
  hidden: fc.boolean(),
  origin: fc.record({ row: fc.nat(100), col: fc.nat(30) }),
});

/** Every issue's cell (or each end of its range) lies inside the grid it names. */
function assertIssuesInside(grids: Grid[], model: ReturnType<typeof readProgram>): void {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  for (const i of model.issues) {
    const g = bySheet.get(i.sheet);
    expect(g).toBeDefined();
    if (!g || i.cell === null) continue;
    for (const end of i.cell.split(':')) {
      const p = parseA1(end);
      expect(p).not.toBeNull();
      if (!p) continue;
      const o = g.origin ?? { row: 0, col: 0 };
      const r = p.row - o.row;
      const c = p.col - o.col;
      expect(r >= 0 && r < g.values.length).toBe(true);
      expect(c >= 0 && c < Math.max(1, ...g.values.map((row) => row.length))).toBe(true);
    }
  }
}

function assertAccounted(grids: Grid[], model: ReturnType<typeof readProgram>): void {
  for (const g of grids) {
    const asProject = model.projects.some((p) => p.sheet === g.sheet);
    const asSkip = model.skipped.some((s) => s.sheet === g.sheet && s.reason.length > 0);
    expect(asProject || asSkip).toBe(true);
  }
}

describe('reader properties', () => {
  test('random grids never throw, every sheet is a project or skipped with a reason, issues lie inside', () => {
    fc.assert(
      fc.property(fc.uniqueArray(gridArb, { selector: (g) => g.sheet, maxLength: 4 }), fc.boolean(), fc.constantFrom<'MDY' | 'DMY'>('MDY', 'DMY'), (grids, date1904, dateOrder) => {
        const model = readProgram({ grids, date1904 }, settings({ dateOrder }));
        assertAccounted(grids, model);
        assertIssuesInside(grids, model);
      }),
      { numRuns: 300 },
    );
  });

  test('random mutations of valid sheets never throw and keep the invariants', () => {
    const mutation = fc.record({ sheetIndex: fc.nat(1), row: fc.nat(20), col: fc.nat(14), value: cell, op: fc.constantFrom('set', 'deleteRow', 'insertRow', 'truncate') });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 12 }), (mutations) => {
        const grids = [platformSheet(), appSheet()];
        for (const m of mutations) {
          const values = grids[m.sheetIndex].values;
          const r = m.row % Math.max(1, values.length);
          if (m.op === 'set') {
            if (!values[r]) values[r] = [];
            values[r][m.col] = m.value;
          } else if (m.op === 'deleteRow') values.splice(r, 1);
          else if (m.op === 'insertRow') values.splice(r, 0, [m.value]);
          else if (values[r]) values[r] = values[r].slice(0, m.col);
        }
        const model = readProgram({ grids }, settings());
        assertAccounted(grids, model);
        assertIssuesInside(grids, model);
        for (const p of model.projects) {
          const keys = p.tasks.map((t) => t.key);
          expect(new Set(keys).size).toBe(keys.length);
          for (const t of p.tasks) if (t.percentComplete !== null) expect(t.percentComplete >= 0 && t.percentComplete <= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
