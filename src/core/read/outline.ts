/**
 * Summary rows: a phase's dates, budget and progress repeat those of the tasks below it, so counting it as a
 * task double-counts. The evidence, strongest first: a Summary column; an Outline Level column; WBS codes
 * ("1" above "1.1"); indentation of the task name; and, with none of these, a row whose dates span exactly
 * the rows below it (the =MIN/=MAX of a template's phase row). Section headings (a row with only a name)
 * group the rows below them too. Summary rows become phases: named in the output, never summed.
 *
 * Links follow MS Project: a link to a summary is a link to each of its tasks, and a summary's own
 * predecessors hold each of its tasks.
 */
import type { LinkRef, Phase, Task } from '../model';
import type { SheetContext } from './context';

export type RowShape =
  | { kind: 'heading'; r: number; name: string; seq: number }
  | { kind: 'task'; r: number; task: Task; code: string | null; level: number | null; summary: boolean | null; indent: number };

type TaskShape = Extract<RowShape, { kind: 'task' }>;

export interface Outline {
  phases: Phase[];
  /** IDs of the task rows that are summaries (they leave the task list). */
  summaryIds: Set<string>;
}

type Mode = 'flag' | 'level' | 'code' | 'indent' | 'span';

const MODE_NOTES: Record<Mode, string> = {
  flag: 'the Summary column',
  level: 'the Outline Level column',
  code: 'the WBS codes (1 above 1.1)',
  indent: 'the indentation of the task names',
  span: 'rows whose dates span exactly the rows below them',
};

function modeOf(items: readonly TaskShape[], spans: boolean): Mode | null {
  // One pass, no intermediate lists: this runs on every table.
  const n = items.length;
  let flagged = false;
  let levels = 0;
  let firstLevel: number | null = null;
  let levelsVary = false;
  let codes = 0;
  let dotted = false;
  const firstIndent = n > 0 ? items[0].indent : 0;
  let indentsVary = false;
  for (const t of items) {
    if (t.summary === true) flagged = true;
    if (t.level !== null) {
      levels++;
      if (firstLevel === null) firstLevel = t.level;
      else if (t.level !== firstLevel) levelsVary = true;
    }
    if (t.code !== null) {
      codes++;
      if (t.code.includes('.')) dotted = true;
    }
    if (t.indent !== firstIndent) indentsVary = true;
  }
  if (flagged) return 'flag';
  if (levels >= 0.8 * n && levelsVary) return 'level';
  if (codes >= 0.7 * n && dotted) return 'code';
  if (indentsVary) return 'indent';
  return spans ? 'span' : null;
}

/** Outline levels (1 = top) and summary flags of the task rows, by the strongest evidence the table has. */
function levelsOf(items: readonly TaskShape[], mode: Mode, headingAfter: readonly boolean[]): { level: number[]; summary: boolean[] } {
  const n = items.length;
  const level = new Array<number>(n).fill(1);
  const summary = new Array<boolean>(n).fill(false);
  if (mode === 'span') return spanLevels(items);
  const indents = [...new Set(items.map((t) => t.indent))].sort((a, b) => a - b);
  for (let i = 0; i < n; i++) {
    const t = items[i];
    if (mode === 'level' || (mode === 'flag' && t.level !== null)) level[i] = t.level ?? 1;
    else if (mode === 'code' || (mode === 'flag' && t.code !== null)) level[i] = t.code === null ? 1 : t.code.split('.').length;
    else if (mode === 'indent') level[i] = indents.indexOf(t.indent) + 1;
    else level[i] = t.summary === true ? 1 : 2;
  }
  for (let i = 0; i < n; i++) {
    if (mode === 'flag') summary[i] = items[i].summary === true;
    else if (mode === 'code') {
      // The next coded row decides: an uncoded milestone between a phase and its first task does not.
      const code = items[i].code;
      let j = i + 1;
      while (j < n && items[j].code === null) j++;
      const next = j < n ? items[j].code : null;
      summary[i] = code !== null && next !== null && next.startsWith(`${code}.`);
    } else summary[i] = i + 1 < n && level[i + 1] > level[i];
    // A section heading between a row and the next closes the row's group: it cannot be their summary.
    if (headingAfter[i] && mode !== 'flag') summary[i] = false;
    // A milestone is a point in time, never a group ("Meilenstein: …" among the phase rows).
    if (items[i].task.isMilestone && mode !== 'flag') summary[i] = false;
  }
  return { level, summary };
}

