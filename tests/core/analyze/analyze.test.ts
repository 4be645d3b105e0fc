/** analyzeProgram end to end on small hand-built models with hand-worked answers. */
import { analyzeProgram } from '../../../src/core/analyze';
import { healthOf } from '../../../src/core/analyze/health';
import { DEFAULT_HEALTH_PROFILE } from '../../../src/core/settings';
import { d, link, model, project, risk, settings, task, NOW } from './fixtures';

// 2024-05-06 is a Monday.
describe('cross-project hand-offs and the forecast overlay', () => {
  const plat = project('PLAT', [
    task('PLAT', '12', {
      baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-10'), start: d('2024-05-06'), finish: d('2024-05-15'), // 3 working days late
      budget: 1000, percentComplete: 0.5, actualCost: 600,
    }),
  ]);
  const app = project('APP', [
    task('APP', '3', {
      baselineStart: d('2024-05-15'), baselineFinish: d('2024-05-17'), start: d('2024-05-15'), finish: d('2024-05-17'),
      predecessors: [link('PLAT', '12', 'FS', 2)], budget: 300,
    }),
    task('APP', '4', { baselineStart: d('2024-05-20'), baselineFinish: d('2024-05-21'), start: d('2024-05-20'), finish: d('2024-05-21'), predecessors: [link('APP', '3')], isMilestone: true }),
  ]);
  const res = analyzeProgram(model([plat, app]), settings({ statusDate: '2024-05-08' }), NOW);

  it('pushes the successor, keeps its working-day duration, and marks it pushed', () => {
    const f = Object.fromEntries(res.forecasts.map((x) => [x.key, x]));
    // PLAT:12 finishes Wed 15th; FS+2 => APP:3 starts Mon 20th, 3 working days => finishes Wed 22nd.
    expect(f['APP:3']).toMatchObject({ forecastStart: '2024-05-20', forecastFinish: '2024-05-22', pushed: true });
    expect(f['APP:4']).toMatchObject({ forecastStart: '2024-05-23', forecastFinish: '2024-05-24', pushed: true });
    expect(f['PLAT:12'].pushed).toBe(false);
    expect(res.criticalPath).toEqual(['PLAT:12', 'APP:3', 'APP:4']);
  });
  it('reports the hand-off with slack, status and chain', () => {
    expect(res.dependencies).toHaveLength(1);
    const dep = res.dependencies[0];
    expect(dep).toMatchObject({
      from: 'PLAT:12', to: 'APP:3', type: 'FS', lagDays: 2, predecessorFinish: '2024-05-15', successorStart: '2024-05-15',
      slackDays: -3, status: 'late', chain: ['PLAT:12'], origin: 'predecessors',
    });
  });
  it('carries the finish variance and the late hand-off into health', () => {
    const a = res.projects.find((p) => p.id === 'APP');
    expect(a?.finishVarianceDays).toBe(3);
    expect(a?.lateHandoffs).toBe(1);
    expect(a?.milestones[0]).toMatchObject({ key: 'APP:4', baselineFinish: '2024-05-21', forecastFinish: '2024-05-24', finishVarianceDays: 3 });
    expect(a?.health).toBe('red'); // 3 late days > 10 % of a 6-day baseline
    expect(a?.healthReason).toMatch(/^Red: finish 3 working days late/);
    expect(res.program.lateHandoffs).toBe(1);
  });
  it('computes program EVM from sums, never averaged indices', () => {
    const p = res.projects.find((x) => x.id === 'PLAT');
    // PLAT: 1000 over 5 baseline days, status Wed => PV 600; EV 500; AC 600.
    expect(p?.pv).toBeCloseTo(600, 9);
    expect(p?.ev).toBe(500);
    expect(res.program.bac).toBe(1300);
    expect(res.program.pv).toBeCloseTo(600, 9);
    expect(res.program.spi).toBeCloseTo(500 / 600, 12);
    expect(res.statusDate).toBe('2024-05-08');
  });
});

