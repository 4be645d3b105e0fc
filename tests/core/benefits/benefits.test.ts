import { rollup } from '../../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Grid } from '../../../src/core/grid';
import { compactMoney, median, summarizeBenefits } from '../../../src/core/analyze/benefits';
import { parseEnablers } from '../../../src/core/read/benefits';
import { core, data, plat } from './fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');

const register = (): Grid => ({
  sheet: 'Benefits',
  values: [
    ['Program benefits'],
    [],
    ['ID', 'Benefit', 'Owner', 'Measure', 'Unit', 'Baseline', 'Target', 'Current', 'Realisation Start', 'Realisation Target', 'Value', 'Enabling Milestones'],
    ['B1', 'Faster onboarding', 'Kim', 'Days to onboard', 'days', 20, 5, 17, '2026-04-01', '2026-09-30', 1200000, 'PLAT:5'],
    ['B2', 'Lower run cost', 'Kim', 'Cost per month', '$k', 100, 60, 100, '2026-05-01', '2026-12-31', 300000, 'plat:5; CORE:1'],
    ['B3', '=Cheaper support', null, null, null, null, null, null, '2026-04-01', null, null, 'PLAT:99, XYZ:1, nonsense'],
  ],
});

function run(): ReturnType<typeof rollup> {
  return rollup({ grids: [core(), data(), plat(), register()] }, DEFAULT_SETTINGS, NOW);
}

describe('benefits register against the propagated schedule', () => {
  test('a benefit made late by a slip two projects upstream (hand-computed)', () => {
    const { result } = run();
    const b1 = result.benefits?.find((b) => b.id === 'B1');
    expect(b1).toBeDefined();
    if (!b1) return;
    // DATA:1 is pushed to start Mon 03-23 (after CORE:1 ends Fri 03-20) and, 10 working days long, ends Fri 04-03.
    // PLAT:5 is FS after it, so it lands on the next working day, Mon 04-06 (the network's FS rule).
    // Realisation starts Wed 04-01: Thu 04-02, Fri 04-03, Mon 04-06 = 3 working days.
    const e = b1.enablers[0];
    expect(e).toMatchObject({ key: 'PLAT:5', found: true, ownFinish: '2026-03-30', forecastFinish: '2026-04-06', slipDays: 3, lateBySlip: true });
    expect(e.chain).toEqual(['CORE:1', 'DATA:1', 'PLAT:5']);
    expect(b1.status).toBe('at-risk');
    expect(b1.slipDays).toBe(3);
    expect(b1.valueAtRisk).toBe(1200000);
    expect(b1.drivingEnabler).toBe('PLAT:5');
    // Both planned dates move by 3 working days: Wed 04-01 -> Mon 04-06, Wed 09-30 -> Mon 10-05.
    expect(b1.forecastRealisationStart).toBe('2026-04-06');
    expect(b1.forecastRealisationTarget).toBe('2026-10-05');
    // (17 − 20) / (5 − 20) = 0.2
    expect(b1.progress).toBeCloseTo(0.2, 10);
    expect(b1.reason).toContain('PLAT:5 "Go-live" is forecast 2026-04-06, 3 working days after realisation starts (2026-04-01)');
    expect(b1.reason).toContain('pushed by CORE:1 → DATA:1 (2 projects upstream), while its own PM plans 2026-03-30');
  });

  test('a benefit whose enablers land in time is on track, with the spare days', () => {
    const b2 = run().result.benefits?.find((b) => b.id === 'B2');
    expect(b2?.status).toBe('on-track');
    expect(b2?.slipDays).toBe(0);
    expect(b2?.valueAtRisk).toBe(0);
    expect(b2?.enablers.map((e) => e.key)).toEqual(['PLAT:5', 'CORE:1']);
    // Latest is PLAT:5 on Mon 04-06; realisation starts Fri 05-01: three weeks (15) + Mon..Fri less one = 19.
    expect(b2?.reason).toContain('latest PLAT:5 on 2026-04-06, 19 working days to spare');
    expect(b2?.progress).toBe(0);
  });

  test('unknown and unreadable enabler references become issues at their cell; text stays text', () => {
    const { result } = run();
    const b3 = result.benefits?.find((b) => b.id === 'B3');
    expect(b3?.name).toBe('=Cheaper support');
    expect(b3?.status).toBe('unknown');
    expect(b3?.enablers.map((e) => [e.key, e.found])).toEqual([['PLAT:99', false], ['XYZ:1', false]]);
    const codes = result.issues.filter((i) => i.sheet === 'Benefits').map((i) => [i.code, i.cell]);
    expect(codes).toEqual(expect.arrayContaining([
      ['BENEFIT_ENABLER_UNREADABLE', 'L6'], ['BENEFIT_ENABLER_UNKNOWN', 'L6'], ['BENEFIT_ENABLER_UNKNOWN', 'L6'],
    ]));
    expect(result.issues.find((i) => i.message.includes('PLAT:99'))?.message).toContain('project PLAT has no task 99');
    expect(result.issues.find((i) => i.message.includes('XYZ:1'))?.message).toContain('no project has the ID "XYZ"');
  });

  test('the summary line counts, sums and takes the median', () => {
    const s = run().result.benefitsSummary;
    expect(s).toEqual({ count: 3, atRisk: 1, unknown: 1, valueAtRisk: 1200000, medianSlipDays: 3, line: '1 of 3 benefits at risk; 1.2M of value delayed, median 3 working days; 1 cannot be checked.' });
  });

  test('the Benefits sheet is a program sheet, not a project', () => {
    const { result } = run();
    expect(result.projects.map((p) => p.id)).toEqual(['CORE', 'DATA', 'PLAT']);
    expect(result.sources.find((s) => s.sheet === 'Benefits')?.reason).toContain('Benefits register');
  });
});

