/**
 * The sentence that says what earned value is weighted by, when it is not money everywhere: the summary
 * sheet writes it under the KPIs and the pane shows it under the program's figures, so the same words
 * reach both. A duration-weighted SPI is read differently from a cost one, so it is never left unsaid.
 */
import type { RollupResult } from '../result';

const MAX_NAMED = 12;

function names(ids: string[]): string {
  return ids.length > MAX_NAMED ? `${ids.slice(0, MAX_NAMED).join(', ')} and ${ids.length - MAX_NAMED} more` : ids.join(', ');
}

/** null when every project with earned value is cost-weighted (or none has any). */
export function evmBasisNote(result: RollupResult): string | null {
  const duration: string[] = [];
  const forecast: string[] = [];
  for (const p of result.projects) {
    if (p.evmBasis === 'duration') duration.push(p.id);
    else if (p.evmBasis === 'duration-forecast-plan') forecast.push(p.id);
  }
  const parts: string[] = [];
  if (duration.length > 0) {
    parts.push(`duration-weighted for ${names(duration)} (no cost data: PV, EV and SPI in baseline working days; no CPI or EAC)`);
  }
  if (forecast.length > 0) {
    parts.push(`duration-weighted on the forecast dates for ${names(forecast)} (no baseline: SPI is against the current plan; no finish variance)`);
  }
  const g = result.program;
  const program = g.evmNote ?? (g.evmBasis === 'duration' || g.evmBasis === 'duration-forecast-plan' ? 'Program SPI is duration-weighted too.' : null);
  if (parts.length === 0 && program === null) return null;
  return [parts.length > 0 ? `Earned value is ${parts.join('; ')}.` : null, program].filter((s) => s !== null).join(' ');
}
