/** What the command line prints, as pure functions of the result: a short summary and an issue table. */
import type { RollupIssue } from '../core/issues';
import type { RollupResult } from '../core/result';
import { maxOf } from '../core/arrays';

function num(v: number | null, digits = 2): string {
  return v === null ? 'n/a' : v.toFixed(digits);
}

function money(v: number | null): string {
  return v === null ? 'n/a' : `$${Math.round(v).toLocaleString('en-US')}`;
}

const MAX_LISTED = 8;

/** A few lines a person reads in the terminal: what was found, how healthy it is, what is blocked, where it went. */
export function formatSummary(result: RollupResult, inputs: string[], outFile: string | null): string {
  const p = result.program;
  const lines: string[] = [];
  // Name a handful; a program of a hundred projects would otherwise print a paragraph of IDs.
  const ids = result.projects.map((x) => x.id);
  const projects = ids.length > MAX_LISTED ? `${ids.slice(0, MAX_LISTED).join(', ')} and ${ids.length - MAX_LISTED} more` : ids.join(', ');
  lines.push(`Program Rollup: ${result.projects.length} project${result.projects.length === 1 ? '' : 's'} found in ${inputs.join(', ')}${projects ? ` (${projects})` : ''}`);
  lines.push(`Status date: ${result.statusDate}`);
  // The core's reason may already start with the colour ("Amber: SPI 0.91 < 0.95"): say it once.
  const reason = p.healthReason ? p.healthReason.replace(new RegExp(`^${p.health}:\\s*`, 'i'), '') : '';
  lines.push(`Program health: ${p.health.toUpperCase()}${reason ? ` (${reason})` : ''}`);
  lines.push(`SPI ${num(p.spi)}  CPI ${num(p.cpi)}  SV(t) ${p.svtDays === null ? 'n/a' : `${num(p.svtDays, 1)} d`}  EAC ${money(p.eac)} vs BAC ${money(p.bac)}`);
  if (p.baselineFinish || p.forecastFinish) {
    const fv = p.finishVarianceDays === null ? '' : ` (${p.finishVarianceDays >= 0 ? '+' : ''}${p.finishVarianceDays} working days)`;
    lines.push(`Finish: baseline ${p.baselineFinish ?? 'n/a'}, forecast ${p.forecastFinish ?? 'n/a'}${fv}`);
  }
  const late = result.dependencies.filter((d) => d.status === 'late');
  lines.push(`Late hand-offs: ${late.length}${late.length ? ':' : ''}`);
  for (const d of late) {
    lines.push(`  ${d.from} -> ${d.to} ${d.type}${d.lagDays ? `${d.lagDays > 0 ? '+' : ''}${d.lagDays}d` : ''}: ${d.fromName} -> ${d.toName}, slack ${d.slackDays ?? 'n/a'} d`);
  }
  const counts = countBySeverity(result.issues);
  lines.push(`Issues: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes${result.issues.length ? ' (listed on stderr)' : ''}`);
  if (outFile) lines.push(`Summary workbook written to ${outFile}`);
  return lines.join('\n');
}

export function countBySeverity(issues: RollupIssue[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Compact fixed-width table: severity, sheet!cell, message; errors first, then by sheet. */
export function formatIssueTable(issues: RollupIssue[], maxWhere = 32): string {
  if (issues.length === 0) return '';
  const rows = [...issues]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.sheet.localeCompare(b.sheet))
    .map((i) => {
      const where = i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
      return [i.severity.toUpperCase(), where.length > maxWhere ? `${where.slice(0, maxWhere - 1)}…` : where, i.message];
    });
  const w0 = maxOf(rows.map((r) => r[0].length), 8);
  const w1 = maxOf(rows.map((r) => r[1].length), 5);
  const header = `${'SEVERITY'.padEnd(w0)}  ${'WHERE'.padEnd(w1)}  MESSAGE`;
  return [header, ...rows.map((r) => `${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`)].join('\n');
}
