import { buildWorkbookPlan, PROGRAM_HISTORY_ID } from '../../../src/core/report';
import type { SheetPlan, WorkbookPlan } from '../../../src/core/report/plan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { RollupResult } from '../../../src/core/result';
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
    const p = buildWorkbookPlan(SAMPLE_RESULT, { ...DEFAULT_SETTINGS, outputNames: names });
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
