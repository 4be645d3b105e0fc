/**
 * Schedule-only earned value (issue 10): a project without any money weighs its tasks by baseline working
 * days; without a baseline, by the forecast dates as the plan. Oracles are worked by hand in the comments,
 * on a Monday–Friday calendar without holidays (2024-05-06 is a Monday).
 */
import fc from 'fast-check';
import { analyzeProgram } from '../../../src/core/analyze';
import { serialToIso as serialIso } from '../../../src/core/calendar';
import { NO_COST_REASON } from '../../../src/core/analyze';
import type { Task } from '../../../src/core/model';
import type { ProjectResult } from '../../../src/core/result';
import { d, model, project, settings, task, NOW } from './fixtures';

const COST_FIGURES = ['bac', 'ac', 'cv', 'cpi', 'eac', 'eacAtBudgetRate', 'eacCpiSpi', 'etc', 'vac', 'tcpi'] as const;

/** A task whose forecast equals its baseline (so the network leaves it where the PM put it). */
function planned(pid: string, id: string, from: string, to: string, pct: number | null, extra: Partial<Task> = {}): Task {
  return task(pid, id, {
    baselineStart: d(from), baselineFinish: d(to), start: d(from), finish: d(to), percentComplete: pct, ...extra,
  });
}

function expectNoCost(p: ProjectResult | import('../../../src/core/result').ProgramResult): void {
  for (const k of COST_FIGURES) {
    expect([k, p[k]]).toEqual([k, null]);
    expect([k, p.reasons[k]]).toEqual([k, NO_COST_REASON]);
  }
}

describe('duration-weighted earned value (no budget anywhere)', () => {
  it('3 sequential tasks of 5, 10 and 5 working days, status date at day 10: PV 10, EV 8, SPI 0.8, ES 8', () => {
    // Weights 5 / 10 / 5 = 20 working days. Status Fri 2024-05-17 = end of working day 10, so AT = 10.
    // PV = 5 (task 1 all) + 10 × 5/10 (task 2 half) = 10. EV = 5 × 100 % + 10 × 30 % = 8.
    // The PV curve rises 1 per working day, so ES = 8: SV(t) = −2, SPI(t) = 0.8, IEAC(t) = 20 / 0.8 = 25 days.
    const tasks = [
      planned('D', '1', '2024-05-06', '2024-05-10', 1),
      planned('D', '2', '2024-05-13', '2024-05-24', 0.3),
      planned('D', '3', '2024-05-27', '2024-05-31', 0),
    ];
    const res = analyzeProgram(model([project('D', tasks)]), settings({ statusDate: '2024-05-17' }), NOW);
    const p = res.projects[0];
    expect(p.evmBasis).toBe('duration');
    expect(p.bacWorkDays).toBe(20);
    expect(p.pv).toBeCloseTo(10, 12);
    expect(p.ev).toBeCloseTo(8, 12);
    expect(p.sv).toBeCloseTo(-2, 12);
    expect(p.spi).toBeCloseTo(0.8, 12);
    expect(p.percentComplete).toBeCloseTo(0.4, 12);
    expect(p.svtDays).toBeCloseTo(-2, 12);
    expect(p.spit).toBeCloseTo(0.8, 12);
    expect(p.esDate).toBe('2024-05-15'); // ES = 8 falls in working day 8, Wed 15 May
    expect(p.ieacDate).toBe('2024-06-07'); // working day 25 from Mon 6 May
    expectNoCost(p);
    expect(p.reasons.pv).toBeUndefined();
    expect(p.health).toBe('red');
    expect(p.healthReason).toBe('Red: SPI (duration-weighted) 0.80 < 0.90');
  });

  it('overlapping tasks: the PV curve steepens where two tasks run, and ES interpolates on it', () => {
    // 1: 6–10 May (5 d), 2: 13–24 May (10 d), 3: 20–24 May (5 d) overlapping task 2's second week.
    // Curve x→PV: 1..10 → 1..10, then 2 per day: x=11 → 12, x=12 → 14, x=13 → 16, x=15 → 20 (PD = 15).
    // Status Wed 22 May: AT = 13, PV = 5 + 8 + 3 = 16. EV = 5 + 0.95 × 10 + 0 = 14.5: SPI = 0.90625.
    // ES = 12 + (14.5 − 14)/(16 − 14) = 12.25: SV(t) = −0.75, SPI(t) = 12.25/13; IEAC(t) = 15 / SPI(t) = 15.92.
    const tasks = [
      planned('O', '1', '2024-05-06', '2024-05-10', 1),
      planned('O', '2', '2024-05-13', '2024-05-24', 0.95),
      planned('O', '3', '2024-05-20', '2024-05-24', 0),
    ];
    const p = analyzeProgram(model([project('O', tasks)]), settings({ statusDate: '2024-05-22' }), NOW).projects[0];
    expect(p.bacWorkDays).toBe(20);
    expect(p.pv).toBeCloseTo(16, 12);
    expect(p.ev).toBeCloseTo(14.5, 12);
    expect(p.spi).toBeCloseTo(0.90625, 12);
    expect(p.svtDays).toBeCloseTo(-0.75, 12);
    expect(p.spit).toBeCloseTo(12.25 / 13, 12);
    expect(p.esDate).toBe('2024-05-22'); // working day 13
    expect(p.ieacDate).toBe('2024-05-27'); // working day 16
    expect(p.health).toBe('amber');
  });

  it('a milestone weighs nothing and a one-day task weighs one day', () => {
    // Weights: 1-day task 1, milestone 0, 4-day task 4 → 5. Status Tue 7 May: AT = 2 (Mon, Tue).
    // PV = 1 (one-day task) + 1 (first day of the 4-day task) = 2; EV = 1 + 0.25 × 4 = 2 (the milestone's 100 % earns 0).
    const tasks = [
      planned('M', '1', '2024-05-06', '2024-05-06', 1),
      planned('M', '2', '2024-05-06', '2024-05-06', 1, { isMilestone: true }),
      planned('M', '3', '2024-05-07', '2024-05-10', 0.25),
    ];
    const p = analyzeProgram(model([project('M', tasks)]), settings({ statusDate: '2024-05-07' }), NOW).projects[0];
    expect(p.bacWorkDays).toBe(5);
    expect(p.pv).toBeCloseTo(2, 12);
    expect(p.ev).toBeCloseTo(2, 12);
    expect(p.spi).toBeCloseTo(1, 12);
  });

  it('actual costs without any budget are not set against working days: AC and CPI stay null', () => {
    const tasks = [planned('A', '1', '2024-05-06', '2024-05-10', 0.5, { actualCost: 9000 })];
    const p = analyzeProgram(model([project('A', tasks)]), settings({ statusDate: '2024-05-08' }), NOW).projects[0];
    expect(p.evmBasis).toBe('duration');
    expect(p.spi).toBeCloseTo(2.5 / 3, 12);
    expectNoCost(p);
  });
});