describe('cycles are data', () => {
  it('returns the full loop and still schedules the rest', () => {
    const app = project('APP', [
      task('APP', '4', { start: d('2024-05-06'), finish: d('2024-05-07'), predecessors: [link('PLAT', '9')] }),
      task('APP', '5', { start: d('2024-05-06'), finish: d('2024-05-06'), predecessors: [link('APP', '1')] }),
      task('APP', '1', { start: d('2024-05-06'), finish: d('2024-05-08') }),
    ]);
    const plat = project('PLAT', [task('PLAT', '9', { start: d('2024-05-06'), finish: d('2024-05-06'), predecessors: [link('APP', '4')] })]);
    const res = analyzeProgram(model([app, plat]), settings({ statusDate: '2024-05-06' }), NOW);
    expect(res.cycles).toHaveLength(1);
    const loop = res.cycles[0];
    expect(loop[0]).toBe(loop[loop.length - 1]);
    expect(new Set(loop)).toEqual(new Set(['APP:4', 'PLAT:9']));
    expect(loop).toHaveLength(3);
    expect(res.issues.some((i) => i.code === 'DEPENDENCY_CYCLE' && i.message.includes('APP:4'))).toBe(true);
    const f = Object.fromEntries(res.forecasts.map((x) => [x.key, x]));
    expect(f['APP:5'].forecastStart).toBe('2024-05-09');
    expect(f['APP:4'].forecastStart).toBe('2024-05-06');
  });
});

describe('Earned Schedule on a finished project', () => {
  it('a late project that finished has SPI = 1 and SPI(t) < 1; AT stops at its actual finish', () => {
    // Baseline 10 working days (6th–17th May); actually finished 3 working days late on the 22nd.
    const p = project('DONE', [
      task('DONE', '1', {
        baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-17'), start: d('2024-05-06'), finish: d('2024-05-22'),
        actualStart: d('2024-05-06'), actualFinish: d('2024-05-22'), percentComplete: 1, budget: 10000, actualCost: 11000,
      }),
    ]);
    const res = analyzeProgram(model([p]), settings({ statusDate: '2024-06-28' }), NOW);
    const r = res.projects[0];
    expect(r.spi).toBe(1);
    expect(r.spit).toBeCloseTo(10 / 13, 12);
    expect(r.svtDays).toBe(-3);
    expect(r.esDate).toBe('2024-05-17');
    expect(r.ieacDate).toBe('2024-05-22');
    expect(r.finishVarianceDays).toBe(3);
    expect(r.cpi).toBeCloseTo(10000 / 11000, 12);
  });
});

