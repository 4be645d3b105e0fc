/**
 * Issue 12, "silent loss": budgets of 1e308 printed "BAC $∞" and "SV(t) NaN d" with nulls that had no reason;
 * an EVM row with AC = -1e308 gave "AC is 0" and a percent complete of 2.7e301. Money is bounded and every
 * null metric has its reason.
 */
import { main, type CliIo } from '../../src/cli/main';
import { analyzeProgram } from '../../src/core/analyze';
import { evmIndices } from '../../src/core/analyze/evm';
import { MAX_MONEY } from '../../src/core/analyze/sanitize';
import { d, model, NOW, project, risk, settings, task } from '../core/analyze/fixtures';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonProblems, nullsWithoutReason } from './output-check';
import { sampleWith } from './sample-edit';

describe('budgets of 1e308 printed "BAC $∞" and "SV(t) NaN d", and nulls without reasons', () => {
  it('the amounts are set aside with an issue at their row; the JSON has no NaN/∞ and a reason for every null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-money-'));
    const input = join(dir, 'big.xlsx');
    writeFileSync(input, await sampleWith({ Platform: { B5: 1e308, K8: 1e308, K9: -1e308, L8: 1e308 } }));
    const err: string[] = [];
    const out: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14)) };
    const json = join(dir, 'r.json');
    expect(await main([input, '--json', json, '--status-date', '2026-11-13'], io)).toBe(0);
    const text = readFileSync(json, 'utf8');
    expect(jsonProblems(text)).toEqual([]);
    const printed = [...out, ...err].join('\n');
    expect(printed).not.toMatch(/∞|NaN|Infinity/);
    expect(printed).toMatch(/BAC \$\d/);
    const result = JSON.parse(text) as { program: { bac: number }; issues: { code: string; cell: string | null }[] };
    expect(result.program.bac).toBeLessThan(MAX_MONEY);
    expect(result.issues.filter((i) => i.code === 'MONEY_OUT_OF_RANGE').map((i) => i.cell)).toEqual([null, 'B8', 'B8', 'B9']);
  });
  it('risk impacts of 1e308 are set aside too, and the exposure stays finite', () => {
    const p = project('R', [task('R', '1', { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-17'), budget: 100 })], {
      risks: [risk('R1', { costImpact: 1e308 }), risk('R2', { scheduleImpactDays: -1e308 }), risk('R3')],
    });
    const res = analyzeProgram(model([p]), settings(), NOW);
    expect(Number.isFinite(res.program.riskExposure) && Number.isFinite(res.program.scheduleExposureDays)).toBe(true);
    expect(res.issues.map((i) => i.code).filter((c) => c.endsWith('_OUT_OF_RANGE'))).toEqual(['MONEY_OUT_OF_RANGE', 'IMPACT_OUT_OF_RANGE']);
  });
});

describe('an EVM row with AC = -1e308 gave "AC is 0" and a percent complete of 2.7e301', () => {
  it('the row is left out with an issue, and the rest of the table is the EVM source', () => {
    const p = project('PER', [task('PER', '1', { baselineStart: d('2024-05-06'), baselineFinish: d('2024-05-17'), start: d('2024-05-06'), finish: d('2024-05-17') })], {
      evmPeriods: [
        { date: d('2024-05-10'), pv: 100, ev: 80, ac: 90 },
        { date: d('2024-05-17'), pv: 300, ev: 200, ac: -1e308 },
      ],
      budget: 300,
    });
    const res = analyzeProgram(model([p]), settings({ statusDate: '2024-05-15' }), NOW);
    const r = res.projects[0];
    expect(res.issues.filter((i) => i.code === 'MONEY_OUT_OF_RANGE')).toHaveLength(1);
    expect(r.evmSource).toBe('period-table');
    expect(r.percentComplete).toBeLessThanOrEqual(1);
    expect(nullsWithoutReason('PER', r as unknown as Record<string, unknown>)).toEqual([]);
  });
  it('a negative AC is named as negative, not as 0', () => {
    const reasons: Record<string, string> = {};
    evmIndices({ bac: 100, pv: 50, ev: 40, ac: -5 }, reasons);
    expect(reasons.cpi).toBe('AC is negative (credits exceed the costs recorded)');
  });
});
