/**
 * Cross-project hand-offs: what the link requires of the successor (from the predecessor's forecast)
 * against what the successor's PM plans. Slack in working days; negative = the hand-off will be late.
 */
import type { WorkCalendar } from '../calendar';
import type { HandoffStatus } from '../result';
import type { LinkShape, NetworkResult } from './network';
import { requiredEnd } from './network';

export interface HandoffFigures {
  /** Ordinal of the predecessor's driving end (finish for FS/FF, start for SS/SF), or null. */
  predecessorEnd: number | null;
  slackDays: number | null;
  status: HandoffStatus;
  /** Node indices of the push chain, earliest first, ending at the predecessor. */
  chain: number[];
}

const MAX_CHAIN = 200;

export function handoffStatus(slack: number | null, atRiskSlackDays: number): HandoffStatus {
  if (slack === null) return 'unknown';
  if (slack < 0) return 'late';
  if (slack < atRiskSlackDays) return 'at-risk';
  return 'ok';
}

/**
 * The hand-off figures of the link `link` from node `from` into node `to`, on the flat edge arrays the
 * analysis keeps (eFrom = each edge's predecessor node). The push chain needs no visited set here: a driver edge is set in
 * the forward pass from a node earlier in topological order, so the walk can never revisit a node (the
 * MAX_CHAIN cap still bounds it). One Set per hand-off was a visible cost on programs with 10k hand-offs.
 */
export function handoffFlat(
  cal: WorkCalendar, net: NetworkResult, eFrom: Int32Array, from: number, to: number, link: LinkShape, atRiskSlackDays: number,
): HandoffFigures {
  const ps = net.es[from];
  const pf = net.ef[from];
  const chain: number[] = [];
  const driver = net.driver;
  let v = from;
  while (v !== -1 && chain.length < MAX_CHAIN) {
    chain.push(v);
    const d = driver[v];
    v = d === -1 ? -1 : eFrom[d];
  }
  chain.reverse();
  if (Number.isNaN(ps) || Number.isNaN(pf)) return { predecessorEnd: null, slackDays: null, status: 'unknown', chain };
  const predecessorEnd = link.type === 'FS' || link.type === 'FF' ? pf : ps;
  const own = link.type === 'FS' || link.type === 'SS' ? net.ownStart[to] : net.ownFinish[to];
  if (Number.isNaN(own)) return { predecessorEnd, slackDays: null, status: 'unknown', chain };
  const slackDays = own - requiredEnd(cal, link, ps, pf);
  return { predecessorEnd, slackDays, status: handoffStatus(slackDays, atRiskSlackDays), chain };
}