describe('a benefits table on a project sheet', () => {
  // PLAT's own sheet: its task table, a blank row, then its benefits; "5" alone is PLAT:5.
  const platWithBenefits = (): Grid => {
    const g = plat();
    g.values.push(
      [],
      ['ID', 'Benefit', 'Realisation Start', 'Realisation Target', 'Value', 'Enabling Milestones'],
      ['PB1', 'Self-service onboarding', '2026-04-01', '2026-09-30', 500000, '5'],
      ['PB2', 'Lower run cost', '2026-05-01', null, null, 'CORE:1; 99'],
    );
    return g;
  };
  const runOwn = (): ReturnType<typeof rollup> => rollup({ grids: [core(), data(), platWithBenefits(), register()] }, DEFAULT_SETTINGS, NOW);

  test('is read as that project\'s benefits, its rows are not tasks, and the sheet stays a project', () => {
    const { result } = runOwn();
    expect(result.projects.map((p) => p.id)).toEqual(['CORE', 'DATA', 'PLAT']);
    expect(result.projects.find((p) => p.id === 'PLAT')?.taskCount).toBe(1);
    const pb1 = result.benefits?.find((b) => b.id === 'PB1');
    expect(pb1).toMatchObject({ name: 'Self-service onboarding', value: 500000, sheet: 'Platform', cell: 'A9' });
    // Rolled into the same register as the program's Benefits sheet.
    expect(result.benefits?.map((b) => b.id)).toEqual(['PB1', 'PB2', 'B1', 'B2', 'B3']);
  });

  test('an enabler written as an ID alone is a task of the same sheet, with the same oracle as PLAT:5', () => {
    const { result } = runOwn();
    const pb1 = result.benefits?.find((b) => b.id === 'PB1');
    // As B1 above: PLAT:5 is pushed from Mon 03-30 to Mon 04-06, 3 working days after Wed 04-01.
    expect(pb1?.enablers[0]).toMatchObject({ key: 'PLAT:5', found: true, forecastFinish: '2026-04-06', slipDays: 3, lateBySlip: true });
    expect(pb1?.status).toBe('at-risk');
    expect(pb1?.valueAtRisk).toBe(500000);
    expect(pb1?.forecastRealisationStart).toBe('2026-04-06');
    const pb2 = result.benefits?.find((b) => b.id === 'PB2');
    expect(pb2?.enablers.map((e) => [e.key, e.found])).toEqual([['CORE:1', true], ['PLAT:99', false]]);
    expect(result.issues.find((i) => i.code === 'BENEFIT_ENABLER_UNKNOWN' && i.sheet === 'Platform')).toMatchObject({ cell: 'F10' });
    expect(result.benefitsSummary).toMatchObject({ count: 5, atRisk: 2, valueAtRisk: 1700000 });
  });

  test('the Program Benefits sheet lists them with a link to the project sheet', () => {
    const { plan } = runOwn();
    const sheetPlan = plan.sheets.find((s) => s.role === 'benefits');
    expect(sheetPlan?.hyperlinks).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'Platform', target: 'A9' })]));
  });

  test('on a tracker holding several projects an ID alone names no project and is reported', () => {
    const tracker: Grid = {
      sheet: 'Tracker',
      values: [
        ['Project', 'ID', 'Task Name', 'Start', 'Finish'],
        ['ALPHA', 1, 'Design', '2026-03-02', '2026-03-06'],
        ['BETA', 1, 'Build', '2026-03-09', '2026-03-13'],
        [],
        ['ID', 'Benefit', 'Realisation Start', 'Enabling Milestones'],
        ['T1', 'Shared gain', '2026-04-01', '1, BETA:1'],
      ],
    };
    const { result } = rollup({ grids: [tracker] }, DEFAULT_SETTINGS, NOW);
    expect(result.projects.map((p) => p.id)).toEqual(['ALPHA', 'BETA']);
    expect(result.benefits?.[0].enablers.map((e) => e.key)).toEqual(['BETA:1']);
    expect(result.issues.find((i) => i.code === 'BENEFIT_ENABLER_UNREADABLE')).toMatchObject({ sheet: 'Tracker', cell: 'D6' });
  });
});

describe('benefit helpers', () => {
  test('parseEnablers splits on commas, semicolons and new lines and keeps what is not PROJ:ID apart', () => {
    expect(parseEnablers('PLAT:5, CORE : 12;\nDATA:M3 ; junk')).toEqual({
      refs: [{ project: 'PLAT', task: '5', text: 'PLAT:5' }, { project: 'CORE', task: '12', text: 'CORE : 12' }, { project: 'DATA', task: 'M3', text: 'DATA:M3' }],
      bad: ['junk'],
    });
  });

  test('compact money and median', () => {
    expect([compactMoney(1_234_567), compactMoney(45_000), compactMoney(900), compactMoney(2_000_000_000)]).toEqual(['1.2M', '45k', '900', '2B']);
    expect([median([]), median([5]), median([20, 1, 7]), median([1, 2, 3, 10])]).toEqual([null, 5, 7, 2.5]);
  });

  test('no benefits: the line says so without a median', () => {
    expect(summarizeBenefits([]).line).toBe('0 of 0 benefits at risk.');
  });
});
