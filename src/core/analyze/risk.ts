/**
 * Risk exposure: open risks only. exposure = p × cost impact, schedule exposure = p × schedule days,
 * score = probability level × impact level (1..25), 5 × 5 heat map of counts [impact-1][level-1].
 */
import type { Project, Risk } from '../model';
import type { TopRisk } from '../result';

/** Probability 0..1 -> level 1..5 (0.1, 0.3, 0.5, 0.7, 0.9 are the centres of the five bands). */
export function probabilityLevel(p: number): number {
  if (p <= 0.2) return 1;
  if (p <= 0.4) return 2;
  if (p <= 0.6) return 3;
  if (p <= 0.8) return 4;
  return 5;
}

export function emptyHeatMap(): number[][] {
  return Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
}

export interface RiskFigures {
  exposure: number;
  scheduleExposureDays: number;
  openRisks: number;
  heatMap: number[][];
  risks: TopRisk[];
}

function clampLevel(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  return Math.min(5, Math.max(1, Math.round(x)));
}

/** The open risks of one project as TopRisk rows (inheritedBy filled in later), with totals and heat map. */
export function projectRisks(project: Project): RiskFigures {
  const heatMap = emptyHeatMap();
  const risks: TopRisk[] = [];
  let exposure = 0;
  let scheduleExposureDays = 0;
  for (const r of project.risks) {
    if (!r.isOpen) continue;
    const row = riskRow(project.id, r);
    exposure += row.exposure;
    scheduleExposureDays += row.scheduleExposureDays;
    if (row.impactLevel !== null && r.probability !== null) heatMap[row.impactLevel - 1][probabilityLevel(row.probability) - 1]++;
    risks.push(row);
  }
  return { exposure, scheduleExposureDays, openRisks: risks.length, heatMap, risks };
}

function riskRow(projectId: string, r: Risk): TopRisk {
  const p = r.probability !== null && Number.isFinite(r.probability) ? Math.min(1, Math.max(0, r.probability)) : 0;
  const impactLevel = clampLevel(r.impactLevel);
  const exposure = r.costImpact !== null && Number.isFinite(r.costImpact) ? p * r.costImpact : 0;
  const scheduleExposureDays = r.scheduleImpactDays !== null && Number.isFinite(r.scheduleImpactDays) ? p * r.scheduleImpactDays : 0;
  return {
    projectId,
    id: r.id,
    title: r.title,
    probability: p,
    impactLevel,
    score: impactLevel !== null && r.probability !== null ? probabilityLevel(p) * impactLevel : null,
    exposure,
    scheduleExposureDays,
    owner: r.owner,
    status: r.status,
    taskKey: r.taskId ? `${projectId}:${r.taskId}` : null,
    inheritedBy: [],
    sheet: r.source.sheet,
    cell: r.source.cell,
  };
}

/** Highest exposure first, then score, then schedule exposure; stable by project and id. */
export function rankRisks(risks: TopRisk[], count: number): TopRisk[] {
  return [...risks]
    .sort(
      (a, b) =>
        b.exposure - a.exposure ||
        (b.score ?? 0) - (a.score ?? 0) ||
        b.scheduleExposureDays - a.scheduleExposureDays ||
        a.projectId.localeCompare(b.projectId) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, Math.max(0, count));
}

export function addHeatMaps(into: number[][], from: number[][]): void {
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) into[i][j] += from[i][j];
}
