import fc from 'fast-check';
import { anchorFor, buildWorkbookPlan, dependencyKeys, PROGRAM_HISTORY_ID } from '../../../src/core/report';
import type { PlanAnchor, PlanValue, SheetPlan, WorkbookPlan } from '../../../src/core/report/plan';
import { DEPENDENCY_COLUMNS } from '../../../src/core/report/dependencies-sheet';
import type { DependencyResult, RollupResult } from '../../../src/core/result';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { isoToSerial } from '../../../src/core/calendar';
import { SAMPLE_RESULT } from '../../fixtures/result-sample';
import { rangeValues, splitRange, valueAt } from './plan-helpers';
import { cellA1, parseCell } from '../../../src/core/report/a1-local';

const plan = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
const sheet = (p: WorkbookPlan, role: SheetPlan['role']): SheetPlan => p.sheets.find((s) => s.role === role)!;
const summary = sheet(plan, 'summary');
const chart = (id: string) => summary.charts.find((c) => c.id === id)!;

describe('workbook plan', () => {
  it('names the five sheets from settings.outputNames', () => {
    const names = { summary: 'Résumé', dependencies: "Links 'x'", risks: 'R', issues: 'I', history: 'H' };
    const p = buildWorkbookPlan(SAMPLE_RESULT, { ...DEFAULT_SETTINGS, outputNames: { ...names, benefits: 'B', resources: 'P' } });
    // The sample result has no benefits and names no people: their sheets are not written.
    expect(p.sheets.map((s) => [s.role, s.name])).toEqual(Object.entries(names));
    // Chart ranges follow the renamed sheet, with the quote doubled.
    expect(sheet(p, 'summary').charts[0].series[0].values.startsWith("'Résumé'!")).toBe(true);
    expect(p.activeSheet).toBe('summary');
  });

  it('lists one table row per project with the result values', () => {
    const t = summary.tables[0];
    const { r1, r2, c2 } = splitRange(t.range);
    expect(r2 - r1).toBe(SAMPLE_RESULT.projects.length);
    expect(c2).toBe(15);
    SAMPLE_RESULT.projects.forEach((p, i) => {
      const r = r1 + 1 + i;
      expect(valueAt(summary, `A${r}`)).toBe(p.id);
      expect(valueAt(summary, `B${r}`)).toBe(p.name);
      expect(valueAt(summary, `I${r}`)).toBe(p.spi);
      expect(valueAt(summary, `G${r}`)).toBe(p.forecastFinish === null ? null : isoToSerial(p.forecastFinish));
    });
    expect(summary.freeze).toEqual({ rows: r1, columns: 2 });
  });

  it('points the bar and column charts at the project IDs and the right value column', () => {
    const fv = chart('finishVariance');
    expect(fv.kind).toBe('barClustered');
    expect(rangeValues(plan, fv.series[0].categories!)).toEqual(SAMPLE_RESULT.projects.map((p) => p.id));
    expect(rangeValues(plan, fv.series[0].values)).toEqual(SAMPLE_RESULT.projects.map((p) => p.finishVarianceDays));
    const ex = chart('riskExposure');
    expect(ex.kind).toBe('columnClustered');
    expect(rangeValues(plan, ex.series[0].values)).toEqual(SAMPLE_RESULT.projects.map((p) => p.riskExposure));
  });

  it('plots each project at (SPI, CPI) and draws the 1.0 lines across the axis range', () => {
    const sc = chart('spiCpi');
    expect(sc.kind).toBe('scatter');
    const points = sc.series.filter((s) => !s.lineOnly);
    expect(points.map((s) => s.name)).toEqual(SAMPLE_RESULT.projects.map((p) => p.id));
    points.forEach((s, i) => {
      expect(rangeValues(plan, s.categories!)).toEqual([SAMPLE_RESULT.projects[i].spi]);
      expect(rangeValues(plan, s.values)).toEqual([SAMPLE_RESULT.projects[i].cpi]);
    });
    const [spiLine, cpiLine] = sc.series.filter((s) => s.lineOnly);
    expect(rangeValues(plan, spiLine.categories!)).toEqual([1, 1]);
    expect(rangeValues(plan, spiLine.values)).toEqual([sc.valueAxis!.min, sc.valueAxis!.max]);
    expect(rangeValues(plan, cpiLine.values)).toEqual([1, 1]);
    const all = SAMPLE_RESULT.projects.flatMap((p) => [p.spi, p.cpi]).filter((v): v is number => v !== null);
    expect(sc.categoryAxis!.min!).toBeLessThanOrEqual(Math.min(...all));
    expect(sc.categoryAxis!.max!).toBeGreaterThanOrEqual(Math.max(...all));
  });

  it('builds the Gantt from an invisible start series and baseline/forecast durations', () => {
    const g = chart('timeline');
    expect(g.kind).toBe('barStacked');
    expect(g.series[0].invisible).toBe(true);
    const starts = rangeValues(plan, g.series[0].values);
    const base = rangeValues(plan, g.series[1].values);
    const fc = rangeValues(plan, g.series[2].values);
    SAMPLE_RESULT.projects.forEach((p, i) => {
      const bs = isoToSerial(p.baselineStart!)!;
      expect(starts[2 * i]).toBe(bs);
      expect((starts[2 * i] as number) + (base[2 * i] as number)).toBe(isoToSerial(p.baselineFinish!));
      if (p.forecastFinish) expect((starts[2 * i + 1] as number) + (fc[2 * i + 1] as number)).toBe(isoToSerial(p.forecastFinish));
      else expect(fc[2 * i + 1]).toBeNull();
    });
    expect(g.valueAxis!.min!).toBeLessThanOrEqual(Math.min(...(starts as number[])));
  });

  it('draws the program trend from history plus this roll-up, only with two or more roll-ups', () => {
    const t = chart('trend');
    expect(t.kind).toBe('lineMarkers');
    expect(rangeValues(plan, t.series[0].values)).toEqual([0.97, 0.94, SAMPLE_RESULT.program.spi]);
    expect(rangeValues(plan, t.series[0].categories!)).toEqual(['2026-02-27', '2026-03-13', '2026-03-31'].map(isoToSerial));
    const noHistory = buildWorkbookPlan({ ...SAMPLE_RESULT, history: [] }, DEFAULT_SETTINGS);
    expect(sheet(noHistory, 'summary').charts.map((c) => c.id)).toEqual(['finishVariance', 'spiCpi', 'riskExposure', 'timeline']);
  });

  it('puts charts below the table, side by side, without overlapping one another', () => {
    const tableEnd = splitRange(summary.tables[0].range).r2;
    const boxes = summary.charts.map((c) => ({ ...splitRange(`${c.from}:${c.to}`) }));
    for (const b of boxes) expect(b.r1).toBeGreaterThan(tableEnd);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
        expect(overlap).toBe(false);
      }
  });

  it('covers every data row of the RAG columns with conditional formats', () => {
    const { r1, r2 } = splitRange(summary.tables[0].range);
    for (const col of ['D', 'H', 'I', 'J', 'K']) {
      const rules = summary.conditionalFormats.filter((f) => f.range === `${col}${r1 + 1}:${col}${r2}`);
      expect(rules.length).toBeGreaterThanOrEqual(2);
    }
    const priorities = summary.conditionalFormats.map((f) => f.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    // Index rules use the configured thresholds.
    const spiRules = summary.conditionalFormats.filter((f) => f.range.startsWith(`I${r1 + 1}`));
    expect(JSON.stringify(spiRules)).toContain(String(DEFAULT_SETTINGS.health.indexAmber));
  });

  it('links every issue, dependency and risk to an existing sheet and a real cell', () => {
    const known = new Set([...SAMPLE_RESULT.sources.map((s) => s.sheet), 'Dependencies', ...plan.sheets.map((s) => s.name)]);
    const issues = sheet(plan, 'issues');
    expect(issues.hyperlinks).toHaveLength(SAMPLE_RESULT.issues.length);
    for (const s of plan.sheets)
      for (const h of s.hyperlinks) {
        expect(known.has(h.sheet)).toBe(true);
        expect(parseCell(h.target)).not.toBeNull();
        expect(valueAt(s, h.cell)).toBe(h.text);
      }
    const notes = issues.hyperlinks.find((h) => h.sheet === 'Notes')!;
    expect(notes.target).toBe('A1');
    // Errors come first.
    expect(valueAt(issues, 'A5')).toBe('error');
  });

  it('writes hostile text as plain strings, never as formulas', () => {
    const strings: string[] = [];
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const row of b.values)
          for (const v of row) {
            expect(typeof v === 'object' && v !== null).toBe(false);
            if (typeof v === 'string') strings.push(v);
          }
    expect(strings).toEqual(expect.arrayContaining(['=HYPERLINK("x")', '+1', '=1+1', '@x runbooks']));
  });

  it('keeps rectangular blocks', () => {
    for (const s of plan.sheets) for (const b of s.blocks) expect(new Set(b.values.map((r) => r.length)).size).toBe(1);
  });

  it('shows the 5 x 5 heat map counts with impact 5 on top', () => {
    const risks = sheet(plan, 'risks');
    const header = risks.blocks.find((b) => b.values[0][0] === 'Impact \\ Probability')!;
    const origin = parseCell(header.address)!;
    for (let impact = 5; impact >= 1; impact--) {
      expect(valueAt(risks, cellA1(origin.row + 6 - impact, origin.col))).toMatch(new RegExp(`^${impact} `));
      for (let p = 1; p <= 5; p++) expect(valueAt(risks, cellA1(origin.row + 6 - impact, origin.col + p))).toBe(SAMPLE_RESULT.heatMap[impact - 1][p - 1]);
    }
    const topRisks = risks.tables[0];
    expect(splitRange(topRisks.range).r2 - splitRange(topRisks.range).r1).toBe(SAMPLE_RESULT.topRisks.length);
  });
});