describe('period table', () => {
  it('interpolates PV, EV and AC at a status date between period ends', () => {
    // Period ends: Fri 10 May (5 working days) and Fri 17 May (10). Status Wed 15 May = working day 8.
    const p = project('PER', [task('PER', '1', { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-17'), start: d('2024-05-06'), finish: d('2024-05-17') })], {
      evmPeriods: [
        { date: d('2024-05-10'), pv: 100, ev: 80, ac: 90 },
        { date: d('2024-05-17'), pv: 300, ev: 200, ac: 250 },
      ],
      budget: 300,
    });
    const res = analyzeProgram(model([p]), settings({ statusDate: '2024-05-15' }), NOW);
    const r = res.projects[0];
    expect(r.evmSource).toBe('period-table');
    expect(r.pv).toBeCloseTo(100 + (200 * 3) / 5, 9);
    expect(r.ev).toBeCloseTo(80 + (120 * 3) / 5, 9);
    expect(r.ac).toBeCloseTo(90 + (160 * 3) / 5, 9);
    expect(r.bac).toBe(300);
    // ES: EV 152 lies between PV 100 (day 5) and 300 (day 10): 5 + 52/200 × 5 = 6.3 working days.
    expect(r.svtDays).toBeCloseTo(6.3 - 8, 9);
  });
});

describe('status date', () => {
  const p = project('S', [task('S', '1', { start: d('2024-05-06'), finish: d('2024-05-06') })]);
  it('settings first, then the sheets, then now', () => {
    expect(analyzeProgram(model([p], { statusDate: d('2024-04-01') }), settings({ statusDate: '2024-05-01' }), NOW).statusDate).toBe('2024-05-01');
    expect(analyzeProgram(model([p], { statusDate: d('2024-04-01') }), settings(), NOW).statusDate).toBe('2024-04-01');
    expect(analyzeProgram(model([p]), settings(), NOW).statusDate).toBe('2024-06-03');
  });
  it('a bad settings date is an issue, not a crash', () => {
    const res = analyzeProgram(model([p]), settings({ statusDate: '2024-13-45' }), NOW);
    expect(res.issues.map((i) => i.code)).toContain('STATUS_DATE_INVALID');
    expect(res.statusDate).toBe('2024-06-03');
  });
  it('a predecessor naming a missing task is an issue', () => {
    const q = project('Q', [task('Q', '1', { start: d('2024-05-06'), finish: d('2024-05-06'), predecessors: [link('NOPE', '7')] })]);
    const res = analyzeProgram(model([q]), settings(), NOW);
    expect(res.issues.find((i) => i.code === 'LINK_TARGET_MISSING')?.message).toMatch(/NOPE:7/);
  });
});

describe('register dependencies', () => {
  it('become network edges and hand-off rows with need-by dates', () => {
    const a = project('A', [task('A', '1', { start: d('2024-05-06'), finish: d('2024-05-08') })]);
    const b = project('B', [task('B', '1', { start: d('2024-05-20'), finish: d('2024-05-20') })]);
    const res = analyzeProgram(model([a, b], {
      dependencies: [{ fromProject: 'A', fromTask: '1', toProject: 'B', toTask: '1', type: 'FS', lag: 0, lagUnit: 'working', needBy: d('2024-05-17'), owner: null, notes: null, source: { sheet: 'Dependencies', cell: 'A2' } }],
    }), settings(), NOW);
    // A:1 ends Wed 8th -> needed Thu 9th; B plans Mon 20th: 7 working days of slack.
    expect(res.dependencies[0]).toMatchObject({ origin: 'register', slackDays: 7, status: 'ok', needBy: '2024-05-17', sheet: 'Dependencies' });
    const tight = analyzeProgram(model([a, b], { dependencies: [{ ...res.dependencies[0], fromProject: 'A', fromTask: '1', toProject: 'B', toTask: '1', type: 'FS', lag: 4, lagUnit: 'working', needBy: null, owner: null, notes: null, source: { sheet: 'Dependencies', cell: 'A2' } }] }), settings(), NOW);
    expect(tight.dependencies[0]).toMatchObject({ slackDays: 3, status: 'at-risk' });
  });
});

describe('risk', () => {
  const p = project('PLAT', [task('PLAT', '1', { start: d('2024-05-06'), finish: d('2024-05-06') })], {
    risks: [
      risk('R1', { probability: 0.7, impactLevel: 4, costImpact: 10000, scheduleImpactDays: 10, taskId: '1' }),
      risk('R2', { probability: 0.1, impactLevel: 1, costImpact: 500, scheduleImpactDays: 0 }),
      risk('R3', { probability: 0.9, impactLevel: 5, costImpact: 99999, isOpen: false, status: 'Closed' }),
    ],
  });
  const q = project('APP', [task('APP', '1', { start: d('2024-05-07'), finish: d('2024-05-07'), predecessors: [link('PLAT', '1')] })]);
  const res = analyzeProgram(model([p, q]), settings({ topRiskCount: 1 }), NOW);
  it('counts open risks only, with exposure, schedule exposure and score', () => {
    const r = res.projects[0];
    expect(r.openRisks).toBe(2);
    expect(r.riskExposure).toBeCloseTo(0.7 * 10000 + 0.1 * 500, 9);
    expect(r.scheduleExposureDays).toBeCloseTo(7, 9);
    expect(res.program.riskExposure).toBeCloseTo(7050, 9);
    expect(res.topRisks).toHaveLength(1);
    expect(res.topRisks[0]).toMatchObject({ id: 'R1', score: 16, taskKey: 'PLAT:1', inheritedBy: ['APP'] });
  });
  it('fills the 5 × 5 heat map [impact-1][probability level-1]', () => {
    expect(res.heatMap[3][3]).toBe(1);
    expect(res.heatMap[0][0]).toBe(1);
    expect(res.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(2);
    expect(res.projectHeatMaps.APP.flat().reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('health reasons', () => {
  it('says why in one line', () => {
    const h = (spi: number | null, cpi: number | null, fv: number | null = 0, late = 0) =>
      healthOf({ spi, cpi, finishVarianceDays: fv, baselineDays: 100, lateHandoffs: late }, DEFAULT_HEALTH_PROFILE);
    expect(h(0.84, 1)).toEqual({ health: 'red', healthReason: 'Red: SPI 0.84 < 0.90' });
    expect(h(1, 0.92).healthReason).toBe('Amber: CPI 0.92 < 0.95');
    expect(h(1, 1, 4).healthReason).toBe('Amber: finish 4 working days late');
    expect(h(1, 1, 11).health).toBe('red');
    expect(h(1, 1, 0, 2).healthReason).toBe('Amber: 2 late cross-project hand-offs');
    expect(h(1, 1).health).toBe('green');
    expect(h(null, null, null).health).toBe('gray');
  });
});

describe('elapsed lags and leads', () => {
  const run = (type: 'FS' | 'SS' | 'FF' | 'SF', lag: number, unit: 'working' | 'elapsed') => {
    // Predecessor Fri 10 May; the successor (1 day) would otherwise sit on Mon 6 May.
    const a = project('A', [task('A', '1', { start: d('2024-05-10'), finish: d('2024-05-10') })]);
    const b = project('B', [task('B', '1', { start: d('2024-05-06'), finish: d('2024-05-06'), predecessors: [link('A', '1', type, lag, unit)] })]);
    return analyzeProgram(model([a, b]), settings(), NOW).forecasts.find((f) => f.key === 'B:1');
  };
  it('FS + 2 elapsed days from a Friday lands on Monday; + 2 working days on Tuesday', () => {
    expect(run('FS', 2, 'elapsed')?.forecastStart).toBe('2024-05-13');
    expect(run('FS', 2, 'working')?.forecastStart).toBe('2024-05-15');
    expect(run('FS', 4, 'elapsed')?.forecastStart).toBe('2024-05-15');
  });
  it('a lead (negative lag) overlaps the predecessor', () => {
    expect(run('FS', -1, 'working')?.forecastStart).toBe('2024-05-10');
    expect(run('SS', 0, 'working')?.forecastStart).toBe('2024-05-10');
  });
  it('SF with an elapsed lag ends the day before the predecessor start + lag', () => {
    // Fri 08:00 + 3 calendar days = Mon 08:00: finish by end of Friday.
    expect(run('SF', 3, 'elapsed')?.forecastFinish).toBe('2024-05-10');
    expect(run('SF', 4, 'elapsed')?.forecastFinish).toBe('2024-05-13');
  });
});

describe('program Earned Schedule from the summed PV curve', () => {
  it('sums the projects curves on one working-day axis', () => {
    // X: 1000 over Mon 6–Fri 10 May (200/day). Y: 1000 over Mon 13–Fri 17 May. Status Wed 15 May = day 8.
    const x = project('X', [task('X', '1', { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-10'), start: d('2024-05-06'), finish: d('2024-05-10'), budget: 1000, percentComplete: 1, actualCost: 1000 })]);
    const y = project('Y', [task('Y', '1', { baselineStart: d('2024-05-13'), baselineFinish: d('2024-05-17'), start: d('2024-05-13'), finish: d('2024-05-17'), budget: 1000, percentComplete: 0.1, actualCost: 100 })]);
    const res = analyzeProgram(model([x, y]), settings({ statusDate: '2024-05-15' }), NOW);
    const p = res.program;
    expect(p.pv).toBeCloseTo(1600, 9);
    expect(p.ev).toBeCloseTo(1100, 9);
    expect(p.spi).toBeCloseTo(1100 / 1600, 12);
    // Summed curve: 200/day for 10 days. EV 1100 => ES 5.5 working days; AT 8.
    expect(p.svtDays).toBeCloseTo(5.5 - 8, 9);
    expect(p.spit).toBeCloseTo(5.5 / 8, 12);
    expect(p.esDate).toBe('2024-05-13');
    expect(p.baselineStart).toBe('2024-05-06');
    expect(p.baselineFinish).toBe('2024-05-17');
    // Indices come from sums, not from averaging the projects' SPIs (1.0 and 0.1/0.6).
    const avg = ((res.projects[0].spi as number) + (res.projects[1].spi as number)) / 2;
    expect(Math.abs((p.spi as number) - avg)).toBeGreaterThan(0.05);
  });
});

describe('holidays, started tasks and duplicates', () => {
  it('holidays are not working days for finish variance and pushes', () => {
    const a = project('A', [
      task('A', '1', { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-08'), start: d('2024-05-06'), finish: d('2024-05-09') }),
      task('A', '2', { baselineStart: d('2024-05-09'), baselineFinish: d('2024-05-09'), start: d('2024-05-09'), finish: d('2024-05-09'), predecessors: [link('A', '1')] }),
    ]);
    const res = analyzeProgram(model([a], { holidays: [d('2024-05-10')] }), settings({ statusDate: '2024-05-06' }), NOW);
    // A:1 ends Thu 9th; Fri 10th is a holiday => A:2 on Mon 13th; baseline finish Thu 9th => 1 working day late.
    expect(res.forecasts[1].forecastStart).toBe('2024-05-13');
    expect(res.projects[0].finishVarianceDays).toBe(1);
  });
  it('a started task keeps its actual start; a finish link stretches its finish', () => {
    const a = project('A', [
      task('A', '1', { start: d('2024-05-06'), finish: d('2024-05-15') }),
      task('A', '2', { start: d('2024-05-07'), finish: d('2024-05-08'), actualStart: d('2024-05-07'), predecessors: [link('A', '1', 'FS'), link('A', '1', 'FF')] }),
    ]);
    const f = analyzeProgram(model([a]), settings(), NOW).forecasts[1];
    expect(f).toMatchObject({ forecastStart: '2024-05-07', forecastFinish: '2024-05-15', pushed: true });
    const finished = project('B', [
      task('B', '1', { start: d('2024-05-06'), finish: d('2024-05-15') }),
      task('B', '2', { start: d('2024-05-07'), finish: d('2024-05-08'), actualStart: d('2024-05-07'), actualFinish: d('2024-05-08'), percentComplete: 1, predecessors: [link('B', '1')] }),
    ]);
    expect(analyzeProgram(model([finished]), settings(), NOW).forecasts[1]).toMatchObject({ forecastStart: '2024-05-07', forecastFinish: '2024-05-08', pushed: false });
  });
  it('a repeated task ID is an issue and the first row wins', () => {
    const a = project('A', [task('A', '1', { start: d('2024-05-06'), finish: d('2024-05-06') }), task('A', '1', { start: d('2024-05-20'), finish: d('2024-05-20') })]);
    const res = analyzeProgram(model([a]), settings(), NOW);
    expect(res.issues.map((i) => i.code)).toContain('TASK_KEY_DUPLICATE');
    expect(res.forecasts).toHaveLength(1);
    expect(res.projects[0].taskCount).toBe(2);
  });
});

describe('unusable dates', () => {
  it('NaN or absurd serials become blanks with an issue instead of breaking the calendar', () => {
    const a = project('A', [
      task('A', '1', { start: Number.NaN, finish: 1e308, baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-07'), budget: 10 }),
      task('A', '2', { start: d('2024-05-06'), finish: d('2024-05-06') }),
    ], { evmPeriods: [{ date: Number.POSITIVE_INFINITY, pv: 1, ev: 1, ac: 1 }] });
    const res = analyzeProgram(model([a], { holidays: [Number.NaN], statusDate: -5 }), settings(), NOW);
    expect(res.issues.filter((i) => i.code === 'DATE_OUT_OF_RANGE')).toHaveLength(2);
    expect(res.forecasts[0]).toMatchObject({ forecastStart: '2024-05-06', forecastFinish: '2024-05-07' }); // falls back to baseline
    expect(res.projects[0].evmSource).toBe('tasks');
    expect(res.statusDate).toBe('2024-06-03');
  });
});
