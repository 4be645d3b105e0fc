/**
 * Health colours. Each rule gives a colour and a one-line reason; overall = the worst; gray only when no
 * rule had data. Reasons read like "Red: SPI 0.84 < 0.90".
 */
import type { HealthColor, HealthProfile } from '../settings';

export interface HealthInputs {
  spi: number | null;
  cpi: number | null;
  finishVarianceDays: number | null;
  /** Baseline duration in working days (for the red fraction). */
  baselineDays: number | null;
  lateHandoffs: number;
  /** How the SPI rule names its index, e.g. "SPI (duration-weighted)"; default "SPI". */
  spiName?: string;
}

const RANK: Record<HealthColor, number> = { gray: 0, green: 1, amber: 2, red: 3 };
const f2 = (x: number): string => x.toFixed(2);
const cap = (c: HealthColor): string => c[0].toUpperCase() + c.slice(1);

interface Verdict {
  color: HealthColor;
  text: string;
}

function indexRule(name: string, v: number | null, p: HealthProfile): Verdict | null {
  if (v === null) return null;
  if (v >= p.indexGreen) return { color: 'green', text: `${name} ${f2(v)} ≥ ${f2(p.indexGreen)}` };
  if (v >= p.indexAmber) return { color: 'amber', text: `${name} ${f2(v)} < ${f2(p.indexGreen)}` };
  return { color: 'red', text: `${name} ${f2(v)} < ${f2(p.indexAmber)}` };
}

function finishRule(days: number | null, baselineDays: number | null, p: HealthProfile): Verdict | null {
  if (days === null) return null;
  if (days <= 0) return { color: 'green', text: days < 0 ? `finish ${-days} working days early` : 'finish on baseline' };
  if (baselineDays !== null && baselineDays > 0 && days > p.finishVarianceRedFraction * baselineDays) {
    const pct = Math.round(p.finishVarianceRedFraction * 100);
    return { color: 'red', text: `finish ${days} working days late > ${pct}% of ${baselineDays}-day baseline` };
  }
  return { color: 'amber', text: `finish ${days} working days late` };
}

export function healthOf(x: HealthInputs, p: HealthProfile): { health: HealthColor; healthReason: string } {
  const verdicts: Verdict[] = [];
  for (const v of [indexRule(x.spiName ?? 'SPI', x.spi, p), indexRule('CPI', x.cpi, p), finishRule(x.finishVarianceDays, x.baselineDays, p)]) {
    if (v) verdicts.push(v);
  }
  if (x.lateHandoffs > 0) {
    verdicts.push({ color: p.lateHandoffColor, text: `${x.lateHandoffs} late cross-project hand-off${x.lateHandoffs === 1 ? '' : 's'}` });
  }
  if (verdicts.length === 0) {
    return { health: 'gray', healthReason: 'Gray: not enough data (no SPI, CPI or finish dates)' };
  }
  let worst = verdicts[0];
  for (const v of verdicts) if (RANK[v.color] > RANK[worst.color]) worst = v;
  if (worst.color === 'green') {
    return { health: 'green', healthReason: `Green: ${verdicts.map((v) => v.text).join(', ')}` };
  }
  return { health: worst.color, healthReason: `${cap(worst.color)}: ${worst.text}` };
}