describe('no baseline at all: the forecast dates are the plan, and the result says so', () => {
  it('weighs the forecast working days; baseline and finish variance stay null with their reasons', () => {
    // One task Mon 6 – Fri 10 May (5 d), 50 % done; status Wed 8 May: AT = 3, PV = 3, EV = 2.5.
    // SPI = SPI(t) = 2.5/3, SV(t) = −0.5.
    const m = model([project('NB', [task('NB', '1', { start: d('2024-05-06'), finish: d('2024-05-10'), percentComplete: 0.5 })])]);
    const res = analyzeProgram(m, settings({ statusDate: '2024-05-08' }), NOW);
    const p = res.projects[0];
    expect(p.evmBasis).toBe('duration-forecast-plan');
    expect(p.bacWorkDays).toBe(5);
    expect(p.pv).toBeCloseTo(3, 12);
    expect(p.ev).toBeCloseTo(2.5, 12);
    expect(p.spi).toBeCloseTo(2.5 / 3, 12);
    expect(p.spit).toBeCloseTo(2.5 / 3, 12);
    expect(p.svtDays).toBeCloseTo(-0.5, 12);
    expect(p.esDate).toBe('2024-05-08');
    expectNoCost(p);
    for (const k of ['baselineStart', 'baselineFinish'] as const) {
      expect(p[k]).toBeNull();
      expect(p.reasons[k]).toBe('no baseline dates: the forecast dates are the plan');
    }
    expect(p.finishVarianceDays).toBeNull();
    expect(p.reasons.finishVarianceDays).toBeTruthy();
    expect(p.healthReason).toBe('Red: SPI (duration-weighted, forecast as plan) 0.83 < 0.90');
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
});

describe('projects with money keep their cost-based figures', () => {
  it('task budgets: basis cost, figures in money, no working-day BAC', () => {
    // Budgets 1000 / 3000 over 5 and 10 days; status day 10: PV = 1000 + 1500, EV = 1000 + 900.
    const tasks = [
      planned('C', '1', '2024-05-06', '2024-05-10', 1, { budget: 1000, actualCost: 1100 }),
      planned('C', '2', '2024-05-13', '2024-05-24', 0.3, { budget: 3000, actualCost: 1000 }),
    ];
    const p = analyzeProgram(model([project('C', tasks)]), settings({ statusDate: '2024-05-17' }), NOW).projects[0];
    expect(p.evmBasis).toBe('cost');
    expect(p.bac).toBe(4000);
    expect(p.bacWorkDays).toBeNull();
    expect(p.reasons.bacWorkDays).toBeTruthy();
    expect(p.pv).toBeCloseTo(2500, 9);
    expect(p.ev).toBeCloseTo(1900, 9);
    expect(p.ac).toBe(2100);
    expect(p.cpi).toBeCloseTo(1900 / 2100, 12);
    expect(p.healthReason).toMatch(/^Red: SPI 0\.76 < 0\.90$/);
  });

  it('a header budget alone is money too; a period table is its own basis', () => {
    const tasks = [planned('H', '1', '2024-05-06', '2024-05-10', 0.5)];
    const header = analyzeProgram(model([project('H', tasks, { budget: 5000 })]), settings({ statusDate: '2024-05-08' }), NOW).projects[0];
    expect(header.evmBasis).toBe('cost');
    expect(header.pv).toBeCloseTo(3000, 9);
    const periods = analyzeProgram(model([project('H', tasks, { evmPeriods: [{ date: d('2024-05-10'), pv: 100, ev: 80, ac: 90 }] })]),
      settings({ statusDate: '2024-05-10' }), NOW).projects[0];
    expect(periods.evmBasis).toBe('period-table');
    expect(periods.ev).toBeCloseTo(80, 9);
  });

  it('nothing to weigh (no money, no dates): basis null, gray, every null explained', () => {
    const m = model([project('Z', [task('Z', '1', { percentComplete: 0.5 })])]);
    const p = analyzeProgram(m, settings({ statusDate: '2024-05-08' }), NOW).projects[0];
    expect(p.evmBasis).toBeNull();
    for (const k of ['bac', 'pv', 'spi', 'cpi', 'spit', 'bacWorkDays'] as const) {
      expect([k, p[k]]).toEqual([k, null]);
      expect(p.reasons[k]).toBeTruthy();
    }
    expect(p.health).toBe('gray');
  });
});

describe('program earned value never sums money with working days', () => {
  const costTasks = [
    planned('C', '1', '2024-05-06', '2024-05-10', 1, { budget: 1000, actualCost: 1000 }),
    planned('C', '2', '2024-05-13', '2024-05-24', 0.5, { budget: 1000, actualCost: 500 }),
  ];
  const durTasks = (pid: string, pct: number): Task[] => [
    planned(pid, '1', '2024-05-06', '2024-05-10', pct),
    planned(pid, '2', '2024-05-13', '2024-05-31', 0, { baselineFinish: d('2024-06-07'), finish: d('2024-06-07') }),
  ];

  it('all duration-weighted: the program sums working days, SPI = ΣEV/ΣPV (not the mean of the SPIs)', () => {
    // Status Fri 10 May. A: two parallel 5-day tasks, both done: PV 10, EV 10, SPI 1.
    // B: one 10-day task (6–17 May), 20 % done: PV 5, EV 2, SPI 0.4.
    // Program SPI = (10 + 2)/(10 + 5) = 0.8; the mean of the SPIs (0.7) would be wrong.
    const a = [planned('A', '1', '2024-05-06', '2024-05-10', 1), planned('A', '2', '2024-05-06', '2024-05-10', 1)];
    const b = [planned('B', '1', '2024-05-06', '2024-05-17', 0.2)];
    const res = analyzeProgram(model([project('A', a), project('B', b)]), settings({ statusDate: '2024-05-10' }), NOW);
    expect(res.projects.map((p) => p.spi)).toEqual([1, 0.4]);
    const g = res.program;
    expect(g.evmBasis).toBe('duration');
    expect(g.pv).toBeCloseTo(15, 12);
    expect(g.ev).toBeCloseTo(12, 12);
    expect(g.spi).toBeCloseTo(0.8, 12);
    expect(g.bacWorkDays).toBe(20);
    expect(g.evmProjects).toEqual(['A', 'B']);
    expect(g.evmExcluded).toEqual([]);
    expect(g.evmNote).toBeNull();
    expectNoCost(g);
  });

  it('money and duration projects: the program sums only the money ones and names the others', () => {
    const res = analyzeProgram(model([project('C', costTasks), project('D', durTasks('D', 0.2))]), settings({ statusDate: '2024-05-17' }), NOW);
    const [c, dur] = res.projects;
    expect(c.evmBasis).toBe('cost');
    expect(dur.evmBasis).toBe('duration');
    const g = res.program;
    expect(g.evmBasis).toBe('cost');
    expect(g.bac).toBe(c.bac);
    expect(g.pv).toBeCloseTo(c.pv as number, 9);
    expect(g.ev).toBeCloseTo(c.ev as number, 9);
    expect(g.ac).toBe(c.ac);
    expect(g.spi).toBeCloseTo(c.spi as number, 12);
    expect(g.spit).toBeCloseTo(c.spit as number, 12);
    expect(g.evmProjects).toEqual(['C']);
    expect(g.evmExcluded).toEqual(['D']);
    expect(g.evmNote).toContain('cost-weighted projects (C)');
    expect(g.evmNote).toContain('D is weighted otherwise');
    // The program's baseline still spans every project: D finishes last (7 June).
    expect(g.baselineFinish).toBe('2024-06-07');
  });

  it('baseline-duration projects outrank forecast-as-plan ones; forecast-only programs use the forecast', () => {
    const fp = [task('F', '1', { start: d('2024-05-06'), finish: d('2024-05-10'), percentComplete: 1 })];
    const mixed = analyzeProgram(model([project('D', durTasks('D', 0.2)), project('F', fp)]), settings({ statusDate: '2024-05-10' }), NOW);
    expect(mixed.program.evmBasis).toBe('duration');
    expect(mixed.program.evmProjects).toEqual(['D']);
    expect(mixed.program.evmExcluded).toEqual(['F']);
    expect(mixed.program.ev).toBeCloseTo(mixed.projects[0].ev as number, 12);
    const only = analyzeProgram(model([project('F', fp)]), settings({ statusDate: '2024-05-10' }), NOW);
    expect(only.program.evmBasis).toBe('duration-forecast-plan');
    expect(only.program.spi).toBeCloseTo(1, 12);
  });
});

describe('regression: an IEAC(t) that overflows to Infinity was null without a reason', () => {
  it('SPI(t) of 5e-324 (found by the property below): ieacDate null and explained', () => {
    const t = task('P', '1', { baselineStart: d('2024-04-18'), baselineFinish: d('2024-04-18'), percentComplete: 5e-324 });
    const p = analyzeProgram(model([project('P', [t])]), settings({ statusDate: '2024-04-18' }), NOW).projects[0];
    expect(p.ieacDate).toBeNull();
    expect(p.reasons.ieacDate).toBe('more than 100 years out: SPI(t) is almost 0');
  });
});

describe('earned value basis invariants (fast-check)', () => {
  const BASE = 45400;
  const maybeDay = fc.option(fc.integer({ min: BASE, max: BASE + 60 }), { nil: null });
  const arbTask = fc.record({
    bs: maybeDay, len: fc.integer({ min: -2, max: 20 }), s: maybeDay, pct: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    budget: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), cost: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    milestone: fc.boolean(),
  });
  const classOf = (b: string | null): string | null => (b === 'period-table' ? 'cost' : b);
  const METRIC_KEYS = [
    'bac', 'pv', 'ev', 'ac', 'sv', 'spi', 'cv', 'cpi', 'eac', 'eacAtBudgetRate', 'eacCpiSpi', 'etc', 'vac', 'tcpi', 'percentComplete',
    'esDate', 'svtDays', 'spit', 'ieacDate', 'baselineStart', 'baselineFinish', 'forecastFinish', 'finishVarianceDays', 'bacWorkDays',
  ] as const;

  it('one basis per program sum, money never with working days, every null explained', () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbTask, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: BASE - 5, max: BASE + 80 }), (projects, status) => {
        const m = model(projects.map((ts, pi) => project(`P${pi}`, ts.map((t, ti) => task(`P${pi}`, String(ti), {
          baselineStart: t.bs, baselineFinish: t.bs === null ? null : t.bs + t.len, start: t.s, finish: t.s === null ? null : t.s + Math.abs(t.len),
          percentComplete: t.pct, budget: t.budget, actualCost: t.cost, isMilestone: t.milestone,
        })))));
        const res = analyzeProgram(m, settings({ statusDate: serialIso(status) }), NOW);
        const g = res.program;
        const members = res.projects.filter((p) => g.evmProjects.includes(p.id));
        expect(new Set(members.map((p) => classOf(p.evmBasis)))).toEqual(new Set(members.length ? [classOf(g.evmBasis)] : []));
        expect([...g.evmProjects, ...g.evmExcluded].sort()).toEqual(res.projects.filter((p) => p.evmBasis !== null).map((p) => p.id).sort());
        for (const p of g.evmExcluded.map((id) => res.projects.find((x) => x.id === id)!)) expect(classOf(p.evmBasis)).not.toBe(classOf(g.evmBasis));
        const pvs = members.map((p) => p.pv).filter((v): v is number => v !== null);
        if (pvs.length > 0) expect(g.pv).toBeCloseTo(pvs.reduce((a, b) => a + b, 0), 6);
        for (const p of [g, ...res.projects]) {
          if (p.evmBasis === 'duration' || p.evmBasis === 'duration-forecast-plan') {
            expect([p.bac, p.ac, p.cpi, p.eac]).toEqual([null, null, null, null]);
            expect(p.bacWorkDays).not.toBeNull();
          } else expect(p.bacWorkDays).toBeNull();
          for (const k of METRIC_KEYS) if (p[k] === null) expect([k, p.reasons[k]]).toEqual([k, expect.any(String)]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