describe('plan anchors', () => {
  /** The value in the anchor's cell, read from the plan's blocks like a spreadsheet would. */
  const at = (p: WorkbookPlan, a: PlanAnchor): PlanValue | undefined => valueAt(sheet(p, a.role), a.cell);
  /** The whole dependencies-sheet row an anchor points at, by column heading. */
  const linkRow = (p: WorkbookPlan, a: PlanAnchor): Record<string, PlanValue | undefined> => {
    const { row } = parseCell(a.cell)!;
    return Object.fromEntries(DEPENDENCY_COLUMNS.map((h, c) => [h, valueAt(sheet(p, a.role), cellA1(row, c))]));
  };

  it('anchors every project at the ID cell of its row in the summary table', () => {
    const { r1, r2 } = splitRange(summary.tables[0].range);
    expect(Object.keys(plan.anchors.projects)).toEqual(SAMPLE_RESULT.projects.map((p) => p.id));
    for (const p of SAMPLE_RESULT.projects) {
      const a = anchorFor(plan.anchors.projects, p.id)!;
      expect(a.role).toBe('summary');
      expect(at(plan, a)).toBe(p.id);
      const { row, col } = parseCell(a.cell)!;
      expect(col).toBe(0);
      expect(row).toBeGreaterThan(r1);
      expect(row).toBeLessThanOrEqual(r2);
      expect(valueAt(summary, cellA1(row, 1))).toBe(p.name);
    }
  });

  it('anchors every link at the From cell of its row on the dependencies sheet', () => {
    const keys = dependencyKeys(SAMPLE_RESULT.dependencies);
    expect(Object.keys(plan.anchors.dependencies).sort()).toEqual([...keys].sort());
    SAMPLE_RESULT.dependencies.forEach((d, i) => {
      const a = anchorFor(plan.anchors.dependencies, keys[i])!;
      expect(a.role).toBe('dependencies');
      expect(at(plan, a)).toBe(d.from);
      expect(linkRow(plan, a)).toMatchObject({ To: d.to, Type: d.type, Source: `${d.sheet}!${d.cell}` });
    });
  });

  it('gives a link listed twice (a PM cell and the register) its own key and its own row each time', () => {
    const first = SAMPLE_RESULT.dependencies[0];
    const again: DependencyResult = { ...first, origin: 'register', sheet: 'Dependencies', cell: 'A9' };
    const third: DependencyResult = { ...first, cell: 'H7' };
    const dependencies = [first, ...SAMPLE_RESULT.dependencies.slice(1), again, third];
    const p = buildWorkbookPlan({ ...SAMPLE_RESULT, dependencies }, DEFAULT_SETTINGS);
    const keys = dependencyKeys(dependencies);
    expect(keys[0]).toBe('PLAT:12->APP:4:FS');
    expect(keys.slice(-2)).toEqual(['PLAT:12->APP:4:FS#2', 'PLAT:12->APP:4:FS#3']);
    expect(new Set(keys).size).toBe(keys.length);
    const cells = dependencies.map((d, i) => {
      const a = anchorFor(p.anchors.dependencies, keys[i])!;
      expect(linkRow(p, a)).toMatchObject({ From: d.from, To: d.to, Source: `${d.sheet}!${d.cell}` });
      return a.cell;
    });
    expect(new Set(cells).size).toBe(dependencies.length);
  });

  it('never finds an anchor through the object prototype, even after a JSON round trip', () => {
    const projects = SAMPLE_RESULT.projects.slice(0, 3).map((p, i) => ({ ...p, id: ['__proto__', 'constructor', 'toString'][i] }));
    const p = buildWorkbookPlan({ ...SAMPLE_RESULT, projects }, DEFAULT_SETTINGS);
    const sent = JSON.parse(JSON.stringify(p.anchors)) as WorkbookPlan['anchors'];
    for (const anchors of [p.anchors, sent]) {
      for (const proj of projects) expect(at(p, anchorFor(anchors.projects, proj.id)!)).toBe(proj.id);
      expect(anchorFor(anchors.projects, 'hasOwnProperty')).toBeNull();
      expect(anchorFor(anchors.dependencies, 'constructor')).toBeNull();
    }
    expect(anchorFor(plan.anchors.projects, '__proto__')).toBeNull();
  });

  it('points every anchor at its own ID for any mix of projects and repeated links', () => {
    const id = fc.constantFrom('A', 'B', 'C', 'a', '=x', '__proto__');
    const link = fc.record({ from: id, to: id, type: fc.constantFrom('FS', 'SS', 'FF', 'SF') as fc.Arbitrary<DependencyResult['type']> });
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 5 }), fc.array(link, { maxLength: 12 }), (ids, links) => {
        const projects = ids.map((pid, i) => ({ ...SAMPLE_RESULT.projects[i % SAMPLE_RESULT.projects.length], id: pid }));
        const dependencies = links.map((l, i) => ({ ...SAMPLE_RESULT.dependencies[i % SAMPLE_RESULT.dependencies.length], ...l, from: `${l.from}:1`, to: `${l.to}:2` }));
        const p = buildWorkbookPlan({ ...SAMPLE_RESULT, projects, dependencies }, DEFAULT_SETTINGS);
        for (const proj of projects) expect(at(p, anchorFor(p.anchors.projects, proj.id)!)).toBe(proj.id);
        const keys = dependencyKeys(dependencies);
        const rows = new Set<string>();
        dependencies.forEach((d, i) => {
          const a = anchorFor(p.anchors.dependencies, keys[i])!;
          expect(linkRow(p, a)).toMatchObject({ From: d.from, To: d.to, Type: d.type });
          rows.add(a.cell);
        });
        expect(rows.size).toBe(dependencies.length);
        expect(Object.keys(p.anchors.dependencies)).toHaveLength(dependencies.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('roll-up history', () => {
  const historyValues = (r: RollupResult): unknown[][] => sheet(buildWorkbookPlan(r, DEFAULT_SETTINGS), 'history').blocks.slice(2).flatMap((b) => b.values);

  it('keeps earlier rows verbatim and appends one row per project plus the program', () => {
    const rows = historyValues(SAMPLE_RESULT);
    expect(rows).toHaveLength(SAMPLE_RESULT.history.length + SAMPLE_RESULT.projects.length + 1);
    expect(rows[0][0]).toBe(SAMPLE_RESULT.history[0].rollupAt);
    expect(rows[rows.length - 1][2]).toBe(PROGRAM_HISTORY_ID);
  });

  it('replaces only its own rows when run again for the same status date', () => {
    const first = historyValues(SAMPLE_RESULT);
    const sameDate = SAMPLE_RESULT.history.concat(
      SAMPLE_RESULT.projects.map((p) => ({ rollupAt: 'old', statusDate: SAMPLE_RESULT.statusDate, projectId: p.id, projectName: p.name, spi: 0, cpi: 0, svtDays: 0, finishVarianceDays: 0, riskExposure: 0, health: 'Gray' })),
      [{ rollupAt: 'other', statusDate: SAMPLE_RESULT.statusDate, projectId: 'GONE', projectName: 'Removed project', spi: 1, cpi: 1, svtDays: 0, finishVarianceDays: 0, riskExposure: 0, health: 'Green' }],
    );
    const again = historyValues({ ...SAMPLE_RESULT, history: sameDate });
    expect(again.filter((r) => r[0] === 'old')).toHaveLength(0);
    expect(again.filter((r) => r[2] === 'GONE')).toHaveLength(1);
    expect(again.filter((r) => r[0] !== 'other')).toEqual(first);
  });
});
