/**
 * The PM's status beside the figures: the stated RAG against the computed health (with the computed reason
 * when they disagree), and how old the update is. Data in, data out.
 */
import type { ProgramModel } from '../model';
import type { RollupResult } from '../result';
import type { HealthColor } from '../settings';
import type { PmStatusResult } from '../status-result';
import { isoToSerial, serialToIso } from '../calendar';

const LABEL: Record<HealthColor, string> = { green: 'Green', amber: 'Amber', red: 'Red', gray: 'Gray' };

/** "PM says Green; figures say Red: SPI 0.84 < 0.90". */
export function disagreementText(pm: HealthColor, computed: HealthColor, reason: string): string {
  const r = reason.trim().replace(/\.$/, '');
  const said = r.toLowerCase().startsWith(LABEL[computed].toLowerCase()) ? r : r === '' ? LABEL[computed] : `${LABEL[computed]}: ${r}`;
  return `PM says ${LABEL[pm]}; figures say ${said}`;
}

export function pmStatuses(model: ProgramModel, result: RollupResult, staleDays: number): PmStatusResult[] {
  const status = isoToSerial(result.statusDate);
  const byId = new Map(result.projects.map((p) => [p.id, p]));
  const out: PmStatusResult[] = [];
  for (const p of model.projects) {
    const s = p.status;
    const r = byId.get(p.id);
    if (!s || !r) continue;
    const disagrees = s.rag !== null && r.health !== 'gray' && s.rag !== r.health;
    const ageDays = s.updated !== null && status !== null ? status - s.updated : null;
    const cell = (s.cells.rag ?? Object.values(s.cells)[0])?.cell ?? 'A1';
    out.push({
      projectId: p.id, projectName: p.name, manager: p.manager, sheet: p.sheet, pmRag: s.rag, pmRagText: s.ragText,
      computed: r.health, computedReason: r.healthReason, disagrees,
      disagreement: disagrees && s.rag !== null ? disagreementText(s.rag, r.health, r.healthReason) : null,
      summary: s.summary, accomplishments: s.accomplishments, nextSteps: s.nextSteps, decisions: s.decisions, escalations: s.escalations,
      updated: s.updated === null ? null : serialToIso(s.updated), ageDays, stale: ageDays !== null && ageDays > staleDays, cell,
    });
  }
  return out;
}
