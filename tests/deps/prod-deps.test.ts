/**
 * Issue 12: `npm audit` cannot reach its service here. This offline check keeps the reviewed state of the
 * production tree: the unmaintained packages we know of come only through ExcelJS (used only to write the
 * summary workbook), so a new dependent, or a new unmaintained package, fails until it is reviewed.
 */
import { productionTree, unmaintained, UNMAINTAINED } from './prod-tree';

describe('production dependencies, offline (npm audit needs a network)', () => {
  const tree = productionTree();
  it('reads the production tree from package-lock.json (ExcelJS and its dependencies included)', () => {
    expect(tree.find((p) => p.name === 'exceljs')?.via).toEqual(['exceljs']);
    expect(tree.find((p) => p.name === 'jszip')?.via).toEqual(['exceljs', 'jszip']);
    // Dev-only packages are not production dependencies.
    expect(tree.some((p) => p.name === 'jest' || p.name === 'fast-check')).toBe(false);
  });
  it('the known unmaintained packages come only through ExcelJS', () => {
    const found = unmaintained(tree);
    expect(found.map((p) => `${p.name}@${p.version.split('.')[0]}`).sort()).toEqual(Object.keys(UNMAINTAINED).sort());
    for (const p of found) expect(p.via).toEqual(['exceljs']);
  });
});