function spanLevels(items: readonly TaskShape[]): { level: number[]; summary: boolean[] } {
  const n = items.length;
  const level = new Array<number>(n).fill(1);
  const summary = new Array<boolean>(n).fill(false);
  const open: number[] = []; // index of the last row each open summary covers
  for (let i = 0; i < n; i++) {
    while (open.length > 0 && open[open.length - 1] < i) open.pop();
    level[i] = open.length + 1;
    const end = spanEnd(items, i);
    if (end !== null) {
      summary[i] = true;
      open.push(end);
    }
  }
  return { level, summary };
}

/** The last row of the block a row's dates span exactly (at least two rows), or null when it spans none. */
function spanEnd(items: readonly TaskShape[], i: number): number | null {
  const t = items[i].task;
  const s = t.start ?? t.baselineStart;
  const f = t.finish ?? t.baselineFinish;
  if (s === null || f === null || f <= s) return null;
  let minStart = Infinity;
  let maxFinish = -Infinity;
  let j = i + 1;
  for (; j < items.length; j++) {
    const u = items[j].task;
    const us = u.start ?? u.baselineStart;
    const uf = u.finish ?? u.baselineFinish;
    if (us === null || uf === null || us < s || uf > f) break;
    if (us < minStart) minStart = us;
    if (uf > maxFinish) maxFinish = uf;
  }
  return j - i - 1 >= 2 && minStart === s && maxFinish === f ? j - 1 : null;
}

function phaseOf(ctx: SheetContext, shape: RowShape, level: number): Phase {
  if (shape.kind === 'heading') {
    return {
      id: `row ${ctx.sheetRow(shape.r)}`, name: shape.name, level, row: ctx.sheetRow(shape.r),
      source: { sheet: ctx.sheet, cell: ctx.addr(shape.r, 0) },
      start: null, finish: null, baselineStart: null, baselineFinish: null, percentComplete: null, taskIds: [],
    };
  }
  const t = shape.task;
  return {
    id: t.id, name: t.name, level, row: t.row, source: t.source, start: t.start, finish: t.finish,
    baselineStart: t.baselineStart, baselineFinish: t.baselineFinish, percentComplete: t.percentComplete, taskIds: [],
  };
}

/**
 * `spans`: whether dates alone may make a summary. Not where the outline is written by column: there the
 * columns already say which rows are groups, and a long task over short ones is just that. `levelsByColumn`:
 * the levels come from the column each name is written in, not from an Outline Level column (the note says so).
 */
