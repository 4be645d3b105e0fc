/** Internal hyperlinks to a source cell: the target is the top-left cell of the range, or A1. */
import type { HyperlinkPlan } from './plan';
import { parseCell } from './a1-local';

export function targetCell(cell: string | null): string {
  if (cell === null) return 'A1';
  const first = cell.split(':')[0].replace(/\$/g, '').toUpperCase();
  return parseCell(first) ? first : 'A1';
}

export function linkTo(cell: string, sheet: string, sourceCell: string | null): HyperlinkPlan {
  const target = targetCell(sourceCell);
  return { cell, text: `${sheet}!${target}`, sheet, target, tooltip: `Go to ${sheet} ${target}` };
}
