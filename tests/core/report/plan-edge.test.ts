import { buildWorkbookPlan } from '../../../src/core/report';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { RollupResult } from '../../../src/core/result';
import { renderPlanToXlsx } from '../../../src/xlsx/write';
import { SAMPLE_PROJECTS, SAMPLE_RESULT } from '../../fixtures/result-sample';
import { rangeValues, splitRange } from './plan-helpers';

const empty: RollupResult = {
  ...SAMPLE_RESULT, projects: [], dependencies: [], criticalPath: [], cycles: [], topRisks: [], issues: [], history: [],
  heatMap: [], sources: [],
};

describe('plan edge cases', () => {
  it('builds and renders a roll-up with nothing in it', async () => {
    const plan = buildWorkbookPlan(empty, DEFAULT_SETTINGS);
    expect(plan.sheets).toHaveLength(5);
    const summary = plan.sheets[0];
    expect(summary.tables[0].range).toBe('A11:P12');
    expect(summary.blocks.some((b) => b.values.some((r) => r[0] === '(no projects)'))).toBe(true);
    expect(plan.sheets.find((s) => s.role === 'issues')!.tables).toHaveLength(0);
    // Nothing was written for a project or a link, so nothing is anchored (not even the "(no projects)" row).
    expect(Object.keys(plan.anchors.projects)).toEqual([]);
    expect(Object.keys(plan.anchors.dependencies)).toEqual([]);
    const buf = await renderPlanToXlsx(plan);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
  });

  it('uses one scatter series and keeps every chart range inside the table for 200 projects', () => {
    const projects = Array.from({ length: 200 }, (_, i) => ({ ...SAMPLE_PROJECTS[i % 5], id: `P${i}`, name: `Project ${i}` }));
    const plan = buildWorkbookPlan({ ...SAMPLE_RESULT, projects }, DEFAULT_SETTINGS);
    const summary = plan.sheets[0];
    const { r2 } = splitRange(summary.tables[0].range);
    expect(r2).toBe(11 + 200);
    const scatter = summary.charts.find((c) => c.id === 'spiCpi')!;
    expect(scatter.series.filter((s) => !s.lineOnly)).toHaveLength(1);
    expect(rangeValues(plan, scatter.series[0].values)).toHaveLength(200);
    const fv = summary.charts.find((c) => c.id === 'finishVariance')!;
    expect(rangeValues(plan, fv.series[0].categories!)).toEqual(projects.map((p) => p.id));
  });
});
