/** EVM and Earned Schedule against the published pmcontrols cases, the sprints case, and edge cases. */
import { readFileSync } from 'fs';
import { evmIndices } from '../../../src/core/analyze/evm';
import { earnedSchedule, earnedScheduleX, pvAt } from '../../../src/core/analyze/earned-schedule';
import { analyzeProgram } from '../../../src/core/analyze';
import { d, link, model, project, settings, task, NOW } from './fixtures';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../../reference';

interface EvmCase {
  id: string;
  method: string;
  inputs: { periods: number[]; pv: number[]; ev: number; ac?: number; at?: number };
  expected: Record<string, number>;
  tol?: number;
}
const cases = (JSON.parse(readFileSync(join(REFERENCE_DIR, 'pmcontrols/validation_cases.json'), 'utf8')).cases as EvmCase[]);

/** Tolerance as published: absolute for the hand cases, 5e-3 relative-ish for the rounded ProjectEngineer figures. */
function close(actual: number | null, expected: number, tol: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.max(tol, 1e-9) * Math.max(1, Math.abs(expected)));
}

describe('pmcontrols EVM cases', () => {
  const evm = cases.filter((c) => c.method === 'evm');
  it('has the six published EVM cases', () => expect(evm.length).toBe(6));
  it.each(evm.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const curve = { x: c.inputs.periods, pv: c.inputs.pv };
    const bac = c.inputs.pv[c.inputs.pv.length - 1];
    const at = c.inputs.at as number;
    const pv = pvAt(curve, at);
    const reasons: Record<string, string> = {};
    const r = evmIndices({ bac, pv, ev: c.inputs.ev, ac: c.inputs.ac as number }, reasons);
    const es = earnedSchedule(curve, c.inputs.ev, at, reasons);
    const got: Record<string, number | null> = {
      pv, cv: r.cv, sv: r.sv, cpi: r.cpi, spi: r.spi, eac_cpi: r.eac, eac_typical: r.eacAtBudgetRate, etc: r.etc,
      tcpi_bac: r.tcpi, vac: r.vac, es: es.es, sv_t: es.svt, spi_t: es.spit, ieac_t: es.ieac,
    };
    for (const [k, v] of Object.entries(c.expected)) close(got[k], v, c.tol ?? 1e-9);
  });
});

describe('pmcontrols Earned Schedule interpolation cases', () => {
  const es = cases.filter((c) => c.method === 'earned_schedule');
  it.each(es.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    close(earnedScheduleX({ x: c.inputs.periods, pv: c.inputs.pv }, c.inputs.ev), c.expected.es, c.tol ?? 1e-12);
  });
});

describe('sprints EVM case (month 7)', () => {
  it('gives the published PV 3000, EV 2400, AC 2700, CV -300, SPI 0.8, CPI 0.89, EAC ≈ 4160', () => {
    const lines = readFileSync(join(REFERENCE_DIR, 'textbook/sprints_evm_case.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    // One month = one working day on a calendar without weekends; the baseline is the early-start schedule.
    const day0 = d('2024-01-01');
    const rows = lines.map((l) => {
      const [id, , preds, months, budget, progress, ac] = l.split(',');
      return { id, preds: preds ? preds.split(' ') : [], months: Number(months), budget: Number(budget), progress: Number(progress), ac: Number(ac) };
    });
    const start = new Map<string, number>();
    for (const r of rows) start.set(r.id, Math.max(day0, ...r.preds.map((p) => (start.get(p) as number) + (rows.find((x) => x.id === p)?.months ?? 0))));
    const tasks = rows.map((r) => {
      const s = start.get(r.id) as number;
      return task('SPR', r.id, {
        baselineStart: s, baselineFinish: s + r.months - 1, start: s, finish: s + r.months - 1, budget: r.budget * 1000,
        percentComplete: r.progress, actualCost: r.ac * 1000, predecessors: r.preds.map((p) => link('SPR', p)),
      });
    });
    const res = analyzeProgram(model([project('SPR', tasks)]), settings({ weekendDays: [], statusDate: '2024-01-07' }), NOW);
    const p = res.program;
    expect(p.pv).toBeCloseTo(3_000_000, 6);
    expect(Math.abs((p.ev as number) - 2_400_000)).toBeLessThan(1000); // 0.333 × 1200k rounds to 400k in the source
    expect(p.ac).toBe(2_700_000);
    expect(Math.round((p.cv as number) / 1000)).toBe(-300);
    expect((p.spi as number).toFixed(2)).toBe('0.80');
    expect((p.cpi as number).toFixed(2)).toBe('0.89');
    expect(Math.abs((p.eac as number) - 4_160_000) / 4_160_000).toBeLessThan(0.002);
  });
});

describe('EVM edge cases have defined answers, never NaN or Infinity', () => {
  const noNaN = (o: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(o)) if (typeof v === 'number') expect([k, Number.isFinite(v)]).toEqual([k, true]);
  };
  it('PV = 0: SPI null with a reason', () => {
    const reasons: Record<string, string> = {};
    const r = evmIndices({ bac: 100, pv: 0, ev: 0, ac: 0 }, reasons);
    noNaN({ ...r });
    expect(r.spi).toBeNull();
    expect(reasons.spi).toMatch(/PV is 0/);
    expect(r.sv).toBe(0);
  });
  it('AC = 0: CPI, EAC, VAC null with reasons; TCPI still defined', () => {
    const reasons: Record<string, string> = {};
    const r = evmIndices({ bac: 100, pv: 50, ev: 40, ac: 0 }, reasons);
    noNaN({ ...r });
    expect(r.cpi).toBeNull();
    expect(reasons.cpi).toMatch(/AC is 0/);
    expect(r.eac).toBeNull();
    expect(reasons.eac).toBeDefined();
    expect(r.tcpi).toBeCloseTo(0.6, 12);
    expect(r.eacAtBudgetRate).toBe(60);
  });
  it('BAC − AC ≤ 0: TCPI null with the reason', () => {
    const reasons: Record<string, string> = {};
    const r = evmIndices({ bac: 100, pv: 100, ev: 80, ac: 120 }, reasons);
    expect(r.tcpi).toBeNull();
    expect(reasons.tcpi).toMatch(/BAC − AC ≤ 0/);
    expect(r.cpi).toBeCloseTo(80 / 120, 12);
  });
  it('EV = 0 with cost spent: CPI 0, EAC null rather than Infinity', () => {
    const reasons: Record<string, string> = {};
    const r = evmIndices({ bac: 100, pv: 20, ev: 0, ac: 10 }, reasons);
    expect(r.cpi).toBe(0);
    expect(r.eac).toBeNull();
    expect(r.eacCpiSpi).toBeNull();
    expect(reasons.eac).toMatch(/CPI is 0/);
  });
  it('no budget and no baseline: cost figures null with reasons, SPI from the forecast as plan (issue 10)', () => {
    const m = model([project('NB', [task('NB', '1', { start: d('2024-05-06'), finish: d('2024-05-10'), percentComplete: 0.5 })])]);
    const res = analyzeProgram(m, settings({ statusDate: '2024-05-08' }), NOW);
    const p = res.projects[0];
    for (const k of ['bac', 'cpi', 'eac', 'baselineStart', 'finishVarianceDays'] as const) {
      expect([k, p[k]]).toEqual([k, null]);
      expect(p.reasons[k]).toBeTruthy();
    }
    expect(p.evmBasis).toBe('duration-forecast-plan');
    expect(p.spi).toBeCloseTo(2.5 / 3, 12);
    expect(p.forecastFinish).toBe('2024-05-10');
    expect(p.health).toBe('red');
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
});
