/**
 * Earned Schedule (Lipke): ES = C + (EV − PV_C)/(PV_{C+1} − PV_C), where C is the last point with
 * PV_C ≤ EV. The PV curve is a list of (x, cumulative PV) points with increasing x; x is in working days
 * from the baseline start (or in periods for the reference cases).
 */

export interface PvCurve {
  x: number[];
  pv: number[];
}

export interface EarnedScheduleResult {
  es: number | null;
  svt: number | null;
  spit: number | null;
  /** IEAC(t) = PD / SPI(t), in x units from the curve start. */
  ieac: number | null;
  /** Planned duration: the first x where the curve reaches its total. */
  pd: number | null;
}

/** Cumulative PV at x, linear between points, flat beyond the ends. */
export function pvAt(curve: PvCurve, x: number): number {
  const { x: xs, pv } = curve;
  if (xs.length === 0) return 0;
  if (x <= xs[0]) return x < xs[0] ? 0 : pv[0];
  if (x >= xs[xs.length - 1]) return pv[pv.length - 1];
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  const span = xs[hi] - xs[lo];
  return span > 0 ? pv[lo] + ((pv[hi] - pv[lo]) * (x - xs[lo])) / span : pv[hi];
}

/** Planned duration: first x at which the curve reaches its final (total) value. */
export function plannedDuration(curve: PvCurve): number | null {
  const n = curve.pv.length;
  if (n === 0) return null;
  const total = curve.pv[n - 1];
  for (let i = 0; i < n; i++) if (curve.pv[i] >= total) return curve.x[i];
  return curve.x[n - 1];
}

/** ES for an EV on the curve (null when the curve is empty or has no value). */
export function earnedScheduleX(curve: PvCurve, ev: number): number | null {
  const n = curve.pv.length;
  if (n === 0 || curve.pv[n - 1] <= 0) return null;
  // Once EV reaches the total, the work is all earned: ES is the planned duration.
  if (ev >= curve.pv[n - 1]) return plannedDuration(curve);
  let lo = 0;
  let hi = n - 1;
  // last index with pv <= ev (pv is non-decreasing)
  if (curve.pv[0] > ev) return curve.x[0];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (curve.pv[mid] <= ev) lo = mid;
    else hi = mid;
  }
  const c = lo;
  const next = c + 1;
  const dpv = curve.pv[next] - curve.pv[c];
  return dpv > 0 ? curve.x[c] + ((ev - curve.pv[c]) / dpv) * (curve.x[next] - curve.x[c]) : curve.x[c];
}

/** ES, SV(t) = ES − AT, SPI(t) = ES / AT, IEAC(t) = PD / SPI(t), with reasons for each null. */
export function earnedSchedule(curve: PvCurve, ev: number | null, at: number | null, reasons: Record<string, string>): EarnedScheduleResult {
  const pd = plannedDuration(curve);
  const res: EarnedScheduleResult = { es: null, svt: null, spit: null, ieac: null, pd };
  if (ev === null) {
    for (const k of ['esDate', 'svtDays', 'spit', 'ieacDate']) reasons[k] = 'no earned value (no % complete or budget)';
    return res;
  }
  res.es = earnedScheduleX(curve, ev);
  if (res.es === null) {
    for (const k of ['esDate', 'svtDays', 'spit', 'ieacDate']) reasons[k] = 'no planned value curve (no baseline dates with budget)';
    return res;
  }
  if (at === null) {
    for (const k of ['svtDays', 'spit', 'ieacDate']) reasons[k] = 'no actual time (status date unknown)';
    return res;
  }
  res.svt = res.es - at;
  if (at > 0) res.spit = res.es / at;
  else {
    reasons.spit = 'AT is 0: the status date is on or before the baseline start';
    reasons.ieacDate = reasons.spit;
    return res;
  }
  if (res.spit > 0 && pd !== null) res.ieac = pd / res.spit;
  else reasons.ieacDate = 'SPI(t) is 0: nothing earned yet';
  return res;
}