export function buildOutline(
  ctx: SheetContext, shapes: readonly RowShape[], notes: string[], dropped: number[] = [], spans = true, levelsByColumn = false,
): Outline {
  const items = shapes.filter((s): s is TaskShape => s.kind === 'task');
  const summaryIds = new Set<string>();
  const phases: Phase[] = [];
  if (items.length === 0) return { phases, summaryIds };
  const mode = modeOf(items, spans);
  const headingAfter: boolean[] = [];
  shapes.forEach((s, i) => {
    if (s.kind === 'task') headingAfter.push(shapes[i + 1]?.kind === 'heading');
  });
  const { level, summary } = mode === null ? { level: items.map(() => 1), summary: items.map(() => false) } : levelsOf(items, mode, headingAfter);
  const hasHeadings = shapes.some((s) => s.kind === 'heading');
  // Only outline codes that are outline codes: plain numbers ("12") say nothing a task ID does not.
  if (mode === 'code' || items.some((t) => t.code !== null && t.code.includes('.'))) for (const t of items) if (t.code !== null) t.task.outline = t.code;

  // Walk the rows once with a stack of open phases; every task is added to each phase above it.
  const stack: { phase: Phase; level: number }[] = [];
  const byId = new Map<string, Phase>();
  let k = 0;
  let previous: RowShape['kind'] | null = null;
  for (const shape of shapes) {
    if (shape.kind === 'heading') {
      // A heading right under another heading is a sub-section of it; otherwise it starts a new section.
      if (previous !== 'heading') stack.length = 0;
      const phase = phaseOf(ctx, shape, stack.length + 1);
      phases.push(phase);
      stack.push({ phase, level: 0 });
      previous = 'heading';
      continue;
    }
    previous = 'task';
    const i = k++;
    const lv = level[i];
    // A milestone among the phase rows neither closes the phase above it nor opens one.
    if (shape.task.isMilestone && !summary[i]) {
      const top = stack[stack.length - 1];
      if (top !== undefined && (top.level < lv || top.level === 0)) shape.task.parent = top.phase.id;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1].level >= lv && stack[stack.length - 1].level > 0) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1].phase : null;
    if (summary[i]) {
      const phase = phaseOf(ctx, shape, lv + (hasHeadings ? 1 : 0));
      phases.push(phase);
      byId.set(phase.id, phase);
      summaryIds.add(shape.task.id);
      if (parent !== null) shape.task.parent = parent.id;
      stack.push({ phase, level: lv });
      continue;
    }
    if (parent !== null) shape.task.parent = parent.id;
    for (const open of stack) open.phase.taskIds.push(shape.task.id);
  }
  if (summaryIds.size > 0) {
    notes.push(`${summaryIds.size} summary row${summaryIds.size === 1 ? '' : 's'} found by ${mode === null ? '' : mode === 'level' && levelsByColumn ? 'the column each name is written in' : MODE_NOTES[mode]}: named as phases, kept out of counts, sums and earned value.`);
    moveSummaryLinks(items, summaryIds, byId);
  }
  // Lines of text with no task under them (a drop-down list under the table, notes) are no phases.
  const kept = phases.filter((p) => p.taskIds.length > 0 || p.start !== null || p.finish !== null);
  for (const p of phases) if (!kept.includes(p)) dropped.push(p.row);
  if (kept.some((p) => p.id.startsWith('row '))) notes.push('Rows with only a name are read as section headings (phases), not tasks.');
  return { phases: kept, summaryIds };
}

/** Links to a summary become links to each of its tasks; a summary's own predecessors hold each of its tasks. */
function moveSummaryLinks(items: readonly TaskShape[], summaryIds: ReadonlySet<string>, byId: ReadonlyMap<string, Phase>): void {
  const own = items[0].task.projectId;
  const expand = (links: readonly LinkRef[]): LinkRef[] => {
    const out: LinkRef[] = [];
    for (const l of links) {
      const phase = l.project === own && summaryIds.has(l.task) ? byId.get(l.task) : undefined;
      if (phase === undefined) out.push(l);
      else for (const id of phase.taskIds) out.push({ ...l, task: id });
    }
    return out;
  };
  const tasks = new Map(items.map((t) => [t.task.id, t.task]));
  for (const { task } of items) {
    if (!summaryIds.has(task.id) || task.predecessors.length === 0) continue;
    const inherited = expand(task.predecessors);
    for (const id of byId.get(task.id)?.taskIds ?? []) {
      const child = tasks.get(id);
      if (child === undefined) continue;
      const have = new Set(child.predecessors.map((p) => `${p.project}:${p.task}`));
      for (const l of inherited) if (l.task !== child.id && !have.has(`${l.project}:${l.task}`)) child.predecessors.push(l);
    }
  }
  for (const { task } of items) {
    if (summaryIds.has(task.id)) continue;
    if (task.predecessors.some((l) => l.project === own && summaryIds.has(l.task))) task.predecessors = expand(task.predecessors).filter((l) => l.task !== task.id || l.project !== own);
  }
}
