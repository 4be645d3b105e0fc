/** Number and label formatting for the pane; shared by the sections so KPIs read the same everywhere. */
import type { HealthColor } from '../core/settings';
import type { ListedSource } from './actions';

export function fmtIndex(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : v.toFixed(2);
}

export function fmtMoney(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (abs >= 1e6) return `${sign}${(abs / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${sign}${(abs / 1e3).toFixed(0)}k`;
  return `${sign}${abs.toFixed(0)}`;
}

export function fmtDays(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (v === 0) return 'on time';
  return v > 0 ? `${v} d late` : `${-v} d early`;
}

export const HEALTH_LABEL: Record<HealthColor, string> = { green: 'Green', amber: 'Amber', red: 'Red', gray: 'No data' };

/** Badge colours for Fluent's Badge `color` prop. */
export const HEALTH_BADGE: Record<HealthColor, 'success' | 'warning' | 'danger' | 'informative'> = {
  green: 'success',
  amber: 'warning',
  red: 'danger',
  gray: 'informative',
};

export function describeSource(s: ListedSource): string {
  const parts: string[] = [];
  if (s.kind === 'project' && s.countsUnknown) parts.push('Project; tasks and risks are counted by a roll-up');
  else if (s.kind === 'project') parts.push(`Project with ${s.taskCount} task${s.taskCount === 1 ? '' : 's'} and ${s.riskCount} risk${s.riskCount === 1 ? '' : 's'}`);
  else if (s.kind === 'program') parts.push(s.reason ?? 'Program sheet');
  else parts.push(`Skipped: ${s.reason ?? 'not a project sheet'}`);
  if (s.hidden) parts.push('hidden');
  return parts.join(' · ');
}
