/**
 * Earned value formulas, each defined by its formula (GUIDE §4), never by name. A figure that cannot be
 * computed is null and its reason is recorded, so no NaN or Infinity ever reaches a sheet.
 */
import type { EvmIndices } from '../result';

export interface EvmBase {
  bac: number | null;
  pv: number | null;
  ev: number | null;
  ac: number | null;
}

export type { EvmIndices } from '../result';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** SV, SPI, CV, CPI, EAC (three ways), ETC, VAC, TCPI from BAC, PV, EV, AC; reasons for every null. */
export function evmIndices(b: EvmBase, reasons: Record<string, string>): EvmIndices {
  const { bac, pv, ev, ac } = b;
  const r: EvmIndices = {
    sv: null, spi: null, cv: null, cpi: null, eac: null, eacAtBudgetRate: null, eacCpiSpi: null,
    etc: null, vac: null, tcpi: null, percentComplete: null,
  };
  const why = (key: keyof EvmIndices, reason: string): void => {
    reasons[key] = reason;
  };
  if (bac === null) {
    for (const k of ['eac', 'eacAtBudgetRate', 'eacCpiSpi', 'etc', 'vac', 'tcpi', 'percentComplete'] as const) {
      why(k, 'no budget (BAC) on any task or in the project header');
    }
  }
  if (pv !== null && ev !== null) {
    r.sv = ev - pv;
    if (pv > 0) r.spi = finite(ev / pv);
    else why('spi', pv === 0 ? 'PV is 0 at the status date (nothing was planned to be done yet)' : 'PV is negative at the status date (check the budgets)');
  } else {
    const reason = pv === null ? 'no baseline dates to plan value against' : 'no % complete to earn value from';
    why('sv', reason);
    why('spi', reason);
  }
  if (ev !== null && ac !== null) {
    r.cv = ev - ac;
    if (ac > 0) r.cpi = finite(ev / ac);
    else why('cpi', ac === 0 ? 'AC is 0 (no actual cost recorded)' : 'AC is negative (credits exceed the costs recorded)');
  } else {
    const reason = ac === null ? 'no actual cost recorded' : 'no % complete to earn value from';
    why('cv', reason);
    why('cpi', reason);
  }
  if (bac !== null) {
    if (ev !== null && bac > 0) r.percentComplete = ev / bac;
    else if (bac <= 0) why('percentComplete', 'BAC is 0');
    if (r.cpi !== null && r.cpi > 0) r.eac = finite(bac / r.cpi);
    else if (!reasons.eac) why('eac', r.cpi === 0 ? 'CPI is 0 (cost spent, nothing earned)' : `CPI unknown: ${reasons.cpi ?? 'no data'}`);
    if (ac !== null && ev !== null) r.eacAtBudgetRate = ac + (bac - ev);
    else if (!reasons.eacAtBudgetRate) why('eacAtBudgetRate', 'needs AC and EV');
    if (ac !== null && ev !== null && r.cpi !== null && r.spi !== null && r.cpi * r.spi > 0) {
      r.eacCpiSpi = finite(ac + (bac - ev) / (r.cpi * r.spi));
    } else if (!reasons.eacCpiSpi) why('eacCpiSpi', 'needs CPI and SPI above 0');
    if (r.eac !== null && ac !== null) r.etc = r.eac - ac;
    else if (!reasons.etc) why('etc', 'needs EAC and AC');
    if (r.eac !== null) r.vac = bac - r.eac;
    else if (!reasons.vac) why('vac', 'needs EAC');
    if (ac !== null && ev !== null) {
      if (bac - ac > 0) r.tcpi = finite((bac - ev) / (bac - ac));
      else why('tcpi', 'BAC − AC ≤ 0: the budget is already spent');
    } else if (!reasons.tcpi) why('tcpi', 'needs AC and EV');
  }
  // A division by an index that is almost 0 can overflow to Infinity; finite() made it null: say so.
  for (const k of Object.keys(r) as (keyof EvmIndices)[]) {
    if (r[k] === null && !reasons[k]) why(k, 'too large to compute: an index is almost 0');
  }
  return r;
}
