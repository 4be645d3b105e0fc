/** Bad or partial input never crashes the analysis and never yields NaN or Infinity (fast-check). */
import fc from 'fast-check';
import { analyzeProgram } from '../../../src/core/analyze';
import { link, model, project, risk, settings, task, NOW } from './fixtures';

const BASE = 45400;
const maybeDay = fc.option(fc.integer({ min: BASE, max: BASE + 120 }), { nil: null });
const maybeNum = fc.option(fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.constant(0)), { nil: null });

const arbTask = fc.record({
  bs: maybeDay, bf: maybeDay, s: maybeDay, f: maybeDay, as: maybeDay, af: maybeDay,
  pct: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), budget: maybeNum, cost: maybeNum,
  preds: fc.array(fc.record({ p: fc.nat(3), t: fc.nat(8), type: fc.constantFrom('FS', 'SS', 'FF', 'SF' as const), lag: fc.integer({ min: -5, max: 10 }), ed: fc.boolean() }), { maxLength: 3 }),
});

function allFinite(x: unknown, path: string, bad: string[]): void {
  if (typeof x === 'number' && !Number.isFinite(x)) bad.push(path);
  else if (Array.isArray(x)) x.forEach((v, i) => allFinite(v, `${path}[${i}]`, bad));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) allFinite(v, `${path}.${k}`, bad);
}

describe('analysis robustness', () => {
  it('any mix of missing dates, budgets, costs and links gives finite numbers or nulls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(arbTask, { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: BASE - 10, max: BASE + 150 }), { nil: null }),
        fc.array(fc.record({ p: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), i: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }), c: maybeNum }), { maxLength: 4 }),
        (projects, status, risks) => {
          const m = model(
            projects.map((ts, pi) =>
              project(`P${pi}`, ts.map((t, ti) => task(`P${pi}`, String(ti), {
                baselineStart: t.bs, baselineFinish: t.bf, start: t.s, finish: t.f, actualStart: t.as, actualFinish: t.af,
                percentComplete: t.pct, budget: t.budget, actualCost: t.cost,
                predecessors: t.preds.map((x) => link(`P${x.p}`, String(x.t), x.type, x.lag, x.ed ? 'elapsed' : 'working')),
              })), { risks: risks.map((r, ri) => risk(`R${ri}`, { probability: r.p, impactLevel: r.i, costImpact: r.c, taskId: '0' })) }),
            ),
            { statusDate: status },
          );
          const res = analyzeProgram(m, settings(), NOW);
          const bad: string[] = [];
          allFinite(res, 'result', bad);
          expect(bad).toEqual([]);
          expect(res.projects).toHaveLength(projects.length);
          for (const p of [res.program, ...res.projects]) {
            expect(['green', 'amber', 'red', 'gray']).toContain(p.health);
            expect(p.healthReason.toLowerCase().startsWith(p.health)).toBe(true);
            for (const k of ['spi', 'cpi', 'eac', 'tcpi', 'spit'] as const) if (p[k] === null && p.bac !== null) expect(p.reasons[k]).toBeTruthy();
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
