/**
 * Pins the reader's exact output on the messy fixture: every issue (severity, code, sheet, cell, message) in
 * the order it is raised, and the cell every task and predecessor points back to. messy.test.ts checks the
 * same issues as a sorted set; this guards the byte-for-byte wording, order and addresses, so work on how
 * the reader builds addresses or messages (for speed, say) cannot change what users see.
 * messy-issues.json was written from the reader's output when this test was added.
 */
import * as path from 'path';
import { readProgram } from '../../../src/core/read';
import { settings } from './helpers';
import { loadGrids } from './load-xlsx';
import expected from './messy-issues.json';

test('messy fixture: issues in order with their exact cells and messages, and task / predecessor cells', async () => {
  const model = readProgram({ grids: await loadGrids(path.join(__dirname, '../../fixtures/messy/messy-program.xlsx')) }, settings());
  expect(model.issues).toEqual(expected.issues);
  const cells = model.projects.flatMap((p) => p.tasks.map((t) => [t.key, t.source.cell, ...t.predecessors.map((d) => `${d.project}:${d.task}@${d.source.cell}`)].join(' ')));
  expect(cells).toEqual(expected.cells);
});
