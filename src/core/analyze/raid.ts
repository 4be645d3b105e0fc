/**
 * The program's issues, actions and decisions in one list: age and overdue at the status date, in calendar
 * days (a log's dates are promises made to people, not working-day schedule maths). Data in, data out.
 */
import type { ProgramModel } from '../model';
import type { RaidResult } from '../raid-result';
import { isoToSerial, serialToIso } from '../calendar';

const KIND_ORDER = { issue: 0, action: 1, decision: 2 } as const;

export function raidLog(model: ProgramModel, statusDate: string): RaidResult[] {
  const status = isoToSerial(statusDate);
  const out: RaidResult[] = [];
  for (const p of model.projects) {
    for (const x of p.raid ?? []) {
      const age = x.raised !== null && status !== null && x.raised <= status ? status - x.raised : null;
      const overdue = x.isOpen && x.due !== null && status !== null && x.due < status;
      out.push({
        projectId: p.id, projectName: p.name, kind: x.kind, id: x.id, title: x.title, owner: x.owner,
        raised: x.raised === null ? null : serialToIso(x.raised), due: x.due === null ? null : serialToIso(x.due),
        status: x.status, isOpen: x.isOpen, ageDays: age, overdue,
        daysOverdue: overdue && x.due !== null && status !== null ? status - x.due : null,
        sheet: x.source.sheet, cell: x.source.cell,
      });
    }
  }
  // Open before closed, overdue first and most overdue on top, then by kind and due date: the meeting's order.
  const rank = (r: RaidResult): number => (r.overdue ? 0 : r.isOpen ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}

/** Open issues per project ID (only projects that have some). */
export function openIssuesByProject(raid: readonly RaidResult[] | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of raid ?? []) if (r.kind === 'issue' && r.isOpen) m.set(r.projectId, (m.get(r.projectId) ?? 0) + 1);
  return m;
}
